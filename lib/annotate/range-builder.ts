// Turns matcher offsets (UTF-16 indices into a segment's joined text) into DOM Ranges over the
// segment's text nodes. Invariant: a range never starts or ends outside the segment's nodes.
import type { TextSegment } from './text-walker';

/** Index of the node holding character `offset` (for an end offset, pass offset - 1). */
function nodeIndexAt(segment: TextSegment, offset: number): number {
  let low = 0;
  let high = segment.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((segment.starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The range covering [start, end) of the segment's text, or null for an empty or out-of-bounds span. */
export function buildRange(segment: TextSegment, start: number, end: number): Range | null {
  if (start < 0 || end > segment.text.length || end <= start) return null;
  const first = nodeIndexAt(segment, start);
  const last = nodeIndexAt(segment, end - 1);
  const startNode = segment.nodes[first];
  const endNode = segment.nodes[last];
  if (!startNode || !endNode) return null;
  const range = startNode.ownerDocument.createRange();
  range.setStart(startNode, start - (segment.starts[first] ?? 0));
  range.setEnd(endNode, end - (segment.starts[last] ?? 0));
  return range;
}
