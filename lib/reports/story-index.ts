// Every finding's story terms compiled once per dataset, with their weights (rarer terms weigh more:
// ln(1 + findings / findings sharing the term)), and the incremental scanner that finds them in a
// document chunk by chunk. The scanner reads the text once, unit by unit, hashing each word as it
// goes and allocating nothing: only a word whose hash is a phrase's first word or a month, and a
// number, are read as words (readWordsAt), and a phrase's next words are compared by hash before
// they are read. It finds what reading every word with readStory finds (story-scanner.test.ts
// compares the two), eight times faster: 16 MB of dense text in ~250 ms of CPU instead of ~2 s,
// which had made the story scan the slowest part of `scan`.
import type { Dataset, Localized } from '../dataset/types';
import { canonicalUnit, foldUnit, isInvisibleUnit, isStableAt, isWordUnit, mayCompose, normalizeText } from '../text/normalize';
import { buildTermContext, deriveStoryTerms, type TermKind } from './story-terms';
import { FIGURE_WORDS_AFTER, isCapitalAt, isDigitUnit, isMonthName, isSymbolUnit, MONTH_NAMES, phraseWord, readDate, readFigure, readWordsAt, type StoryWord } from './story-tokens';

export interface IndexedTerm {
  key: string;
  label: Localized;
  kind: TermKind;
  /** ln(1 + N / df): a term of one finding in 150 weighs ~5, one shared by 30 weighs ~1.8. */
  weight: number;
  /** Can tell a story on its own: a unit, name, figure or extra term shared by few findings. */
  specific: boolean;
}

export interface StoryIndex {
  /** Term keys of a finding, in derivation order. */
  termsOf(findingId: string): readonly string[];
  term(key: string): IndexedTerm | undefined;
  /** The weight of a term found in a single finding, ln(1 + N): the unit of the thresholds. */
  readonly uniqueWeight: number;
  /** Folded first word → the phrases starting with it. */
  readonly phrasesByFirst: ReadonlyMap<string, ReadonlyArray<IndexedPhrase>>;
  /** What the scanner looks words up by: hashes of first words and months, figures and dates wanted. */
  readonly triggers: StoryTriggers;
}

export interface IndexedPhrase {
  words: readonly string[];
  /** wordHash of each word. */
  hashes: readonly number[];
  key: string;
  /** The term's number (its place in the index). */
  term: number;
  /** The first word must be capitalised in the text (a proper noun). */
  cased: boolean;
}

interface StoryTriggers {
  /** One bit per hash bucket of a phrase's first word; of a month name. */
  firstBits: Uint32Array;
  monthBits: Uint32Array;
  /** Of a first word that is a phrase of its own (looked up at once). */
  singleBits: Uint32Array;
  /** Of a phrase's first two words, by pairHash (a longer phrase is looked up only once its second word is read). */
  pairBits: Uint32Array;
  /** wordHash of a first word → the phrases starting with a word of that hash. */
  phrasesByHash: Map<number, IndexedPhrase[]>;
  /** Some terms are figures / months: numbers / month names must be read. */
  figures: boolean;
  dates: boolean;
  /** The longest phrase that starts with a number, in words (0: none does). */
  numberFirstLongest: number;
  /** Terms that have phrases (IndexedPhrase.term is below). */
  termCount: number;
}

// FNV-1a over folded units: the scanner hashes a word as it reads it, a phrase's words are hashed alike.
const HASH_SEED = 0x811c9dc5 | 0;
const hashStep = (hash: number, unit: number): number => Math.imul(hash ^ unit, 0x01000193);
const BUCKET_BITS = 16;
const bucketOf = (hash: number): number => (hash ^ (hash >>> BUCKET_BITS)) & ((1 << BUCKET_BITS) - 1);
/** Two consecutive words' hashes as one. */
const pairHash = (first: number, second: number): number => Math.imul(first ^ Math.imul(second, 0x9e3779b1), 0x01000193);

/** The scanner's hash of a folded word (a phraseWord, a month name). */
export function wordHash(folded: string): number {
  let hash = HASH_SEED;
  for (let i = 0; i < folded.length; i++) hash = hashStep(hash, folded.charCodeAt(i));
  return hash;
}

function buildTriggers(phrasesByFirst: ReadonlyMap<string, ReadonlyArray<IndexedPhrase>>, keys: Iterable<string>, termCount: number): StoryTriggers {
  const firstBits = new Uint32Array((1 << BUCKET_BITS) / 32);
  const monthBits = new Uint32Array((1 << BUCKET_BITS) / 32);
  const singleBits = new Uint32Array((1 << BUCKET_BITS) / 32);
  const pairBits = new Uint32Array((1 << BUCKET_BITS) / 32);
  const mark = (bits: Uint32Array, hash: number): void => {
    const bucket = bucketOf(hash);
    bits[bucket >>> 5]! |= 1 << (bucket & 31);
  };
  const phrasesByHash = new Map<number, IndexedPhrase[]>();
  let numberFirstLongest = 0;
  for (const [first, phrases] of phrasesByFirst) {
    const hash = wordHash(first);
    mark(firstBits, hash);
    phrasesByHash.set(hash, [...(phrasesByHash.get(hash) ?? []), ...phrases]);
    const numberFirst = /^\d/u.test(first);
    for (const phrase of phrases) {
      if (numberFirst) numberFirstLongest = Math.max(numberFirstLongest, phrase.words.length);
      if (phrase.words.length === 1) mark(singleBits, hash);
      else mark(pairBits, pairHash(hash, phrase.hashes[1]!));
    }
  }
  let figures = false;
  let dates = false;
  for (const key of keys) {
    if (key.startsWith('f:')) figures = true;
    if (key.startsWith('d:')) dates = true;
  }
  if (dates) for (const month of MONTH_NAMES) mark(monthBits, wordHash(month));
  return { firstBits, monthBits, singleBits, pairBits, phrasesByHash, figures, dates, numberFirstLongest, termCount };
}

/** A term shared by more findings than this is context, however distinctive its kind. */
export const SPECIFIC_MAX_FINDINGS = 3;
const SPECIFIC_KINDS = new Set<TermKind>(['unit', 'name', 'figure', 'extra']);

export function buildStoryIndex(dataset: Pick<Dataset, 'entities' | 'findings'> & Partial<Pick<Dataset, 'publishers'>>): StoryIndex {
  const context = buildTermContext(dataset);
  const termsByFinding = new Map<string, string[]>();
  const firstSeen = new Map<string, { label: Localized; kind: TermKind }>();
  const findingsWith = new Map<string, number>();
  const phrasesByFirst = new Map<string, IndexedPhrase[]>();
  const phraseSeen = new Set<string>();
  const termNumbers = new Map<string, number>();
  for (const finding of dataset.findings) {
    const terms = deriveStoryTerms(finding, context);
    termsByFinding.set(finding.id, terms.map((term) => term.key));
    for (const term of terms) {
      findingsWith.set(term.key, (findingsWith.get(term.key) ?? 0) + 1);
      if (!firstSeen.has(term.key)) firstSeen.set(term.key, { label: term.label, kind: term.kind });
      for (const words of term.phrases) {
        const id = `${term.key}\u0000${words.join(' ')}`;
        if (phraseSeen.has(id)) continue;
        phraseSeen.add(id);
        const list = phrasesByFirst.get(words[0]!) ?? [];
        if (!termNumbers.has(term.key)) termNumbers.set(term.key, termNumbers.size);
        list.push({ words, hashes: words.map(wordHash), key: term.key, term: termNumbers.get(term.key)!, cased: term.cased === true });
        phrasesByFirst.set(words[0]!, list);
      }
    }
  }
  const total = dataset.findings.length;
  const terms = new Map<string, IndexedTerm>();
  for (const [key, { label, kind }] of firstSeen) {
    const df = findingsWith.get(key) ?? 1;
    terms.set(key, { key, label, kind, weight: Math.log(1 + total / df), specific: SPECIFIC_KINDS.has(kind) && df <= SPECIFIC_MAX_FINDINGS });
  }
  return {
    termsOf: (findingId) => termsByFinding.get(findingId) ?? [],
    term: (key) => terms.get(key),
    uniqueWeight: Math.log(1 + Math.max(total, 1)),
    phrasesByFirst,
    triggers: buildTriggers(phrasesByFirst, terms.keys(), termNumbers.size),
  };
}

/** The story terms found in one document so far; fed chunk by chunk (a term split across two chunks is not seen). */
/**
 * How much of a page's text is read for its story: a story is told in a page's first pages of text,
 * and reading costs ~20 ms of CPU per MB (tests/bench), which every load of a long page would pay.
 * The background reads this much of each page, batch by batch; the `scan` command the same.
 */
export const STORY_CHARS_PER_PAGE = 200_000;

/** The part of a text read for its story: its first STORY_CHARS_PER_PAGE characters, to the end of the word there. */
export function storyPart(text: string): string {
  if (text.length <= STORY_CHARS_PER_PAGE) return text;
  let end = STORY_CHARS_PER_PAGE;
  while (end < text.length && isWordUnit(text.charCodeAt(end))) end++;
  return text.slice(0, end);
}

export interface StoryScanner {
  add(text: string): void;
  /** Keys of the terms found, in the order first found. */
  found(): string[];
}

export function createStoryScanner(index: StoryIndex, alreadyFound: Iterable<string> = []): StoryScanner {
  return new Scanner(index, alreadyFound);
}

/**
 * A class, not closures made per scanner: the background makes a scanner per batch of a page, and
 * V8's optimised `scan` was thrown away each time its inlined helpers were new closures ("wrong call
 * target"); methods keep one identity.
 */
class Scanner implements StoryScanner {
  private readonly foundKeys = new Set<string>();
  /** foundTerms[phrase.term]: the phrase's term is found (a faster test than the set's, asked at every first word). */
  private readonly foundTerms: Uint8Array;
  /** First-word hashes all of whose phrases are found: a name met again costs a look-up in this set, not its phrases. */
  private readonly exhausted = new Set<number>();
  /** Marks are added after the phrases of their chunk, as a whole reading lists them. */
  private readonly marks: string[] = [];
  private readonly triggers: StoryTriggers;
  // The token the last call of `tokenAt` read: its extent and hashes (folded; without a final "s"
  // of a longer word, as phraseWord compares it); allocation-free.
  private tokenEnd = 0;
  private tokenHash = 0;
  private tokenDigits = false;

  constructor(private readonly index: StoryIndex, alreadyFound: Iterable<string>) {
    this.triggers = index.triggers;
    for (const key of alreadyFound) if (index.term(key)) this.foundKeys.add(key);
    this.foundTerms = new Uint8Array(this.triggers.termCount);
    // Every phrase is visited only when some terms are already found (the background's later batches).
    if (this.foundKeys.size === 0) return;
    for (const phrases of this.triggers.phrasesByHash.values()) {
      for (const phrase of phrases) if (this.foundKeys.has(phrase.key)) this.foundTerms[phrase.term] = 1;
    }
  }

  add(input: string): void {
    this.marks.length = 0;
    // Text that NFKC would change (ligatures, full-width letters) is read normalised, as readStory reads it.
    if (!this.scan(input)) {
      this.marks.length = 0;
      this.scan(normalizeText(input).text);
    }
    for (const key of this.marks) this.foundKeys.add(key);
  }

  found(): string[] {
    return [...this.foundKeys];
  }

  private addMark(key: string | undefined): void {
    if (key !== undefined && !this.foundKeys.has(key) && this.index.term(key)) this.marks.push(key);
  }

  /** Reads the token at or after `from` (word units, cut where digits meet letters, or a symbol); false at the end. */
  private tokenAt(text: string, from: number): boolean {
    let i = from;
    while (i < text.length) {
      const unit = text.charCodeAt(i);
      if (isWordUnit(unit) || isSymbolUnit(unit)) break;
      i++;
    }
    if (i === text.length) return false;
    const first = text.charCodeAt(i);
    if (isSymbolUnit(first)) {
      this.tokenEnd = i + 1;
      this.tokenHash = hashStep(HASH_SEED, first);
      this.tokenDigits = false;
      return true;
    }
    const digits = isDigitUnit(first);
    let hash = HASH_SEED;
    let before = HASH_SEED;
    let length = 0;
    let last = 0;
    for (; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (isInvisibleUnit(unit)) continue;
      if (!isWordUnit(unit) || isDigitUnit(unit) !== digits) break;
      const folded = foldUnit(canonicalUnit(unit));
      before = hash;
      hash = hashStep(hash, folded);
      last = folded;
      length++;
    }
    this.tokenEnd = i;
    this.tokenHash = length > 3 && last === 0x73 ? before : hash;
    this.tokenDigits = digits;
    return true;
  }

  /** The phrase's words from its `k`th on, from `at`, by hash; null where a number (grouped, decimal) needs the exact reading. */
  private phraseMayMatch(text: string, at: number, phrase: IndexedPhrase, k: number): boolean | null {
    for (; k < phrase.words.length; k++) {
      if (!this.tokenAt(text, at)) return false;
      if (this.tokenDigits) return null;
      if (this.tokenHash !== phrase.hashes[k]) return false;
      at = this.tokenEnd;
    }
    return true;
  }

  /** Exactly, as readStory's words: does the phrase start at words[i]? */
  private phraseMatches(words: readonly StoryWord[], i: number, phrase: IndexedPhrase): boolean {
    if (phrase.cased && !words[i]!.capital) return false;
    for (let k = 0; k < phrase.words.length; k++) {
      const word = words[i + k];
      if (word === undefined || phraseWord(word.folded) !== phrase.words[k]) return false;
    }
    return true;
  }

  /**
   * The phrases whose first word has this hash, at the token [start, end), in the index's order.
   * Candidates are sifted by case and hash first (the next token is read once for all of them);
   * what is left is read exactly. `words`: the exact reading from `start`, when the caller has it.
   */
  private lookUpPhrases(text: string, start: number, end: number, hash: number, words: StoryWord[] | null): void {
    if (this.exhausted.has(hash)) return;
    const phrases = this.triggers.phrasesByHash.get(hash);
    if (!phrases) return;
    let reading = words;
    // The words read from `start`: as many as the phrases tried so far have (the caller's reading is long enough).
    let read = words === null ? 0 : Infinity;
    let left = false;
    let capital = -1;
    // The next token: -1 not read yet, 0 none, 1 a word (its hash and end kept), 2 a number.
    let next = -1;
    let nextHash = 0;
    let nextEnd = 0;
    for (const phrase of phrases) {
      if (this.foundTerms[phrase.term] === 1) continue;
      left = true;
      if (reading === null) {
        if (phrase.cased) {
          if (capital === -1) capital = isCapitalAt(text, start) ? 1 : 0;
          if (capital === 0) continue;
        }
        if (phrase.words.length > 1) {
          if (next === -1) {
            next = !this.tokenAt(text, end) ? 0 : this.tokenDigits ? 2 : 1;
            nextHash = this.tokenHash;
            nextEnd = this.tokenEnd;
          }
          if (next === 0) continue;
          if (next === 1 && (nextHash !== phrase.hashes[1] || this.phraseMayMatch(text, nextEnd, phrase, 2) === false)) continue;
        }
      }
      if (reading === null || read < phrase.words.length) {
        read = phrase.words.length;
        reading = readWordsAt(text, start, read);
      }
      const i = reading.findIndex((word) => word.start === start);
      if (i >= 0 && this.phraseMatches(reading, i, phrase)) {
        this.foundKeys.add(phrase.key);
        this.foundTerms[phrase.term] = 1;
      }
    }
    if (!left) this.exhausted.add(hash);
  }

  /** A number at [start, …): its figure, and the phrases starting with it. `from`: two tokens before it (a currency, "multiplied by"). */
  private readNumber(text: string, from: number, start: number): void {
    const { figures, numberFirstLongest } = this.triggers;
    // The number is at most the third word from `from`; a figure's words end at most FIGURE_WORDS_AFTER later.
    const words = readWordsAt(text, from, 2 + Math.max(figures ? FIGURE_WORDS_AFTER : 0, numberFirstLongest));
    const i = words.findIndex((word) => word.start === start);
    // Not a word of its own: a group or the decimals of the number before it.
    if (i < 0) return;
    if (figures) this.addMark(readFigure(words, i)?.key);
    if (numberFirstLongest > 0) this.lookUpPhrases(text, start, words[i]!.end, wordHash(phraseWord(words[i]!.folded)), words.slice(i));
  }

  /** A word of a month's hash at `start`: the month and year it may begin. */
  private readMonth(text: string, start: number): void {
    const words = readWordsAt(text, start, 3);
    if (words[0]?.start === start && isMonthName(words[0].folded)) this.addMark(readDate(words, 0)?.key);
  }

  /** Reads `text` (false where NFKC would change it: nothing is kept then). */
  private scan(text: string): boolean {
    const { firstBits, monthBits, singleBits, pairBits, figures, dates, numberFirstLongest } = this.triggers;
    // The token being read: its start (-1 between tokens), kind, hash so far and the hash before its last unit.
    let start = -1;
    let digits = false;
    let hash = HASH_SEED;
    let before = HASH_SEED;
    let length = 0;
    let last = 0;
    /** Starts of the two tokens before the current one. */
    let previous = -1;
    let beforePrevious = -1;
    const wantNumbers = figures || numberFirstLongest > 0;
    // A word all of whose phrases are longer (common words: "defence", "ministère"), waiting for the
    // next token: its phrases are looked up only if their first two words may be these two.
    let pendingStart = -1;
    let pendingEnd = 0;
    let pendingHash = 0;
    for (let i = 0; i <= text.length; i++) {
      const unit = i < text.length ? text.charCodeAt(i) : 0x20;
      let word: boolean;
      let folded: number;
      if (unit < 0x80) {
        word = (unit >= 0x30 && unit <= 0x39) || (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x41 && unit <= 0x5a);
        folded = unit >= 0x41 && unit <= 0x5a ? unit + 0x20 : unit;
      } else {
        if (isInvisibleUnit(unit)) continue;
        if (mayCompose(unit) && !isStableAt(text, i)) return false;
        word = isWordUnit(unit);
        folded = word ? foldUnit(canonicalUnit(unit)) : unit;
      }
      const digit = isDigitUnit(unit);
      const symbol = !word && isSymbolUnit(unit);
      if (start >= 0 && (!word || digit !== digits)) {
        // The token [start, i) ends here.
        if (digits) {
          // A number as a phrase's second word is read exactly (lookUpPhrases).
          if (pendingStart >= 0) this.lookUpPhrases(text, pendingStart, pendingEnd, pendingHash, null);
          pendingStart = -1;
          if (wantNumbers) this.readNumber(text, beforePrevious >= 0 ? beforePrevious : previous >= 0 ? previous : start, start);
        } else {
          const phraseHash = length > 3 && last === 0x73 ? before : hash;
          if (pendingStart >= 0 && hasBit(pairBits, pairHash(pendingHash, phraseHash))) this.lookUpPhrases(text, pendingStart, pendingEnd, pendingHash, null);
          pendingStart = -1;
          if (hasBit(firstBits, phraseHash)) {
            if (hasBit(singleBits, phraseHash)) this.lookUpPhrases(text, start, i, phraseHash, null);
            else {
              pendingStart = start;
              pendingEnd = i;
              pendingHash = phraseHash;
            }
          }
          if (dates && hasBit(monthBits, hash)) this.readMonth(text, start);
        }
        beforePrevious = previous;
        previous = start;
        start = -1;
      }
      if (word) {
        if (start < 0) {
          start = i;
          digits = digit;
          hash = HASH_SEED;
          length = 0;
        }
        before = hash;
        hash = hashStep(hash, folded);
        last = folded;
        length++;
      } else if (symbol) {
        // A symbol is a word of its own: the first word of a phrase, a figure's currency.
        const symbolHash = hashStep(HASH_SEED, folded);
        if (pendingStart >= 0 && hasBit(pairBits, pairHash(pendingHash, symbolHash))) this.lookUpPhrases(text, pendingStart, pendingEnd, pendingHash, null);
        pendingStart = -1;
        if (hasBit(firstBits, symbolHash)) this.lookUpPhrases(text, i, i + 1, symbolHash, null);
        beforePrevious = previous;
        previous = i;
      }
    }
    return true;
  }
}


function hasBit(bits: Uint32Array, hash: number): boolean {
  const bucket = bucketOf(hash);
  return ((bits[bucket >>> 5] ?? 0) & (1 << (bucket & 31))) !== 0;
}
