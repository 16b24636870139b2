// Pointer and keyboard access to the marks. Highlights receive no events, so a throttled
// pointermove asks the browser which caret position lies under the pointer and checks our ranges;
// Alt+Shift+U walks through the marks (scrolls, paints the current one, opens the tooltip), Escape closes.
import type { HighlightRegistry, Mark } from './highlight-registry';

export interface CaretPoint {
  node: Node;
  offset: number;
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** The caret position under a viewport point (standard API first, WebKit's where it is missing). */
export function readCaretAt(doc: Document, x: number, y: number): CaretPoint | null {
  const d = doc as CaretDocument;
  if (typeof d.caretPositionFromPoint === 'function') {
    const position = d.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const range = d.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

function isPointInRects(range: Range, x: number, y: number): boolean {
  const slack = 1;
  for (const rect of Array.from(range.getClientRects())) {
    if (x >= rect.left - slack && x <= rect.right + slack && y >= rect.top - slack && y <= rect.bottom + slack) return true;
  }
  return false;
}

/** The mark under a viewport point: the caret must fall in its range and the point on its boxes. */
export function findMarkAtPoint(registry: HighlightRegistry, doc: Document, x: number, y: number): Mark | null {
  const caret = readCaretAt(doc, x, y);
  if (!caret) return null;
  const mark = registry.findAt(caret.node, caret.offset);
  // The caret is the nearest insertion point, which can sit at a mark's edge while the pointer is past it.
  return mark && isPointInRects(mark.range, x, y) ? mark : null;
}

/** The mark after (or before) the current one, wrapping around; null when there are none. */
export function pickNextMark(marks: readonly Mark[], current: Mark | null, backwards = false): Mark | null {
  if (marks.length === 0) return null;
  const index = current ? marks.indexOf(current) : -1;
  if (index < 0) return (backwards ? marks[marks.length - 1] : marks[0]) ?? null;
  const next = (index + (backwards ? -1 : 1) + marks.length) % marks.length;
  return marks[next] ?? null;
}

/** Alt+Shift+U (next) and Alt+Shift+Y (previous); by physical key so keyboard layouts and Alt-produced characters don't matter. */
export function readNavigationKey(event: KeyboardEvent): 'next' | 'previous' | null {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return null;
  if (event.code === 'KeyU') return 'next';
  if (event.code === 'KeyY') return 'previous';
  return null;
}
