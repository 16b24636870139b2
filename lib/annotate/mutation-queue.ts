// Collects the nodes the page adds or edits (single-page apps, infinite scroll) into one queue and
// hands them over once per animation frame. Invariant: our own elements never re-enter the queue,
// and a flush never holds a node that is disconnected or inside another queued node.
import { OWN_TAG_PREFIX } from './text-walker';

export interface MutationQueueOptions {
  /** Receives the queued roots, in document order, at most once per frame. */
  onFlush: (roots: Node[]) => void;
  /** requestAnimationFrame (ctx-bound in the content script). */
  scheduleFrame: (callback: () => void) => void;
  signal: AbortSignal;
}

function isOwnNode(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).tagName.toUpperCase().startsWith(OWN_TAG_PREFIX);
}

/** Drops disconnected roots and roots inside another root; returns them in document order. */
export function reduceRoots(nodes: Iterable<Node>): Node[] {
  const connected = [...nodes].filter((n) => n.isConnected);
  connected.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
  const roots: Node[] = [];
  for (const node of connected) {
    const last = roots[roots.length - 1];
    // In document order a contained node comes right after its container (or its container's other descendants).
    if (last && (last === node || last.contains(node))) continue;
    roots.push(node);
  }
  return roots;
}

/** Past this many queued nodes in one frame, sorting them would cost more than re-walking the observed root (seen text is skipped). */
export const MAX_SORTED_ROOTS = 300;

export class MutationQueue {
  private readonly pending = new Set<Node>();
  private observedRoot: Node | null = null;
  private frameRequested = false;
  private readonly observer: MutationObserver;

  constructor(private readonly options: MutationQueueOptions) {
    this.observer = new MutationObserver((records) => this.enqueue(records));
    options.signal.addEventListener('abort', () => this.disconnect(), { once: true });
  }

  observe(root: Node): void {
    if (this.options.signal.aborted) return;
    this.observedRoot = root;
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  /**
   * Forgets the records our own painting just caused (fallback wrapping cuts the page's text nodes).
   * Called synchronously right after painting, within our own task, where no page script can have
   * run since the last delivery: every pending record is ours. Re-reading those pieces on their own
   * would count a mention twice or see words their neighbours used to join.
   */
  dropOwnRecords(): void {
    this.observer.takeRecords();
  }

  disconnect(): void {
    this.observer.disconnect();
    this.pending.clear();
  }

  /** Public for tests and for callers that learn of new content another way (wxt:locationchange). */
  add(node: Node): void {
    if (this.options.signal.aborted) return;
    this.pending.add(node);
    if (this.frameRequested) return;
    this.frameRequested = true;
    this.options.scheduleFrame(() => this.flush());
  }

  private enqueue(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'characterData') {
        const parent = record.target.parentElement;
        if (parent && !isOwnNode(parent)) this.add(record.target);
        continue;
      }
      if (isOwnNode(record.target)) continue;
      record.addedNodes.forEach((node) => {
        if (!isOwnNode(node) && (node.nodeType === 1 || node.nodeType === 3)) this.add(node);
      });
    }
  }

  private flush(): void {
    this.frameRequested = false;
    if (this.options.signal.aborted) return;
    const roots =
      this.pending.size > MAX_SORTED_ROOTS && this.observedRoot ? [this.observedRoot] : reduceRoots(this.pending);
    this.pending.clear();
    if (roots.length) this.options.onFlush(roots);
  }
}
