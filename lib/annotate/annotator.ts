// Marks the companies mentioned in a document, incrementally: roots (the body, then whatever the
// page adds) are walked segment by segment in idle time slices; the segments' text goes to the
// background in short batches (`read`), which matches them against the catalog and answers with the
// mentions to mark; each is counted against the per-company cap and painted. Corroboration is
// decided document-wide by the background: a mention waiting for it is kept here with its live range
// until a later answer releases it.
//
// Where matching runs — measured (warm headless Chromium on 2 shared cores, load average 7–19 from
// other work, so wall times are noisy; `npm run bench -- --only=page,catalog-scale` and traces):
//   - in the page (until this design): a 168 kB content script with the matcher, tldts and a copy of
//     the catalog from `page-hello`, compiled on every page (4–16 ms in Node today; 140 ms at 10× the
//     names, 400–900 ms at 100×): 7–15 ms of ours before load, 15–110 ms after, tasks of ours up to
//     12–18 ms, load events 1.5–7× later than without the extension.
//   - a catalog precompiled at build time and sent to the page: no compile, but the automaton is a
//     dense DFA (states × classes × 4 bytes + a 128 kB class map): ~430 kB today, 3.3 MB at 10×,
//     28.7 MB at 100×, plus the entities its rules read (34 kB / 376 kB / 3.9 MB of JSON; a structured
//     clone of them 0.4 / 47 / 73 ms). Extension messaging transfers no ArrayBuffer (Chrome sends
//     messages as JSON), so every page would copy that, growing with the data, then match on its own
//     main thread.
//   - in the background (this design): a 32 kB content script whatever the data; a batch of ≤ 32 000
//     characters costs the page its copy into the message; the matcher runs in the service worker
//     (~2–5 ms per batch); ~1–3 ms of ours before load (evaluating the script); after load, in
//     ≤ 4 ms slices, 2–5 ms on the seed article, 30–53 ms on a 500 kB one, 85–130 ms on 2 MB; first
//     marks 60–410 ms after load. A 2 MB page is ~60 batches, one in flight at a time. The cost on the page stays flat at 10× and 100× the
//     catalog (tests/bench/catalog-bench.ts); the worker pays the growth, once per wake.
import type { FoundMention, PageText, TextReading } from '../messaging';
import type { Mention } from '../matcher/types';
import type { HighlightRegistry } from './highlight-registry';
import type { MarkBudget } from './mark-budget';
import { buildRange } from './range-builder';
import { runInSlices, type IdleDeadlineLike } from './slice-runner';
import { walkSegments, type TextSegment } from './text-walker';

/** One batch of the page's text for the background. */
export interface TextBatch {
  /** This walk of this document (a new id after reset()). */
  document: string;
  /** Batches sent in this document so far. */
  batch: number;
  texts: PageText[];
}

/** A batch is sent once it holds this many characters or texts (bounded messages, early first marks). */
export const BATCH_CHARS = 32_000;
export const BATCH_TEXTS = 200;

export interface AnnotatorOptions {
  /** Asks the background to read a batch; null when it would not (page switched off, extension gone). */
  read: (batch: TextBatch) => Promise<TextReading | null>;
  budget: MarkBudget;
  registry: HighlightRegistry;
  signal: AbortSignal;
  /** Schedules the next slice: an idle callback in the content script (with its deadline), else a short timer. */
  schedule: (next: (deadline?: IdleDeadlineLike) => void) => void;
  /** Called right after painting changed the DOM (fallback wrapping): the mutation queue drops its own records. */
  onPainted?: () => void;
  /** Called after each answer that marked something (benchmarks: the first mark). */
  onMarked?: () => void;
  onSlice?: (ms: number) => void;
  /** Tests: each segment as the walk reads it (the fuzz test's clock charges the walk by its length). */
  onSegment?: (segment: TextSegment) => void;
  budgetMs?: number;
  /** The slice clock (performance.now by default; tests inject a clock that counts work). */
  now?: () => number;
  /** A walk that threw (a page breaking DOM methods): that root is dropped, later ones still run. */
  onError?: (error: unknown) => void;
}

interface PendingMark {
  mention: Mention;
  range: Range | null;
}

interface SentBatch {
  segments: Map<number, TextSegment>;
  /** The batch ends inside one long text node whose later windows are still to come. */
  continues: boolean;
}

let documentCounter = 0;
const newDocumentId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}-${(documentCounter += 1)}`;

export class Annotator {
  private seen = new WeakSet<Text>();
  private readonly queue: Node[] = [];
  private running: Promise<void> | null = null;
  /** Mentions waiting for corroboration (the first `cap` per company keep a live range), by key. */
  private waiting = new Map<number, PendingMark>();
  private readonly waitingPerVendor = new Map<string, number>();
  /** Found in the windows of a long text node: painted after its last window (fallback wrapping splits it). */
  private toPaint: PendingMark[] = [];
  private generation = 0;
  private documentId = newDocumentId();
  private batches = 0;
  private nextTextId = 1;

  constructor(private readonly options: AnnotatorOptions) {}

  /** Queues roots for annotation; resolves when everything queued so far is done (or aborted). */
  enqueue(roots: readonly Node[]): Promise<void> {
    for (const root of roots) {
      // Edited text (characterData) is read again; its old mention's live range has moved with it.
      if (root.nodeType === 3) this.seen.delete(root as Text);
      this.queue.push(root);
    }
    return this.whenIdle();
  }

  whenIdle(): Promise<void> {
    if (!this.running && this.queue.length) {
      this.running = this.run(this.generation).then(() => {
        this.running = null;
        if (this.queue.length && !this.options.signal.aborted) return this.whenIdle();
      });
    }
    return this.running ?? Promise.resolve();
  }

  /** Forgets every mark and mention and starts a new document (before a repaint with new settings). */
  reset(cap: number): void {
    this.generation += 1;
    this.queue.length = 0;
    this.seen = new WeakSet();
    this.waiting = new Map();
    this.waitingPerVendor.clear();
    this.toPaint = [];
    this.documentId = newDocumentId();
    this.batches = 0;
    this.options.registry.clear();
    this.options.budget.reset(cap);
  }

  private slices(work: Iterator<unknown>): Promise<boolean> {
    const { signal, schedule, budgetMs, onSlice, now, onError } = this.options;
    return runInSlices(work, { signal, schedule, budgetMs, onSlice, now, onError });
  }

  /** Walk a batch, send it, mark the answer; again until the queue is empty. */
  private async run(generation: number): Promise<void> {
    const walk = this.walkQueue(generation);
    let exhausted = false;
    while (!exhausted && generation === this.generation && !this.options.signal.aborted) {
      const texts: PageText[] = [];
      const sent: SentBatch = { segments: new Map(), continues: false };
      let chars = 0;
      const fill = function* (this: Annotator): Generator<void> {
        while (chars < BATCH_CHARS && texts.length < BATCH_TEXTS) {
          const next = walk.next();
          if (next.done) {
            exhausted = true;
            return;
          }
          const segment = next.value;
          this.options.onSegment?.(segment);
          const id = this.nextTextId++;
          texts.push(segment.owns ? { id, text: segment.text, from: segment.owns.from, to: segment.owns.to } : { id, text: segment.text });
          sent.segments.set(id, segment);
          sent.continues = !!segment.continues;
          chars += segment.text.length;
          yield;
        }
      }.call(this);
      if (!(await this.slices(fill))) return;
      // The walk ended inside a long node (the page edited it; it is re-queued): paint what was found.
      if (exhausted) sent.continues = false;
      if (!texts.length || generation !== this.generation) continue;
      const batch: TextBatch = { document: this.documentId, batch: this.batches++, texts };
      const reading = await this.options.read(batch).catch(() => null);
      if (!reading || generation !== this.generation || this.options.signal.aborted) continue;
      if (!(await this.slices(this.apply(reading, sent, generation)))) return;
    }
  }

  /** The segments of every queued root, in order, skipping text already read. */
  private *walkQueue(generation: number): Generator<TextSegment> {
    while (this.queue.length && generation === this.generation) {
      const root = this.queue.shift() as Node;
      if (!root.isConnected) continue;
      try {
        yield* walkSegments(root, this.seen);
      } catch (error) {
        // A page breaking DOM methods ends this root's walk, not the session.
        this.options.onError?.(error);
      }
    }
  }

  /** Turns an answer into marks: ranges are built for all before any is painted. A reset() between slices ends it. */
  private *apply(reading: TextReading, sent: SentBatch, generation: number): Generator<void> {
    const { budget } = this.options;
    const rangeOf = (found: FoundMention): Range | null => {
      const segment = sent.segments.get(found.text);
      return segment && readsTheSame(segment) ? buildRange(segment, found.start, found.end) : null;
    };
    let marked = false;
    for (const key of reading.released) {
      const item = this.waiting.get(key);
      this.waiting.delete(key);
      if (!item?.range || item.range.collapsed) continue; // past the cap, or its text is gone from the page
      if (budget.take(item.mention)) this.toPaint.push(item);
    }
    for (const found of reading.pending) {
      const held = this.waitingPerVendor.get(found.vendor) ?? 0;
      // Only the first `cap` can ever be painted: later ones are not kept.
      if (held >= budget.cap) continue;
      this.waitingPerVendor.set(found.vendor, held + 1);
      this.waiting.set(found.key, { mention: mentionOf(found), range: rangeOf(found) });
    }
    yield;
    if (generation !== this.generation) return;
    for (const found of reading.marks) {
      const mention = mentionOf(found);
      if (!budget.canTake(mention)) continue;
      const range = rangeOf(found);
      if (range && budget.take(mention)) this.toPaint.push({ mention, range });
    }
    yield;
    if (generation !== this.generation) return;
    if (!sent.continues) {
      marked = this.paint(this.toPaint);
      this.toPaint = [];
    }
    if (marked) this.options.onMarked?.();
  }

  /**
   * Paints from the last mention to the first: fallback wrapping splits text nodes after the
   * mention, so earlier ranges stay valid even where live-range updates are imperfect.
   */
  private paint(items: PendingMark[]): boolean {
    const ranged = items.filter((item): item is { mention: Mention; range: Range } => item.range !== null && !item.range.collapsed);
    if (ranged.length === 0) return false;
    ranged.sort((a, b) => b.range.compareBoundaryPoints(0 /* START_TO_START */, a.range));
    for (const { mention, range } of ranged) {
      const wrapper = this.options.registry.add(mention, range)?.wrapper;
      if (!wrapper) continue;
      // The split pieces were read already: never read them again.
      for (const node of [wrapper.previousSibling, wrapper.nextSibling, wrapper.firstChild]) {
        if (node && node.nodeType === 3) this.seen.add(node as Text);
      }
    }
    this.options.onPainted?.();
    return true;
  }
}

function mentionOf({ vendor, entity, alias, start, end }: FoundMention): Mention {
  return { vendor, entity, alias, start, end };
}

/**
 * The segment's nodes are still in the page and hold the text that was sent (the page may have
 * edited or removed them while the background read it).
 */
function readsTheSame(segment: TextSegment): boolean {
  const { nodes, starts, text } = segment;
  if (!nodes.every((node) => node.isConnected)) return false;
  if (nodes.length === 1 && (starts[0] ?? 0) <= 0) return (nodes[0] as Text).data.startsWith(text, -(starts[0] ?? 0));
  let length = 0;
  for (let i = 0; i < nodes.length; i++) {
    const data = (nodes[i] as Text).data;
    if (!text.startsWith(data, starts[i] ?? 0)) return false;
    length += data.length;
  }
  return length === text.length;
}
