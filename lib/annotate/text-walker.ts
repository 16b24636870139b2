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

/** A segment is flushed once this long, so one match call stays well under a time slice. */
export const MAX_SEGMENT_CHARS = 8000;

export interface TextSegment {
  nodes: Text[];
  /** starts[i] = offset of nodes[i] in text. */
  starts: number[];
  text: string;
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
      yield { nodes: [text], starts: [0], text: text.data };
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
