// Name rules (lib/dataset/types.ts AmbiguityRule) compiled into one judgement per mention, read
// over the text as it is (lib/text/normalize). The rules are data from the catalog; this module only
// knows how to read each field:
//   - a known collocation of another sense next to the name (notBefore / notAfter / a number) rejects
//     it: the few words either side are read as spans and folded only when they could match;
//   - in its sentence, cues show the company is meant and words of another sense show it is not
//     (found by the automaton's own pass: lib/matcher/evidence.ts); a cue outweighs the other sense
//     for a strong name, never for a weak one (requireEvidence);
//   - what the sentence leaves open is decided over the whole document (lib/matcher/index.ts).

import type { AmbiguityRule, Topic } from '../dataset/types';
import { canonicalUnit, foldText, foldUnit, isInvisibleUnit, isWordUnit, normalizeTerm } from '../text/normalize';
import type { EvidenceHits, ListedWord } from './evidence';

/** What a name's rules say of one mention, before the document is known. */
export const Verdict = {
  /** Not the company here. */
  Reject: 0,
  /** The company, on the sentence's own evidence; it corroborates other names of the company. */
  Counts: 1,
  /** The company only if another mention of it counts in the document (or the page is its own). */
  NeedsDocument: 2,
} as const;
export type Verdict = (typeof Verdict)[keyof typeof Verdict];

/** A compiled rule: collocations folded and split into words, cue lists expanded from the topics. */
export interface CompiledRule {
  caseSensitive: boolean;
  notBefore: string[][];
  /** notAfter phrases reversed (nearest word first), to compare with words read backwards. */
  notAfterReversed: string[][];
  /** Words to read after / before a mention for notBefore / notAfter(Number). */
  wordsAfterNeeded: number;
  wordsBeforeNeeded: number;
  notAfterNumber: boolean;
  requireEvidence: boolean;
  /** Cues and words of another sense (the rule's own and its topics'), for the evidence table. */
  cues: ListedWord[];
  others: ListedWord[];
  /** This rule's index in the evidence table (set when the matcher is compiled). */
  evidence: number;
}

function splitWords(phrase: string): string[] {
  return normalizeTerm(phrase).folded.split(/[^\p{L}\p{N}\p{M}]+/u).filter((word) => word.length > 0);
}

function phrasesOf(list: readonly string[]): string[][] {
  return list.map(splitWords).filter((words) => words.length > 0);
}

/** A listed cue or other sense as the automaton matches it ("stream*" is the prefix "stream"). */
function listWord(entry: string): ListedWord {
  const prefix = entry.endsWith('*');
  const { text, folded } = normalizeTerm(prefix ? entry.slice(0, -1) : entry);
  return { text, folded, prefix };
}

/** Every word of the named topics, in both languages (unknown ids are refused by validation). */
function topicWords(ids: readonly string[] | undefined, topics: ReadonlyMap<string, Topic>): string[] {
  return (ids ?? []).flatMap((id) => {
    const topic = topics.get(id);
    return topic ? [...topic.words.en, ...topic.words.fr] : [];
  });
}

/** Words that make any name a place when they follow it (topics with namesAPlace), as the automaton matches them. */
export function placeWords(topics: Iterable<Topic>): ListedWord[] {
  return [...topics].filter((topic) => topic.namesAPlace === true).flatMap((topic) => [...topic.words.en, ...topic.words.fr]).map(listWord);
}

/** Compiles one catalog rule against the catalog's topics. */
export function compileRule(rule: AmbiguityRule, topics: ReadonlyMap<string, Topic>): CompiledRule {
  const notBefore = phrasesOf(rule.notBefore ?? []);
  const notAfter = phrasesOf(rule.notAfter ?? []);
  const notAfterNumber = rule.notAfterNumber === true;
  return {
    caseSensitive: rule.caseSensitive === true,
    notBefore,
    notAfterReversed: notAfter.map((phrase) => phrase.slice().reverse()),
    wordsAfterNeeded: Math.max(0, ...notBefore.map((phrase) => phrase.length)),
    wordsBeforeNeeded: Math.max(notAfterNumber ? 1 : 0, ...notAfter.map((phrase) => phrase.length)),
    notAfterNumber,
    requireEvidence: rule.requireEvidence === true,
    cues: [...(rule.cues ?? []), ...topicWords(rule.cueTopics, topics)].map(listWord),
    others: [...(rule.forbidNear ?? []), ...topicWords(rule.forbidTopics, topics)].map(listWord),
    evidence: -1,
  };
}

/** Word units, and the invisible units a word may carry inside it ("rain\u00adforest"). */
function isInWord(unit: number): boolean {
  return isWordUnit(unit) || isInvisibleUnit(unit);
}

/** Units that end a sentence: collocations are never read across them. */
function isSentenceBreak(unit: number): boolean {
  return unit === 0x2e || unit === 0x21 || unit === 0x3f || unit === 0x3b || unit === 0x3a || unit === 0x2026;
}

interface WordSpans {
  starts: Int32Array;
  ends: Int32Array;
  length: number;
}

// Words next to a mention are read as spans [start, end) into one reusable buffer per side, not as
// strings. Collocations are a few words long.
const MAX_WORDS = 8;
const spansBefore: WordSpans = { starts: new Int32Array(MAX_WORDS), ends: new Int32Array(MAX_WORDS), length: 0 };
const spansAfter: WordSpans = { starts: new Int32Array(MAX_WORDS), ends: new Int32Array(MAX_WORDS), length: 0 };

/** Up to `count` words after `from` in its sentence, in reading order. */
function readSpansAfter(text: string, from: number, count: number, out: WordSpans): WordSpans {
  out.length = 0;
  const wanted = Math.min(count, MAX_WORDS);
  let i = from;
  while (out.length < wanted && i < text.length) {
    while (i < text.length && !isWordUnit(text.charCodeAt(i))) {
      if (isSentenceBreak(text.charCodeAt(i))) return out;
      i++;
    }
    const start = i;
    while (i < text.length && isInWord(text.charCodeAt(i))) i++;
    if (i > start) {
      out.starts[out.length] = start;
      out.ends[out.length++] = i;
    }
  }
  return out;
}

/** Up to `count` words before `from` in its sentence, nearest first. */
function readSpansBefore(text: string, from: number, count: number, out: WordSpans): WordSpans {
  out.length = 0;
  const wanted = Math.min(count, MAX_WORDS);
  let i = from;
  while (out.length < wanted && i > 0) {
    while (i > 0 && !isWordUnit(text.charCodeAt(i - 1))) {
      if (isSentenceBreak(text.charCodeAt(i - 1))) return out;
      i--;
    }
    const end = i;
    while (i > 0 && isInWord(text.charCodeAt(i - 1))) i--;
    // A word starts at a word unit, not at an invisible one before it.
    while (i < end && isInvisibleUnit(text.charCodeAt(i))) i++;
    if (end > i) {
      out.starts[out.length] = i;
      out.ends[out.length++] = end;
    }
  }
  return out;
}

/** True when span k reads as `target` (folded, canonical), compared unit by unit without a copy; invisible units do not count. */
function spanIs(text: string, spans: WordSpans, k: number, target: string): boolean {
  const start = spans.starts[k] ?? 0;
  const end = spans.ends[k] ?? 0;
  if (end - start < target.length) return false;
  let j = 0;
  for (let i = start; i < end; i++) {
    const unit = text.charCodeAt(i);
    if (isInvisibleUnit(unit)) continue;
    if (j === target.length || foldUnit(canonicalUnit(unit)) !== target.charCodeAt(j)) return false;
    j++;
  }
  return j === target.length;
}

/** True when spans k, k + 1… read as the phrase's words. */
function spansArePhrase(text: string, spans: WordSpans, k: number, phrase: string[]): boolean {
  for (let j = 0; j < phrase.length; j++) {
    const at = k + j;
    if (at >= spans.length || !spanIs(text, spans, at, phrase[j] ?? '')) return false;
  }
  return true;
}

const DIGITS = /^\p{N}+$/u;

/** True when one of the rule's collocations of another sense stands next to the mention [start, end). */
function touchesCollocation(rule: CompiledRule, text: string, start: number, end: number): boolean {
  if (rule.wordsAfterNeeded > 0) {
    const after = readSpansAfter(text, end, rule.wordsAfterNeeded, spansAfter);
    for (const phrase of rule.notBefore) if (spansArePhrase(text, after, 0, phrase)) return true;
  }
  if (rule.wordsBeforeNeeded > 0) {
    // Nearest word first, like the reversed phrases.
    const before = readSpansBefore(text, start, rule.wordsBeforeNeeded, spansBefore);
    for (const phrase of rule.notAfterReversed) if (spansArePhrase(text, before, 0, phrase)) return true;
    if (rule.notAfterNumber && before.length > 0 && DIGITS.test(foldText(text.slice(before.starts[0] ?? 0, before.ends[0] ?? 0)))) return true;
  }
  return false;
}

/** Judges a candidate at [start, end) of the text by its rule and its sentence (the document decides NeedsDocument). */
export function judgeMention(rule: CompiledRule, text: string, start: number, end: number, hits: EvidenceHits): Verdict {
  if (touchesCollocation(rule, text, start, end)) return Verdict.Reject;
  if (rule.cues.length === 0 && rule.others.length === 0) return rule.requireEvidence ? Verdict.NeedsDocument : Verdict.Counts;
  const { cue, otherSense } = hits.judge(rule.evidence, text, start, end);
  if (rule.requireEvidence) {
    if (otherSense) return Verdict.Reject;
    return cue ? Verdict.Counts : Verdict.NeedsDocument;
  }
  if (!otherSense) return Verdict.Counts;
  return cue ? Verdict.Counts : Verdict.NeedsDocument;
}
