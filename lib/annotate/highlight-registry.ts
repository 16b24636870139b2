// Keeps every mark of the page in document order and paints them: with the CSS Custom Highlight
// API when the browser has it (the page DOM is never touched), else by wrapping each mention in a
// <dual-use-mark> element of our own. Invariant: clear() leaves the page as it found it.
import type { Mention } from '../matcher/types';

export const HIGHLIGHT_NAME = 'dual-use';
export const CURRENT_HIGHLIGHT_NAME = 'dual-use-current';
export const FALLBACK_TAG = 'dual-use-mark';

export interface Mark {
  mention: Mention;
  /** Live range: follows the page's own edits; collapses if the text goes away. */
  range: Range;
  /** Fallback only: the wrapper element we inserted. */
  wrapper?: HTMLElement;
}

/** The parts of the CSS Custom Highlight API we use (injected so tests can supply one). */
export interface HighlightApi {
  registry: { get(name: string): unknown; set(name: string, highlight: HighlightLike): unknown; delete(name: string): unknown };
  create(): HighlightLike;
}
export interface HighlightLike {
  add(range: AbstractRange): unknown;
  clear(): void;
  readonly size: number;
}

/** The page's highlight API, or null where it is missing (the fallback then wraps). */
export function findHighlightApi(win: Window & typeof globalThis): HighlightApi | null {
  const css = win.CSS as (typeof CSS & { highlights?: HighlightApi['registry'] }) | undefined;
  const HighlightCtor = (win as unknown as { Highlight?: new () => HighlightLike }).Highlight;
  if (!css?.highlights || !HighlightCtor) return null;
  return { registry: css.highlights, create: () => new HighlightCtor() };
}

/**
 * What wrapping one mention changed, so clear() can undo exactly that: surroundContents cuts the
 * text nodes at the range's ends into pieces of our own making (`created`); undoing glues those
 * pieces back onto the page's own nodes (`start`, `end`) and touches nothing else.
 */
interface Wrap {
  wrapper: HTMLElement;
  start: Text | null;
  end: Text | null;
  created: Set<Node>;
}

/**
 * Undoes one wrap (the last one made, so its pieces are as it left them): the wrapper's children go
 * back in its place and each piece we cut is glued back onto the page node it came from, only where
 * they are still neighbours. Where the page has moved things since, pieces stay apart: text is never lost.
 */
function unwrap({ wrapper, start, end, created }: Wrap): void {
  const parent = wrapper.parentNode;
  if (!parent) return;
  const head = wrapper.firstChild;
  const tail = wrapper.lastChild;
  const after = wrapper.nextSibling;
  while (wrapper.firstChild) parent.insertBefore(wrapper.firstChild, wrapper);
  parent.removeChild(wrapper);
  const glue = (piece: Node | null, onto: Text | null, atEnd: boolean) => {
    if (!piece || !onto || !created.has(piece) || piece.parentNode !== parent) return;
    const text = piece as Text;
    if (atEnd && text.previousSibling === onto) onto.appendData(text.data);
    else if (!atEnd && text.nextSibling === onto) onto.insertData(0, text.data);
    else if (text.data !== '') return;
    parent.removeChild(text);
  };
  glue(head, start, true);
  glue(after, start, true);
  if (tail !== head) glue(tail, end, false);
  for (const piece of created) if (piece.parentNode === parent && (piece as Text).data === '') parent.removeChild(piece);
}

/** -1 / 0 / 1 as `a` starts before, with, after `b`. */
function compareMarks(a: Mark, b: Mark): number {
  return a.range.compareBoundaryPoints(0 /* START_TO_START */, b.range);
}

export class HighlightRegistry {
  private marks: Mark[] = [];
  /** Fallback wrappers in the order they were made (undone in reverse). */
  private wraps: Wrap[] = [];
  private readonly all: HighlightLike | null;
  private readonly current: HighlightLike | null;
  private currentMark: Mark | null = null;

  constructor(private readonly api: HighlightApi | null) {
    this.all = api?.create() ?? null;
    this.current = api?.create() ?? null;
    if (api && this.all && this.current) {
      api.registry.set(HIGHLIGHT_NAME, this.all);
      api.registry.set(CURRENT_HIGHLIGHT_NAME, this.current);
    }
  }

  get usesHighlightApi(): boolean {
    return this.all !== null;
  }

  /** Cheap check for the pointer handler (no filtering). */
  get hasMarks(): boolean {
    return this.marks.length > 0;
  }

  /** Marks in document order (ranges whose text was removed are dropped). */
  list(): Mark[] {
    this.marks = this.marks.filter((m) => !m.range.collapsed);
    return this.marks;
  }

  /** Paints one mention; null when the fallback could not wrap it (range across element edges). */
  add(mention: Mention, range: Range): Mark | null {
    let mark: Mark = { mention, range };
    if (this.all) {
      this.all.add(range);
    } else {
      const doc = range.startContainer.ownerDocument;
      if (!doc) return null;
      const wrapper = doc.createElement(FALLBACK_TAG);
      const asText = (node: Node) => (node.nodeType === 3 ? (node as Text) : null);
      const start = asText(range.startContainer);
      const end = asText(range.endContainer);
      // Wrapping needs both ends in one parent: where an element is only partly selected, the DOM
      // spec has surroundContents throw, but not every implementation does (some clone the element).
      const parentOf = (node: Node): Node | null => (node.nodeType === 3 ? node.parentNode : node);
      if (parentOf(range.startContainer) !== parentOf(range.endContainer)) return null;
      const common = range.commonAncestorContainer;
      const before = new Set<Node>((common.nodeType === 3 ? common.parentNode : common)?.childNodes ?? []);
      try {
        range.surroundContents(wrapper);
      } catch {
        return null;
      }
      const created = new Set<Node>();
      for (const node of [wrapper.previousSibling, ...wrapper.childNodes, wrapper.nextSibling]) {
        if (node && node.nodeType === 3 && !before.has(node)) created.add(node);
      }
      this.wraps.push({ wrapper, start, end, created });
      const inner = doc.createRange();
      inner.selectNodeContents(wrapper);
      mark = { mention, range: inner, wrapper };
    }
    this.insertSorted(mark);
    return mark;
  }

  /** Binary insertion keeps the list in document order for keyboard navigation. */
  private insertSorted(mark: Mark): void {
    const last = this.marks[this.marks.length - 1];
    if (!last || compareMarks(last, mark) <= 0) {
      this.marks.push(mark);
      return;
    }
    let low = 0;
    let high = this.marks.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (compareMarks(this.marks[mid] as Mark, mark) <= 0) low = mid + 1;
      else high = mid;
    }
    this.marks.splice(low, 0, mark);
  }

  /** The mark containing a caret position (node, offset), if any. */
  findAt(node: Node, offset: number): Mark | null {
    for (const mark of this.list()) {
      try {
        if (mark.range.isPointInRange(node, offset)) return mark;
      } catch {
        // WrongDocumentError: the node is in another document (an iframe); not ours.
      }
    }
    return null;
  }

  /** Paints the mark the keyboard moved to with the second highlight (or clears it). */
  setCurrent(mark: Mark | null): void {
    if (this.currentMark?.wrapper) this.currentMark.wrapper.removeAttribute('data-current');
    this.currentMark = mark;
    if (this.current) {
      this.current.clear();
      if (mark) this.current.add(mark.range);
    } else if (mark?.wrapper) {
      mark.wrapper.setAttribute('data-current', '');
    }
  }

  getCurrent(): Mark | null {
    return this.currentMark;
  }

  /** Removes every mark; fallback wrappers are unwrapped and their text merged back. */
  clear(): void {
    this.setCurrent(null);
    this.all?.clear();
    for (const wrap of this.wraps.reverse()) unwrap(wrap);
    this.wraps = [];
    this.marks = [];
  }

  /**
   * Takes our highlights out of the page's registry, marks kept (`true`), or puts them back (`false`).
   * The page session does it while the page is being left: a document that still had highlights
   * registered made the next page's DOMContentLoaded on a ~2 MB page 40–170 ms later (tests/bench;
   * ~10–20 ms once unregistered at beforeunload).
   */
  setUnpainted(unpainted: boolean): void {
    if (!this.api || !this.all || !this.current) return;
    for (const [name, highlight] of [[HIGHLIGHT_NAME, this.all], [CURRENT_HIGHLIGHT_NAME, this.current]] as const) {
      if (unpainted && this.api.registry.get(name) === highlight) this.api.registry.delete(name);
      else if (!unpainted && this.api.registry.get(name) === undefined) this.api.registry.set(name, highlight);
    }
  }

  /** Unregisters the highlights (extension context gone), unless a newer copy of the script registered its own. */
  dispose(): void {
    this.clear();
    if (!this.api) return;
    if (this.api.registry.get(HIGHLIGHT_NAME) === this.all) this.api.registry.delete(HIGHLIGHT_NAME);
    if (this.api.registry.get(CURRENT_HIGHLIGHT_NAME) === this.current) this.api.registry.delete(CURRENT_HIGHLIGHT_NAME);
  }
}

/** Removes marks an earlier copy of the content script left (our highlight names, our wrappers), as clear() would. */
export function removeStaleMarks(win: Window & typeof globalThis): void {
  const api = findHighlightApi(win);
  api?.registry.delete(HIGHLIGHT_NAME);
  api?.registry.delete(CURRENT_HIGHLIGHT_NAME);
  const doc = win.document;
  for (const wrapper of doc.querySelectorAll(FALLBACK_TAG)) {
    const parent = wrapper.parentNode;
    if (!parent) continue;
    while (wrapper.firstChild) parent.insertBefore(wrapper.firstChild, wrapper);
    parent.removeChild(wrapper);
    parent.normalize();
  }
}
