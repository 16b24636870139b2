// Ambiguity rules (lib/dataset/types.ts AmbiguityRule) compiled into checks over normalised text
// (lib/text/normalize): words are read around a mention and folded as they are read.
// The rules are data from the catalog; this module only knows how to read each field.

import type { AmbiguityRule } from '../dataset/types';
import { foldText, foldUnit, isInvisibleUnit, isWordUnit, normalizeTerm } from '../text/normalize';

const DEFAULT_WINDOW = 8;

/** Words to look for near a mention: single words in a set, multi-word phrases ("Van Damme",
 * "Brazil's", "llama.cpp" → llama cpp) as word sequences that must appear contiguously. */
export interface NearWords {
  words: Set<string>;
  phrases: string[][];
  /** First word of each phrase: a phrase is only tried where one appears. */
  phraseStarts: Set<string>;
  /** Folded first unit of every word and phrase: a word read nearby is only folded when it starts with one. */
  firstUnits: Set<number>;
}

/** A compiled rule: word lists folded like page text, phrases split into words. */
export interface CompiledRule {
  caseSensitive: boolean;
  notBefore: string[][];
  /** notAfter phrases reversed (nearest word first), to compare with words read backwards. */
  notAfterReversed: string[][];
  /** Words to read after / before a mention for notBefore / notAfter(Number). */
  wordsAfterNeeded: number;
  wordsBeforeNeeded: number;
  notAfterNumber: boolean;
  requireNear: NearWords | null;
  forbidNear: NearWords | null;
  window: number;
  requireCorroboration: boolean;
}

function splitWords(phrase: string): string[] {
  return normalizeTerm(phrase).folded.split(/[^\p{L}\p{N}\p{M}]+/u).filter((word) => word.length > 0);
}

/** Compiles one catalog rule. */
export function compileRule(rule: AmbiguityRule): CompiledRule {
  const phrases = (list: string[] | undefined): string[][] =>
    (list ?? []).map(splitWords).filter((words) => words.length > 0);
  const nearWords = (list: string[] | undefined): NearWords | null => {
    const all = phrases(list);
    if (all.length === 0) return null;
    const multiWord = all.filter((words) => words.length > 1);
    return {
      words: new Set(all.filter((words) => words.length === 1).map((words) => words[0] ?? '')),
      phrases: multiWord,
      phraseStarts: new Set(multiWord.map((words) => words[0] ?? '')),
      firstUnits: new Set(all.map((words) => (words[0] ?? '').charCodeAt(0))),
    };
  };
  const notBefore = phrases(rule.notBefore);
  const notAfter = phrases(rule.notAfter);
  const notAfterNumber = rule.notAfterNumber === true;
  return {
    caseSensitive: rule.caseSensitive === true,
    notBefore,
    notAfterReversed: notAfter.map((phrase) => phrase.slice().reverse()),
    wordsAfterNeeded: Math.max(0, ...notBefore.map((phrase) => phrase.length)),
    wordsBeforeNeeded: Math.max(notAfterNumber ? 1 : 0, ...notAfter.map((phrase) => phrase.length)),
    notAfterNumber,
    requireNear: nearWords(rule.requireNear),
    forbidNear: nearWords(rule.forbidNear),
    window: rule.window ?? DEFAULT_WINDOW,
    requireCorroboration: rule.requireCorroboration === true,
  };
}

/** Word units, and the invisible units a word may carry inside it ("rain\u00adforest"). */
function isInWord(unit: number): boolean {
  return isWordUnit(unit) || isInvisibleUnit(unit);
}

/** Units that end a sentence: neighbouring-word rules do not look across them. */
function isSentenceBreak(unit: number): boolean {
  return unit === 0x2e || unit === 0x21 || unit === 0x3f || unit === 0x3b || unit === 0x3a || unit === 0x2026;
}

interface WordSpans {
  starts: Int32Array;
  ends: Int32Array;
  length: number;
}

// Words around a mention are read as spans [start, end) into one reusable buffer per side, not as
// strings: most are only ever looked at by their first unit.
const MAX_WORDS = 64;
const spansBefore: WordSpans = { starts: new Int32Array(MAX_WORDS), ends: new Int32Array(MAX_WORDS), length: 0 };
const spansAfter: WordSpans = { starts: new Int32Array(MAX_WORDS), ends: new Int32Array(MAX_WORDS), length: 0 };

/** Up to `count` words after `from`, in reading order; stops at a sentence break when `sameSentence`. */
function readSpansAfter(text: string, from: number, count: number, sameSentence: boolean, out: WordSpans): WordSpans {
  out.length = 0;
  const wanted = Math.min(count, MAX_WORDS);
  let i = from;
  while (out.length < wanted && i < text.length) {
    while (i < text.length && !isWordUnit(text.charCodeAt(i))) {
      if (sameSentence && isSentenceBreak(text.charCodeAt(i))) return out;
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

/** Up to `count` words before `from`, nearest first; stops at a sentence break when `sameSentence`. */
function readSpansBefore(text: string, from: number, count: number, sameSentence: boolean, out: WordSpans): WordSpans {
  out.length = 0;
  const wanted = Math.min(count, MAX_WORDS);
  let i = from;
  while (out.length < wanted && i > 0) {
    while (i > 0 && !isWordUnit(text.charCodeAt(i - 1))) {
      if (sameSentence && isSentenceBreak(text.charCodeAt(i - 1))) return out;
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

/** True when span k reads as `target` (folded). Folding keeps the length, but for invisible units, which only lengthen a word. */
function spanIs(text: string, spans: WordSpans, k: number, target: string): boolean {
  const start = spans.starts[k] ?? 0;
  const end = spans.ends[k] ?? 0;
  if (end - start < target.length || foldUnit(text.charCodeAt(start)) !== target.charCodeAt(0)) return false;
  return foldText(text.slice(start, end)) === target;
}

/** True when spans k, k + step, k + 2 step… read as the phrase's words. */
function spansArePhrase(text: string, spans: WordSpans, k: number, step: 1 | -1, phrase: string[]): boolean {
  for (let j = 0; j < phrase.length; j++) {
    const at = k + j * step;
    if (at < 0 || at >= spans.length || !spanIs(text, spans, at, phrase[j] ?? '')) return false;
  }
  return true;
}

/** True when a near word, or a near phrase in reading order, is among the spans (nearest first when `backwards`). */
function spansContainNear(text: string, spans: WordSpans, backwards: boolean, near: NearWords): boolean {
  for (let k = 0; k < spans.length; k++) {
    const start = spans.starts[k] ?? 0;
    // Most words nearby start with a unit no near word starts with: they are never sliced.
    if (!near.firstUnits.has(foldUnit(text.charCodeAt(start)))) continue;
    const word = foldText(text.slice(start, spans.ends[k] ?? 0));
    if (near.words.has(word)) return true;
    if (!near.phraseStarts.has(word)) continue;
    // In reading order the next word of a phrase is at k - 1 when the spans run backwards.
    for (const phrase of near.phrases) if (phrase[0] === word && spansArePhrase(text, spans, k, backwards ? -1 : 1, phrase)) return true;
  }
  return false;
}

const DIGITS = /^\p{N}+$/u;

/**
 * Checks the rule's local conditions (everything except corroboration) for a candidate at
 * [start, end) of the normalised text.
 */
export function passesLocalRule(rule: CompiledRule, text: string, start: number, end: number): boolean {
  if (rule.wordsAfterNeeded > 0) {
    const after = readSpansAfter(text, end, rule.wordsAfterNeeded, true, spansAfter);
    for (const phrase of rule.notBefore) if (spansArePhrase(text, after, 0, 1, phrase)) return false;
  }
  if (rule.wordsBeforeNeeded > 0) {
    // Nearest word first, like the reversed phrases.
    const before = readSpansBefore(text, start, rule.wordsBeforeNeeded, true, spansBefore);
    for (const phrase of rule.notAfterReversed) if (spansArePhrase(text, before, 0, 1, phrase)) return false;
    if (rule.notAfterNumber && before.length > 0 && DIGITS.test(foldText(text.slice(before.starts[0] ?? 0, before.ends[0] ?? 0)))) return false;
  }
  if (rule.requireNear || rule.forbidNear) {
    // Each side separately, so a phrase never spans the mention itself.
    const before = readSpansBefore(text, start, rule.window, false, spansBefore);
    const after = readSpansAfter(text, end, rule.window, false, spansAfter);
    const isNear = (near: NearWords): boolean => spansContainNear(text, before, true, near) || spansContainNear(text, after, false, near);
    if (rule.requireNear && !isNear(rule.requireNear)) return false;
    if (rule.forbidNear && isNear(rule.forbidNear)) return false;
  }
  return true;
}
