// Walks the text a reader sees, in document order, as "segments": the text of consecutive text
// nodes sharing one block ancestor, joined so a matcher sees "Microsoft Azure" across <b> tags.
// Invariant: form fields, editable areas, script/style/template/noscript and our own UI are never entered.

/** Elements whose text is never read nor marked. */
export const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'OPTGROUP',
  'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'SVG', 'MATH', 'HEAD', 'TITLE',
]);

/** Our own elements (tooltip host, fallback marks): never walked. */
export const OWN_TAG_PREFIX = 'DUAL-USE-';

/** Inline elements: text across them belongs to the same segment. */
const INLINE_TAGS = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'LABEL', 'MARK', 'Q', 'S',
  'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'WBR', 'INS', 'DEL',
]);

/**
 * A segment is flushed once this long, so one match call stays well under a time slice. A text node
 * longer than this is cut into windows of this size (plus context), so no segment's text ever
 * exceeds 2 × MAX_SEGMENT_CHARS: that is the most one segment can overrun a slice.
 */
export const MAX_SEGMENT_CHARS = 8000;

/** Text either side of a window, so a match (and its neighbouring-word rules) at a window edge is seen whole. */
export const WINDOW_CONTEXT_CHARS = 256;

export interface TextSegment {
  nodes: Text[];
  /** starts[i] = offset of nodes[i] in text (negative for a window: its text begins inside nodes[0]). */
  starts: number[];
  text: string;
  /** A window of one long text node: only matches starting in [from, to) of `text` belong to it. */
  owns?: { from: number; to: number };
  /** More windows of the same node follow (fallback wrapping splits the node: paint after the last). */
  continues?: boolean;
}

/** The windows of one long text node; stops if the page edits the node meanwhile (it is then re-queued). */
function* windowsOf(node: Text): Generator<TextSegment> {
  const data = node.data;
  for (let from = 0; from < data.length && node.data === data; from += MAX_SEGMENT_CHARS) {
    const to = Math.min(data.length, from + MAX_SEGMENT_CHARS);
    const begin = Math.max(0, from - WINDOW_CONTEXT_CHARS);
    const end = Math.min(data.length, to + WINDOW_CONTEXT_CHARS);
    yield {
      nodes: [node], starts: [-begin], text: data.slice(begin, end),
      owns: { from: from - begin, to: to - begin }, continues: to < data.length,
    };
  }
}

/** True when an element and its subtree must be left alone. */
export function isSkippedElement(element: Element): boolean {
  const tag = element.tagName.toUpperCase();
  if (SKIPPED_TAGS.has(tag) || tag.startsWith(OWN_TAG_PREFIX)) return true;
  if (element.hasAttribute('hidden')) return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  return false;
}

/** True when a node sits inside something we never touch (checked for mutation roots). */
export function isInsideSkipped(node: Node, stopAt: Node | null = null): boolean {
  for (let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement; el && el !== stopAt; el = el.parentElement) {
    if (isSkippedElement(el)) return true;
  }
  return false;
}

function blockOf(node: Node): Node | null {
  let el = node.parentElement;
  while (el && INLINE_TAGS.has(el.tagName.toUpperCase())) el = el.parentElement;
  return el;
}

/**
 * Yields the segments under root lazily, so a caller can stop between two segments when its time
 * slice is spent. Text nodes in `seen` are skipped, and every yielded node is added to it, so the
 * same text is never marked twice when mutations hand us overlapping roots.
 */
export function* walkSegments(root: Node, seen: WeakSet<Text>): Generator<TextSegment> {
  const doc = root.ownerDocument ?? (root as Document);
  if (root.nodeType === 3) {
    const text = root as Text;
    if (!seen.has(text) && text.data.trim() && !isInsideSkipped(text)) {
      seen.add(text);
      if (text.data.length > MAX_SEGMENT_CHARS) yield* windowsOf(text);
      else yield { nodes: [text], starts: [0], text: text.data };
    }
    return;
  }
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode: (node) =>
      node.nodeType === 1 && isSkippedElement(node as Element) ? 2 /* FILTER_REJECT */ : 1 /* FILTER_ACCEPT */,
  });
  let current: TextSegment = { nodes: [], starts: [], text: '' };
  let currentBlock: Node | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType !== 3) continue;
    const text = node as Text;
    if (seen.has(text)) continue;
    seen.add(text);
    const data = text.data;
    if (data.length > MAX_SEGMENT_CHARS) {
      if (current.nodes.length) yield current;
      current = { nodes: [], starts: [], text: '' };
      currentBlock = null;
      yield* windowsOf(text);
      continue;
    }
    const block = blockOf(text);
    const startsNewSegment = !current.nodes.length || block !== currentBlock || current.text.length >= MAX_SEGMENT_CHARS;
    // Whitespace between inline elements separates words ("Microsoft <b>Azure</b>"); alone it is nothing.
    if (startsNewSegment && !data.trim()) continue;
    if (startsNewSegment && current.nodes.length) {
      yield current;
      current = { nodes: [], starts: [], text: '' };
    }
    currentBlock = block;
    current.nodes.push(text);
    current.starts.push(current.text.length);
    current.text += data;
  }
  if (current.nodes.length) yield current;
}
