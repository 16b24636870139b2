// Windowed rendering of long lists: which rows of a fixed-height list are on screen (plus a margin),
// given where the list starts relative to the viewport. Pure arithmetic, so the page renders only those.
export interface RowWindow {
  /** First row to render (inclusive). */
  start: number;
  /** Row after the last one to render (exclusive). */
  end: number;
}

/**
 * `listTop` is the list's top edge relative to the viewport's top (negative once scrolled past);
 * `overscan` rows are added on both sides so keyboard focus and fast scrolling find rows ready.
 */
export function visibleRows(listTop: number, viewportHeight: number, rowHeight: number, count: number, overscan = 8): RowWindow {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(-listTop / rowHeight);
  const last = Math.ceil((viewportHeight - listTop) / rowHeight);
  const start = Math.min(Math.max(0, first - overscan), count);
  const end = Math.min(count, Math.max(start, last + overscan));
  return { start, end };
}
