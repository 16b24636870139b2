// Marks the companies mentioned in a document, incrementally: roots (the body, then whatever the
// page adds) are walked segment by segment in time slices; each segment is matched, counted against
// the per-company cap and painted. Corroboration is decided document-wide as the walk goes: an
// ambiguous mention waits (with its live range) until an unambiguous mention of its vendor appears.
//
// Where matching runs — measured (`npm run bench -- --only=page`, headless Chromium, 2 MB page,
// ~1000 mentions): in the content script the catalog arrives once with `page-hello` and compiles in
// ~20–30 ms, then walking + matching the whole page costs ~150 ms of our time, cut into ~30 slices
// (longest ~10–20 ms, the first, cold one), no long task after DOMContentLoaded. In the background,
// the text would cross the message channel instead: one 2 MB round trip alone costs ~70 ms, before any
// matching, the offsets would need a second trip back (ranges can only be built here), and late
// content would wait for a round trip each time. So matching runs here, uBlock-style.
import type { Candidate } from '../matcher/index';
import type { Mention } from '../matcher/types';
import type { HighlightRegistry } from './highlight-registry';
import type { MarkBudget } from './mark-budget';
import { buildRange } from './range-builder';
import { runInSlices } from './slice-runner';
import { walkSegments } from './text-walker';

export interface AnnotatorOptions {
  findCandidates: (text: string) => Candidate[];
  budget: MarkBudget;
  registry: HighlightRegistry;
  signal: AbortSignal;
  schedule: (next: () => void) => void;
  /** Vendors corroborated by other means (the page's own domain). */
  corroboratingVendors?: Iterable<string>;
  /** Called after each batch of work with new mentions found (to report them, throttled by the caller). */
  onMentions?: () => void;
  /** Called right after painting changed the DOM (fallback wrapping): the mutation queue drops its own records. */
  onPainted?: () => void;
  onSlice?: (ms: number) => void;
  budgetMs?: number;
  /** The slice clock (performance.now by default; tests inject a clock that counts work). */
  now?: () => number;
  /** A walk that threw (a page breaking DOM methods): that root is dropped, later ones still run. */
  onError?: (error: unknown) => void;
}

interface PendingMention {
  mention: Mention;
  range: Range | null;
}

export class Annotator {
  private seen = new WeakSet<Text>();
  private readonly queue: Node[] = [];
  private running: Promise<void> | null = null;
  private corroborated: Set<string>;
  /** Ambiguous mentions waiting for their vendor to be corroborated, by vendor. */
  private readonly waiting = new Map<string, PendingMention[]>();
  private generation = 0;

  constructor(private readonly options: AnnotatorOptions) {
    this.corroborated = new Set(options.corroboratingVendors ?? []);
  }

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
      this.running = runInSlices(this.work(this.generation), {
        signal: this.options.signal,
        schedule: this.options.schedule,
        budgetMs: this.options.budgetMs,
        onSlice: this.options.onSlice,
        now: this.options.now,
        onError: this.options.onError,
      }).then(() => {
        this.running = null;
        if (this.queue.length && !this.options.signal.aborted) return this.whenIdle();
      });
    }
    return this.running ?? Promise.resolve();
  }

  /** Forgets every mark and mention (before a repaint with new settings). */
  reset(cap: number): void {
    this.generation += 1;
    this.queue.length = 0;
    this.seen = new WeakSet();
    this.waiting.clear();
    this.corroborated = new Set(this.options.corroboratingVendors ?? []);
    this.options.registry.clear();
    this.options.budget.reset(cap);
  }

  private *work(generation: number): Generator<void> {
    while (this.queue.length && generation === this.generation) {
      const root = this.queue.shift() as Node;
      if (!root.isConnected) continue;
      // Windows of one long text node are painted together, after the last one (see below).
      let toPaint: PendingMention[] = [];
      for (const segment of walkSegments(root, this.seen)) {
        if (generation !== this.generation) return;
        // Every range is built before any is painted: fallback wrapping splits text nodes, which
        // would make the segment's offsets stale (live ranges follow the split).
        const { owns } = segment;
        const located = this.options.findCandidates(segment.text).flatMap((candidate) => {
          if (owns && (candidate.start < owns.from || candidate.start >= owns.to)) return [];
          const range = buildRange(segment, candidate.start, candidate.end);
          return range ? [{ candidate, range }] : [];
        });
        const found = located.length > 0;
        for (const { candidate, range } of located) {
          const mention: Mention = {
            vendor: candidate.vendor, entity: candidate.entity, alias: candidate.alias,
            start: candidate.start, end: candidate.end,
          };
          if (candidate.needsCorroboration && !this.corroborated.has(candidate.vendor)) {
            const list = this.waiting.get(candidate.vendor) ?? [];
            // Only the first `cap` can ever be painted: later ones are kept for the count, without a live range.
            list.push({ mention, range: list.length < this.options.budget.cap ? range : null });
            this.waiting.set(candidate.vendor, list);
            continue;
          }
          if (candidate.corroborates) toPaint.push(...this.corroborate(candidate.vendor));
          if (this.options.budget.take(mention)) toPaint.push({ mention, range });
        }
        if (!segment.continues) {
          this.paint(toPaint);
          toPaint = [];
        }
        if (found) this.options.onMentions?.();
        yield;
      }
      // The page edited a long node between its windows (it is re-queued): paint what was found.
      this.paint(toPaint.filter((item) => !item.range?.collapsed));
    }
  }

  /** Marks a vendor corroborated; returns its waiting mentions that the cap lets through. */
  private corroborate(vendor: string): PendingMention[] {
    if (this.corroborated.has(vendor)) return [];
    this.corroborated.add(vendor);
    const pending = this.waiting.get(vendor) ?? [];
    this.waiting.delete(vendor);
    const paintable: PendingMention[] = [];
    for (const item of pending) {
      if (item.range?.collapsed) continue; // its text is gone from the page
      if (this.options.budget.take(item.mention) && item.range) paintable.push(item);
    }
    return paintable;
  }

  /**
   * Paints from the last mention to the first: fallback wrapping splits text nodes after the
   * mention, so earlier ranges stay valid even where live-range updates are imperfect.
   */
  private paint(items: PendingMention[]): void {
    const ranged = items.filter((item): item is { mention: Mention; range: Range } => item.range !== null);
    if (ranged.length === 0) return;
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
  }
}
