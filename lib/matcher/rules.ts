// Ambiguity rules (lib/dataset/types.ts AmbiguityRule) compiled into checks over normalised text
// (lib/text/normalize): words are read around a mention and folded as they are read.
// The rules are data from the catalog; this module only knows how to read each field.

import type { AmbiguityRule } from '../dataset/types';
import { foldText, isInvisibleUnit, isWordUnit, normalizeTerm } from '../text/normalize';

const DEFAULT_WINDOW = 8;

/** Words to look for near a mention: single words in a set, multi-word phrases ("Van Damme",
 * "Brazil's", "llama.cpp" → llama cpp) as word sequences that must appear contiguously. */
export interface NearWords {
  words: Set<string>;
  phrases: string[][];
}

/** A compiled rule: word lists folded like page text, phrases split into words. */
export interface CompiledRule {
  caseSensitive: boolean;
  notBefore: string[][];
  notAfter: string[][];
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
    return {
      words: new Set(all.filter((words) => words.length === 1).map((words) => words[0] ?? '')),
      phrases: all.filter((words) => words.length > 1),
    };
  };
  return {
    caseSensitive: rule.caseSensitive === true,
    notBefore: phrases(rule.notBefore),
    notAfter: phrases(rule.notAfter),
    notAfterNumber: rule.notAfterNumber === true,
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

/** Up to `count` folded words after `from` in normalised text; stops at a sentence break when `sameSentence`. */
export function readWordsAfter(text: string, from: number, count: number, sameSentence: boolean): string[] {
  const words: string[] = [];
  let i = from;
  while (words.length < count && i < text.length) {
    while (i < text.length && !isWordUnit(text.charCodeAt(i))) {
      if (sameSentence && isSentenceBreak(text.charCodeAt(i))) return words;
      i++;
    }
    const start = i;
    while (i < text.length && isInWord(text.charCodeAt(i))) i++;
    if (i > start) words.push(foldText(text.slice(start, i)));
  }
  return words;
}

/** Up to `count` folded words before `from`, nearest first; stops at a sentence break when `sameSentence`. */
export function readWordsBefore(text: string, from: number, count: number, sameSentence: boolean): string[] {
  const words: string[] = [];
  let i = from;
  while (words.length < count && i > 0) {
    while (i > 0 && !isWordUnit(text.charCodeAt(i - 1))) {
      if (sameSentence && isSentenceBreak(text.charCodeAt(i - 1))) return words;
      i--;
    }
    const end = i;
    while (i > 0 && isInWord(text.charCodeAt(i - 1))) i--;
    if (end > i) words.push(foldText(text.slice(i, end)));
  }
  return words;
}

function startsWithPhrase(words: string[], phrase: string[]): boolean {
  return phrase.every((word, k) => words[k] === word);
}

function containsNear(words: string[], near: NearWords): boolean {
  if (words.some((word) => near.words.has(word))) return true;
  return near.phrases.some((phrase) => {
    for (let i = 0; i + phrase.length <= words.length; i++) {
      if (phrase.every((word, k) => words[i + k] === word)) return true;
    }
    return false;
  });
}

const DIGITS = /^\p{N}+$/u;

/**
 * Checks the rule's local conditions (everything except corroboration) for a candidate at
 * [start, end) of the normalised text.
 */
export function passesLocalRule(rule: CompiledRule, text: string, start: number, end: number): boolean {
  if (rule.notBefore.length > 0) {
    const longest = Math.max(...rule.notBefore.map((phrase) => phrase.length));
    const after = readWordsAfter(text, end, longest, true);
    if (rule.notBefore.some((phrase) => startsWithPhrase(after, phrase))) return false;
  }
  if (rule.notAfter.length > 0 || rule.notAfterNumber) {
    const longest = Math.max(1, ...rule.notAfter.map((phrase) => phrase.length));
    const before = readWordsBefore(text, start, longest, true);
    // Phrases are written in reading order; `before` is nearest first.
    if (rule.notAfter.some((phrase) => startsWithPhrase(before, phrase.slice().reverse()))) return false;
    if (rule.notAfterNumber && before[0] !== undefined && DIGITS.test(before[0])) return false;
  }
  if (rule.requireNear || rule.forbidNear) {
    // In reading order, each side separately so a phrase never spans the mention itself.
    const before = readWordsBefore(text, start, rule.window, false).reverse();
    const after = readWordsAfter(text, end, rule.window, false);
    if (rule.requireNear && !containsNear(before, rule.requireNear) && !containsNear(after, rule.requireNear)) return false;
    if (rule.forbidNear && (containsNear(before, rule.forbidNear) || containsNear(after, rule.forbidNear))) return false;
  }
  return true;
}
