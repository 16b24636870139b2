// One page's document as the background reads it: the content script sends its visible text in
// short batches; each batch is matched (findCandidates per text) and the whole document so far is
// resolved (resolveCandidates: corroboration is document-wide), so a mention waiting for
// corroboration can be released by a later batch. Answers what to mark now, what may be marked later
// and what is released; counts every mention the document holds (the badge's and popup's figures).
// Invariants: a mention is marked or counted once; the counts only grow while the document lives.
import type { Candidate, Matcher } from './matcher/index';
import type { Mention } from './matcher/types';
import type { PageText, TextReading, VendorMentions, FoundMention } from './messaging';

/** The part of the compiled matcher a document needs (the black box of lib/matcher). */
export type DocumentMatcher = Pick<Matcher, 'findCandidates' | 'resolveCandidates'>;

interface Chunk {
  text: number;
  candidates: Candidate[];
  /** Candidate index → key, for candidates still waiting for corroboration. */
  waiting: Map<number, number>;
}

export class PageDocument {
  private readonly chunks: Chunk[] = [];
  private readonly counts = new Map<string, VendorMentions>();
  private nextKey = 1;
  /** Batches read so far (the content script numbers them from 0). */
  batches = 0;
  /** Characters of this document given to the story scanner so far (the background caps it per page). */
  storyChars = 0;

  /**
   * `corroborating`: vendors known to be concerned by other means (the page's own domain, or after a
   * worker restart the vendors this document had already mentioned). `counted`: counts carried over.
   */
  constructor(
    readonly id: string,
    private readonly corroborating: readonly string[] = [],
    counted: readonly VendorMentions[] = [],
  ) {
    for (const entry of counted) this.counts.set(entry.vendor, { vendor: entry.vendor, count: entry.count, aliases: { ...entry.aliases } });
  }

  /** Matches one batch of texts; offsets refer to each text as sent. */
  read(matcher: DocumentMatcher, texts: readonly PageText[]): TextReading {
    this.batches += 1;
    const firstNew = this.chunks.length;
    for (const text of texts) {
      const candidates = matcher.findCandidates(text.text).filter((c) => isOwnedBy(text, c.start));
      if (candidates.length) this.chunks.push({ text: text.id, candidates, waiting: new Map() });
    }
    const reading: TextReading = { marks: [], pending: [], released: [] };
    if (this.chunks.length === firstNew) return reading;
    const resolved = matcher.resolveCandidates(this.chunks.map((chunk) => chunk.candidates), { corroboratingVendors: this.corroborating });
    this.chunks.forEach((chunk, index) => {
      const isNew = index >= firstNew;
      if (!isNew && chunk.waiting.size === 0) return;
      const kept = resolvedIndexes(chunk.candidates, resolved[index] ?? []);
      chunk.candidates.forEach((candidate, i) => {
        if (isNew) {
          if (kept.has(i)) {
            this.count(candidate);
            reading.marks.push(found(candidate, chunk.text, this.nextKey++));
          } else {
            const key = this.nextKey++;
            chunk.waiting.set(i, key);
            reading.pending.push(found(candidate, chunk.text, key));
          }
        } else {
          const key = chunk.waiting.get(i);
          if (key === undefined || !kept.has(i)) return;
          chunk.waiting.delete(i);
          this.count(candidate);
          reading.released.push(key);
        }
      });
    });
    return reading;
  }

  /** Every mention counted in this document, per vendor, most mentioned first (as `withMentions` takes them). */
  mentions(): VendorMentions[] {
    return [...this.counts.values()]
      .map((v) => ({ vendor: v.vendor, count: v.count, aliases: { ...v.aliases } }))
      .sort((a, b) => b.count - a.count || a.vendor.localeCompare(b.vendor));
  }

  private count(mention: Mention): void {
    let entry = this.counts.get(mention.vendor);
    if (!entry) {
      entry = { vendor: mention.vendor, count: 0, aliases: {} };
      this.counts.set(mention.vendor, entry);
    }
    entry.count += 1;
    entry.aliases[mention.alias] = (entry.aliases[mention.alias] ?? 0) + 1;
  }
}

/** A window of a long text node owns only the matches starting inside it (its context belongs to its neighbours). */
function isOwnedBy(text: PageText, start: number): boolean {
  return text.from === undefined || text.to === undefined || (start >= text.from && start < text.to);
}

/** Indexes of the candidates that resolveCandidates kept (it keeps their order and offsets). */
function resolvedIndexes(candidates: readonly Candidate[], kept: readonly Mention[]): Set<number> {
  const indexes = new Set<number>();
  let k = 0;
  for (let i = 0; i < candidates.length && k < kept.length; i++) {
    const candidate = candidates[i] as Candidate;
    const mention = kept[k] as Mention;
    if (candidate.start === mention.start && candidate.end === mention.end) {
      indexes.add(i);
      k++;
    }
  }
  return indexes;
}

function found(candidate: Candidate, text: number, key: number): FoundMention {
  const { vendor, entity, alias, start, end } = candidate;
  return { key, text, vendor, entity, alias, start, end };
}
