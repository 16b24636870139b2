// Geometry of a timeline: years across, one row per customer (on a company's page) or per company
// (on a customer's page), one mark per finding. Shape says the status, colour (in CSS) the kind, size
// the amount where there is one, compared only with amounts in the same currency: figures are never
// converted or added up. Ceilings and shared amounts are flagged so the drawing can show them as such.
// Pure: numbers in, numbers out; the page turns them into SVG.
import type { Amount, FindingKind, FindingStatus } from '../dataset/types';

export type MarkShape = 'circle' | 'square' | 'triangle' | 'diamond';

export const SHAPE_OF_STATUS: Record<FindingStatus, MarkShape> = {
  reported: 'circle',
  confirmed: 'square',
  denied: 'triangle',
  disputed: 'diamond',
};

export interface TimelineItem {
  id: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  /** Which row the mark sits on. */
  row: string;
  status: FindingStatus;
  kind: FindingKind;
  amount?: Amount;
}

export interface TimelineRowInput {
  key: string;
  label: string;
}

export interface LayoutOptions {
  /** Total width available, in px. */
  width: number;
  /** Width kept on the left for row labels. */
  labelWidth: number;
  /** Height of one lane; a row has as many lanes as it needs so marks never overlap. */
  laneHeight: number;
  /** Height below the rows for the year axis. */
  axisHeight: number;
  /** Narrowest space per year: past it the drawing grows wider than `width` (and scrolls). */
  minYearWidth: number;
  /**
   * Height of a label line above each row's marks, for narrow screens where names do not fit
   * beside the rows (then `labelWidth` is usually 0); 0 puts labels beside the rows.
   */
  labelHeight?: number;
}

export const DEFAULT_LAYOUT: LayoutOptions = { width: 800, labelWidth: 160, laneHeight: 30, axisHeight: 28, minYearWidth: 36 };

/** Radius of a mark without an amount, and the range for amounts (smallest to largest of a currency). */
export const RADIUS = { none: 6, min: 6, max: 13 } as const;

export interface TimelineMark {
  id: string;
  x: number;
  y: number;
  radius: number;
  shape: MarkShape;
  kind: FindingKind;
  status: FindingStatus;
  /** Drawn hollow with a dashed outline: a maximum, not money paid. */
  ceiling: boolean;
  /** Drawn with a second ring: a figure shared with other vendors. */
  shared: boolean;
}

export interface TimelineLayout {
  width: number;
  height: number;
  /** Left and right edges of the plotted span. */
  plot: { left: number; right: number; top: number; bottom: number };
  ticks: { year: number; x: number; labelled: boolean }[];
  /** Each row's box (its label line included when labels sit above). */
  rows: { key: string; label: string; top: number; height: number; labelAbove: boolean }[];
  marks: TimelineMark[];
}

const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * A date as a fractional year at the middle of the span it names: "2023" → 2023.5,
 * "2023-07" → the middle of July, "2023-07-01" → that day. Unknown shapes fall on their year.
 */
export function yearFraction(date: string): number {
  const parts = DATE_PATTERN.exec(date);
  const year = Number(parts?.[1] ?? date.slice(0, 4));
  if (!parts || !parts[2]) return year + 0.5;
  const month = Math.min(Math.max(Number(parts[2]), 1), 12) - 1;
  if (!parts[3]) return year + (month + 0.5) / 12;
  const start = Date.UTC(year, 0, 1);
  const day = Date.UTC(year, month, Math.min(Math.max(Number(parts[3]), 1), 31));
  const length = Date.UTC(year + 1, 0, 1) - start;
  return year + (day - start + 43_200_000) / length;
}

/** A linear map from [d0, d1] to [r0, r1]; a zero-width domain maps to the middle of the range. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (value: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (value) => r0 + (value - d0) * k;
}

/** Tick spacing in years so that labels stay readable at `yearWidth` px per year. */
export function labelStep(yearWidth: number): number {
  for (const step of [1, 2, 5, 10]) if (yearWidth * step >= 44) return step;
  return 20;
}

/**
 * Radius by amount: the square root of the value (so area follows the figure) relative to the largest
 * amount in the same currency among these items. A lone amount in its currency gets the full size.
 */
export function radiusFor(amount: Amount | undefined, largestByCurrency: ReadonlyMap<string, number>): number {
  if (!amount || !(amount.value > 0)) return RADIUS.none;
  const largest = largestByCurrency.get(amount.currency) ?? amount.value;
  return RADIUS.min + (RADIUS.max - RADIUS.min) * Math.sqrt(amount.value / largest);
}

export function layoutTimeline(items: readonly TimelineItem[], rows: readonly TimelineRowInput[], options: LayoutOptions = DEFAULT_LAYOUT): TimelineLayout {
  const years = items.map((item) => Math.floor(yearFraction(item.date)));
  const first = years.length ? Math.min(...years) : new Date().getUTCFullYear();
  const last = years.length ? Math.max(...years) : first;
  const yearCount = last - first + 1;
  const pad = RADIUS.max + 4;
  const plotLeft = options.labelWidth + pad;
  const plotWidth = Math.max(options.width - plotLeft - pad, yearCount * options.minYearWidth);
  const width = plotLeft + plotWidth + pad;
  const x = linearScale(first, last + 1, plotLeft, plotLeft + plotWidth);

  const largestByCurrency = new Map<string, number>();
  for (const { amount } of items) {
    if (amount && amount.value > 0) largestByCurrency.set(amount.currency, Math.max(largestByCurrency.get(amount.currency) ?? 0, amount.value));
  }

  const marks: TimelineMark[] = [];
  const rowBoxes: TimelineLayout['rows'] = [];
  let top = 8;
  const labelHeight = options.labelHeight ?? 0;
  for (const row of rows) {
    const lanesTop = top + labelHeight;
    const placed = items
      .filter((item) => item.row === row.key)
      .map((item) => ({ item, x: x(yearFraction(item.date)), radius: radiusFor(item.amount, largestByCurrency) }))
      .sort((a, b) => a.x - b.x || a.item.id.localeCompare(b.item.id));
    // Greedy lanes: each mark goes to the first lane whose last mark it does not touch.
    const laneEnds: number[] = [];
    const lanes = placed.map((mark) => {
      let lane = laneEnds.findIndex((end) => end + 3 <= mark.x - mark.radius);
      if (lane === -1) lane = laneEnds.push(-Infinity) - 1;
      laneEnds[lane] = mark.x + mark.radius;
      return lane;
    });
    const laneCount = Math.max(1, laneEnds.length);
    const laneHeight = Math.max(options.laneHeight, 2 * RADIUS.max + 4);
    placed.forEach((mark, position) => {
      marks.push({
        id: mark.item.id,
        x: mark.x,
        y: lanesTop + laneHeight * (lanes[position]! + 0.5),
        radius: mark.radius,
        shape: SHAPE_OF_STATUS[mark.item.status],
        kind: mark.item.kind,
        status: mark.item.status,
        ceiling: mark.item.amount?.ceiling === true,
        shared: mark.item.amount?.shared === true,
      });
    });
    rowBoxes.push({ key: row.key, label: row.label, top, height: labelHeight + laneHeight * laneCount, labelAbove: labelHeight > 0 });
    top += labelHeight + laneHeight * laneCount;
  }

  const step = labelStep(plotWidth / yearCount);
  const ticks = [];
  for (let year = first; year <= last + 1; year++) ticks.push({ year, x: x(year), labelled: year <= last && (year - first) % step === 0 });
  return {
    width,
    height: top + options.axisHeight,
    plot: { left: plotLeft, right: plotLeft + plotWidth, top: 8, bottom: top },
    ticks,
    rows: rowBoxes,
    marks,
  };
}

/** The points of a mark's outline for the polygon shapes, centred on (x, y). */
export function polygonPoints(shape: Exclude<MarkShape, 'circle' | 'square'>, x: number, y: number, radius: number): string {
  const r = radius * 1.2;
  const points = shape === 'triangle'
    ? [[x, y - r], [x + r * 0.95, y + r * 0.7], [x - r * 0.95, y + r * 0.7]]
    : [[x, y - r], [x + r, y], [x, y + r], [x - r, y]];
  return points.map(([px, py]) => `${round(px!)},${round(py!)}`).join(' ');
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
