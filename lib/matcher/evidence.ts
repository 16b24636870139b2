// Evidence in a mention's sentence, found in the same automaton pass that finds the names: every cue
// and word of another sense the catalog's rules list (their own words and their topics' words) is a
// pattern of the automaton, and so are sentence ends (". ", "! ", "? ", "… "). The scan records where
// each ends; a mention's rule then only looks up the hits in its sentence, at most SPAN units either
// side. Nothing is re-read or folded per mention: on mention-dense text this keeps the rules' cost far
// below the scan's (the word-by-word reading it replaces cost four times the scan).

import { equalsCanonical, isWordUnit, matchStart, unitBefore, unitFrom } from '../text/normalize';

/** How far either side of a mention, within its sentence, a cue or another sense is looked for (≈ 25 words). */
export const EVIDENCE_SPAN = 200;

/** The longest venue word looked for after a name, in units. */
const MAX_PLACE_WORD = 16;

/** The folded patterns that end a sentence (the automaton reads a line break or a run of spaces as one space). */
export const SENTENCE_ENDS = ['. ', '! ', '? ', '… '] as const;

// Membership bits of a (pattern, rule) pair.
const CUE_WORD = 1;
const CUE_PREFIX = 2;
const OTHER_WORD = 4;
const OTHER_PREFIX = 8;

const ACRONYM = /^[\p{Lu}\p{N}]{2,4}$/u;

/** One listed word or phrase of a rule, as written ("stream*", "AI", "status page"). */
export interface ListedWord {
  /** Folded and canonical, the automaton's pattern. */
  folded: string;
  /** Canonical, case kept: an all-capital acronym ("AI", "IT") counts only in capitals. */
  text: string;
  /** Listed with a trailing *: any ending counts. */
  prefix: boolean;
}

/** Compiled once per catalog: which patterns are cues or other senses of which rule, and which end sentences. */
export interface EvidenceTable {
  ruleCount: number;
  patternCount: number;
  /** membership[pattern * ruleCount + rule]: CUE_* and OTHER_* bits. */
  membership: Uint8Array;
  /** Patterns that take part in some rule's evidence, end a sentence or name a place. */
  isEvidence: Uint8Array;
  /** Patterns that are a cue or another sense of some rule. */
  isRuleWord: Uint8Array;
  isSentenceEnd: Uint8Array;
  /** Venue words (topics with namesAPlace): right after any name they make it a place named after the company. */
  isPlace: Uint8Array;
  /** Per pattern: canonical text for a case-sensitive (acronym) cue, else null. */
  caseText: (string | null)[];
  lengths: Int32Array;
  startsWithWord: Uint8Array;
  endsWithWord: Uint8Array;
}

/** Builds the table; `patternOf` returns (adding if needed) the automaton pattern id of a folded string. */
export function buildEvidenceTable(
  rules: readonly { cues: readonly ListedWord[]; others: readonly ListedWord[] }[],
  places: readonly ListedWord[],
  patternOf: (folded: string) => number,
  patternCount: () => number,
): EvidenceTable {
  const entries: [pattern: number, rule: number, bit: number, caseText: string | null][] = [];
  rules.forEach((rule, index) => {
    for (const [list, wordBit, prefixBit] of [[rule.cues, CUE_WORD, CUE_PREFIX], [rule.others, OTHER_WORD, OTHER_PREFIX]] as const) {
      for (const word of list) {
        if (word.folded.length === 0) continue;
        entries.push([patternOf(word.folded), index, word.prefix ? prefixBit : wordBit, ACRONYM.test(word.text) ? word.text : null]);
      }
    }
  });
  const ends = SENTENCE_ENDS.map(patternOf);
  const placePatterns = places.filter((word) => word.folded.length > 0).map((word) => patternOf(word.folded));
  const count = patternCount();
  const ruleCount = Math.max(1, rules.length);
  const table: EvidenceTable = {
    ruleCount,
    patternCount: count,
    membership: new Uint8Array(count * ruleCount),
    isEvidence: new Uint8Array(count),
    isRuleWord: new Uint8Array(count),
    isSentenceEnd: new Uint8Array(count),
    isPlace: new Uint8Array(count),
    caseText: new Array<string | null>(count).fill(null),
    lengths: new Int32Array(count),
    startsWithWord: new Uint8Array(count),
    endsWithWord: new Uint8Array(count),
  };
  for (const [pattern, rule, bit, caseText] of entries) {
    table.membership[pattern * ruleCount + rule]! |= bit;
    table.isEvidence[pattern] = 1;
    table.isRuleWord[pattern] = 1;
    if (caseText !== null) table.caseText[pattern] = caseText;
  }
  for (const pattern of ends) {
    table.isSentenceEnd[pattern] = 1;
    table.isEvidence[pattern] = 1;
  }
  for (const pattern of placePatterns) {
    table.isPlace[pattern] = 1;
    table.isEvidence[pattern] = 1;
  }
  return table;
}

/** Fills the per-pattern shape of the table once every pattern is known. */
export function describePatterns(table: EvidenceTable, folds: readonly string[]): void {
  folds.forEach((folded, pattern) => {
    if (pattern >= table.patternCount) return;
    table.lengths[pattern] = folded.length;
    table.startsWithWord[pattern] = isWordUnit(folded.charCodeAt(0)) ? 1 : 0;
    table.endsWithWord[pattern] = isWordUnit(folded.charCodeAt(folded.length - 1)) ? 1 : 0;
  });
}

/** What a rule's sentence says: a cue, another sense, both or neither. */
export interface SentenceEvidence {
  cue: boolean;
  otherSense: boolean;
}

/** The evidence hits of one scan, in order of end; reused from one text to the next. */
export class EvidenceHits {
  private ends = new Int32Array(1024);
  private patterns = new Int32Array(1024);
  private count = 0;
  private breaks = new Int32Array(256);
  private breakCount = 0;
  /** Ends of venue-word hits, kept apart: placeFollows asks after every name, and they are few. */
  private placeEnds = new Int32Array(64);
  private placePatterns = new Int32Array(64);
  private placeCount = 0;
  private readonly result: SentenceEvidence = { cue: false, otherSense: false };
  // Where the last look-up landed in `ends`, `placeEnds` and `breaks` (stepToFirstAbove).
  private hitCursor = 0;
  private placeCursor = 0;
  private breakCursor = 0;

  constructor(private readonly table: EvidenceTable) {}

  reset(): void {
    this.count = 0;
    this.breakCount = 0;
    this.placeCount = 0;
    this.hitCursor = 0;
    this.placeCursor = 0;
    this.breakCursor = 0;
  }

  /** Index of the first hit ending after `limit`, or count. */
  private firstHitAbove(limit: number): number {
    return (this.hitCursor = stepToFirstAbove(this.ends, this.count, this.hitCursor, limit));
  }

  /** Index of the first venue-word hit ending after `limit`, or placeCount. */
  private firstPlaceAbove(limit: number): number {
    return (this.placeCursor = stepToFirstAbove(this.placeEnds, this.placeCount, this.placeCursor, limit));
  }

  /** Index of the first sentence break at or after `limit` (positions are integers), or breakCount. */
  private firstBreakAtOrAbove(limit: number): number {
    return (this.breakCursor = stepToFirstAbove(this.breaks, this.breakCount, this.breakCursor, limit - 1));
  }

  /** Called by the scan for every occurrence of an evidence pattern (isEvidence). */
  record(pattern: number, end: number): void {
    const table = this.table;
    if (table.isSentenceEnd[pattern] === 1) {
      // Where the space after the stop stands: the sentence before ends there, the next starts there.
      if (this.breakCount === this.breaks.length) this.breaks = grow(this.breaks);
      this.breaks[this.breakCount++] = end - 1;
      return;
    }
    if (table.isPlace[pattern] === 1) {
      if (this.placeCount === this.placeEnds.length) {
        this.placeEnds = grow(this.placeEnds);
        this.placePatterns = grow(this.placePatterns);
      }
      this.placeEnds[this.placeCount] = end;
      this.placePatterns[this.placeCount++] = pattern;
    }
    if (table.isRuleWord[pattern] !== 1) return;
    if (this.count === this.ends.length) {
      this.ends = grow(this.ends);
      this.patterns = grow(this.patterns);
    }
    this.ends[this.count] = end;
    this.patterns[this.count++] = pattern;
  }

  /** True when a venue word follows the name ending at `end`, separated by spaces only ("Oracle Park"). */
  placeFollows(text: string, end: number): boolean {
    const table = this.table;
    let next = end;
    while (next < text.length && (text.charCodeAt(next) === 0x20 || text.charCodeAt(next) === 0xa0)) next++;
    if (next === end || next === text.length) return false;
    for (let k = this.firstPlaceAbove(next); k < this.placeCount; k++) {
      const hitEnd = this.placeEnds[k] ?? 0;
      if (hitEnd > next + MAX_PLACE_WORD) break;
      const pattern = this.placePatterns[k] ?? 0;
      if (matchStart(text, hitEnd, table.lengths[pattern] ?? 0) !== next) continue;
      if (!isWordUnit(unitFrom(text, hitEnd))) return true;
    }
    return false;
  }

  /**
   * Cues and other senses of `rule` around the mention [start, end) of `text`: hits in the same
   * sentence, at most EVIDENCE_SPAN units either side, not overlapping the mention, on word boundaries.
   */
  judge(rule: number, text: string, start: number, end: number): SentenceEvidence {
    const table = this.table;
    const result = this.result;
    result.cue = false;
    result.otherSense = false;
    // The sentence: after the last end before the mention, up to the first one after it.
    const breakBefore = this.firstBreakAtOrAbove(start) - 1;
    const from = Math.max(breakBefore < 0 ? 0 : (this.breaks[breakBefore] ?? 0), start - EVIDENCE_SPAN);
    const breakAfter = this.firstBreakAtOrAbove(end);
    const to = Math.min(breakAfter < this.breakCount ? (this.breaks[breakAfter] ?? text.length) : text.length, end + EVIDENCE_SPAN);
    for (let k = this.firstHitAbove(from); k < this.count; k++) {
      const hitEnd = this.ends[k] ?? 0;
      if (hitEnd > to) break;
      const pattern = this.patterns[k] ?? 0;
      const bits = table.membership[pattern * table.ruleCount + rule] ?? 0;
      if (bits === 0) continue;
      const wanted = (result.cue ? 0 : CUE_WORD | CUE_PREFIX) | (result.otherSense ? 0 : OTHER_WORD | OTHER_PREFIX);
      if ((bits & wanted) === 0) continue;
      const hitStart = matchStart(text, hitEnd, table.lengths[pattern] ?? 0);
      if (hitStart < from || (hitStart < end && hitEnd > start)) continue;
      if (table.startsWithWord[pattern] === 1 && isWordUnit(unitBefore(text, hitStart))) continue;
      const caseText = table.caseText[pattern];
      if (caseText != null && !equalsCanonical(text, hitStart, hitEnd, caseText)) continue;
      const wholeWord = table.endsWithWord[pattern] !== 1 || !isWordUnit(unitFrom(text, hitEnd));
      if (bits & (wholeWord ? CUE_WORD | CUE_PREFIX : CUE_PREFIX)) result.cue = true;
      if (bits & (wholeWord ? OTHER_WORD | OTHER_PREFIX : OTHER_PREFIX)) result.otherSense = true;
      if (result.cue && result.otherSense) break;
    }
    return result;
  }
}

/**
 * Index of the first of the sorted `values[0..count)` above `limit`, or count, stepping from `from`
 * (the last answer: look-ups come in order of position, so a few steps instead of a binary search).
 */
function stepToFirstAbove(values: Int32Array, count: number, from: number, limit: number): number {
  let k = from;
  while (k < count && (values[k] ?? 0) <= limit) k++;
  while (k > 0 && (values[k - 1] ?? 0) > limit) k--;
  return k;
}

/** The same values in a buffer twice as long (scan buffers grow as texts need). */
export function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
