// Draws a timeline layout (timeline-layout.ts) as SVG: one focusable link per finding carrying
// data-finding="<id>" and a spoken label, row labels, a year axis. Colours come from CSS classes
// (kind-<kind>), so light and dark follow the page. Built with createElementNS only.
import type { MarkShape, TimelineLayout, TimelineMark } from './timeline-layout';
import { polygonPoints } from './timeline-layout';

const SVG = 'http://www.w3.org/2000/svg';

export interface TimelineSvgOptions {
  document: Document;
  /** The SVG's accessible name. */
  label: string;
  /** Where a mark leads (the finding's page). */
  hrefOf(id: string): string;
  /** What a screen reader says for a mark ("2023: title. Reported, Cloud."). */
  describe(id: string): string;
  /** Row labels longer than this many characters are shortened (the full name stays in a <title>). */
  maxLabelLength?: number;
}

function node<K extends keyof SVGElementTagNameMap>(doc: Document, tag: K, attributes: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const element = doc.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

const r1 = (value: number) => Math.round(value * 10) / 10;

/** The shape of one mark, centred on (x, y); also used by the legend. */
export function drawShape(doc: Document, shape: MarkShape, x: number, y: number, radius: number): SVGElement {
  if (shape === 'circle') return node(doc, 'circle', { cx: r1(x), cy: r1(y), r: r1(radius) });
  if (shape === 'square') {
    const side = radius * 1.75;
    return node(doc, 'rect', { x: r1(x - side / 2), y: r1(y - side / 2), width: r1(side), height: r1(side), rx: 1.5 });
  }
  return node(doc, 'polygon', { points: polygonPoints(shape, x, y, radius) });
}

function drawMark(doc: Document, mark: TimelineMark, options: TimelineSvgOptions): SVGAElement {
  const link = node(doc, 'a', { href: options.hrefOf(mark.id), 'data-finding': mark.id, 'aria-label': options.describe(mark.id) });
  link.classList.add('mark', `kind-${mark.kind}`, `status-${mark.status}`);
  if (mark.ceiling) link.classList.add('ceiling');
  if (mark.shared) link.classList.add('shared');
  if (mark.shared) link.append(node(doc, 'circle', { class: 'shared-ring', cx: r1(mark.x), cy: r1(mark.y), r: r1(mark.radius + 3.5) }));
  const shape = drawShape(doc, mark.shape, mark.x, mark.y, mark.radius);
  shape.classList.add('shape');
  link.append(shape);
  return link;
}

export function renderTimelineSvg(layout: TimelineLayout, options: TimelineSvgOptions): SVGSVGElement {
  const doc = options.document;
  const maxLabel = options.maxLabelLength ?? 24;
  const svg = node(doc, 'svg', {
    class: 'timeline', width: r1(layout.width), height: r1(layout.height),
    viewBox: `0 0 ${r1(layout.width)} ${r1(layout.height)}`, role: 'group', 'aria-label': options.label,
  });
  // Rows, labels, grid and axis are decoration for the eye: the marks carry the content.
  const decoration = node(doc, 'g', { 'aria-hidden': 'true' });
  layout.rows.forEach((row, position) => {
    if (position % 2 === 1) {
      decoration.append(node(doc, 'rect', { class: 'row-band', x: 0, y: r1(row.top), width: r1(layout.width), height: r1(row.height) }));
    }
    const y = row.labelAbove ? row.top + 8 : row.top + Math.min(row.height, 30) / 2;
    const label = node(doc, 'text', { class: 'row-label', x: 4, y: r1(y), 'dominant-baseline': 'central' });
    label.textContent = row.label.length > maxLabel ? `${row.label.slice(0, maxLabel - 1).trimEnd()}…` : row.label;
    if (row.label.length > maxLabel) {
      const title = node(doc, 'title');
      title.textContent = row.label;
      label.append(title);
    }
    decoration.append(label);
  });
  for (const tick of layout.ticks) {
    decoration.append(node(doc, 'line', { class: tick.labelled ? 'tick major' : 'tick', x1: r1(tick.x), x2: r1(tick.x), y1: layout.plot.top, y2: r1(layout.plot.bottom + 4) }));
    if (tick.labelled) {
      // A year's label sits in the middle of its span.
      const next = layout.ticks.find((other) => other.year === tick.year + 1);
      const text = node(doc, 'text', { class: 'year', x: r1(next ? (tick.x + next.x) / 2 : tick.x), y: r1(layout.plot.bottom + 18), 'text-anchor': 'middle' });
      text.textContent = String(tick.year);
      decoration.append(text);
    }
  }
  decoration.append(node(doc, 'line', { class: 'axis', x1: layout.plot.left, x2: layout.plot.right, y1: r1(layout.plot.bottom), y2: r1(layout.plot.bottom) }));
  svg.append(decoration);
  const marks = node(doc, 'g', { class: 'marks' });
  // Larger marks first so smaller ones stay on top and reachable by pointer.
  for (const mark of [...layout.marks].sort((a, b) => b.radius - a.radius || a.x - b.x)) marks.append(drawMark(doc, mark, options));
  svg.append(marks);
  return svg;
}
