// Name rules (lib/dataset/types.ts AmbiguityRule) compiled into one judgement per mention, read
// over the text as it is (lib/text/normalize): words are read around a mention as spans and folded
// only when their first unit could begin a listed word. The rules are data from the catalog; this
// module only knows how to read each field:
//   - a known collocation of another sense next to the name (notBefore / notAfter / a number) rejects it;
//   - in its sentence (at most `window` words either side), cues show the company is meant and words
//     of another sense show it is not; a cue outweighs the other sense for a strong name, never for a
//     weak one (requireEvidence);
//   - what the sentence leaves open is decided over the whole document (lib/matcher/index.ts).

import type { AmbiguityRule, Topic } from '../dataset/types';
import { foldText, foldUnit, isInvisibleUnit, isWordUnit, normalizeTerm } from '../text/normalize';

const DEFAULT_WINDOW = 25;

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

/** Words to look for near a mention: single words in a set, words by their start ("stream*"),
 * multi-word phrases ("Van Damme", "Brazil's", "llama.cpp" → llama cpp) as word sequences that
 * must appear contiguously. */
export interface NearWords {
  words: Set<string>;
  /** Starts of words listed with a trailing *, and their distinct lengths. */
  prefixes: Set<string>;
  prefixLengths: number[];
  phrases: string[][];
  /** First word of each phrase: a phrase is only tried where one appears. */
  phraseStarts: Set<string>;
  /** Folded first unit of every word, prefix and phrase: a word read nearby is only folded when it starts with one. */
  firstUnits: Set<number>;
}

/** A compiled rule: word lists folded like page text, phrases split into words, topics expanded. */
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
  cues: NearWords | null;
  otherSense: NearWords | null;
  window: number;
}

function splitWords(phrase: string): string[] {
  return normalizeTerm(phrase).folded.split(/[^\p{L}\p{N}\p{M}]+/u).filter((word) => word.length > 0);
}

function phrasesOf(list: readonly string[]): string[][] {
  return list.map(splitWords).filter((words) => words.length > 0);
}

/** Compiles a word list (words, "prefix*", phrases) for nearby look-ups; null when empty. */
export function compileNearWords(list: readonly string[]): NearWords | null {
  const prefixes = new Set<string>();
  const plain: string[] = [];
  for (const entry of list) {
    const trimmed = entry.trim();
    if (trimmed.endsWith('*') && !/\s/u.test(trimmed)) {
      const [word] = splitWords(trimmed.slice(0, -1));
      if (word) prefixes.add(word);
    } else plain.push(trimmed);
  }
  const all = phrasesOf(plain);
  if (all.length === 0 && prefixes.size === 0) return null;
  const multiWord = all.filter((words) => words.length > 1);
  return {
    words: new Set(all.filter((words) => words.length === 1).map((words) => words[0] ?? '')),
    prefixes,
    prefixLengths: [...new Set([...prefixes].map((prefix) => prefix.length))],
    phrases: multiWord,
    phraseStarts: new Set(multiWord.map((words) => words[0] ?? '')),
    firstUnits: new Set([...all.map((words) => words[0] ?? ''), ...prefixes].map((word) => word.charCodeAt(0))),
  };
}

/** Every word of the named topics, in both languages (unknown ids are refused by validation). */
function topicWords(ids: readonly string[] | undefined, topics: ReadonlyMap<string, Topic>): string[] {
  return (ids ?? []).flatMap((id) => {
    const topic = topics.get(id);
    return topic ? [...topic.words.en, ...topic.words.fr] : [];
  });
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
    cues: compileNearWords([...(rule.cues ?? []), ...topicWords(rule.cueTopics, topics)]),
    otherSense: compileNearWords([...(rule.forbidNear ?? []), ...topicWords(rule.forbidTopics, topics)]),
    window: rule.window ?? DEFAULT_WINDOW,
  };
}

/** Word units, and the invisible units a word may carry inside it ("rain\u00adforest"). */
function isInWord(unit: number): boolean {
  return isWordUnit(unit) || isInvisibleUnit(unit);
}

/**
 * True when the unit at `index` ends a sentence: . ! ? … followed by a space, a line break or the
 * end ("3.5", "llama.cpp" and "azure.com" run on). Neighbouring-word rules never look across one.
 */
function endsSentenceAt(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  if (unit !== 0x2e && unit !== 0x21 && unit !== 0x3f && unit !== 0x2026) return false;
  const next = text.charCodeAt(index + 1);
  return Number.isNaN(next) || next === 0x20 || next === 0xa0 || (next >= 0x09 && next <= 0x0d) || next === 0x22 || next === 0xbb || next === 0x201d;
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

/** Up to `count` words after `from` in its sentence, in reading order. */
function readSpansAfter(text: string, from: number, count: number, out: WordSpans): WordSpans {
  out.length = 0;
  const wanted = Math.min(count, MAX_WORDS);
  let i = from;
  while (out.length < wanted && i < text.length) {
    while (i < text.length && !isWordUnit(text.charCodeAt(i))) {
      if (endsSentenceAt(text, i)) return out;
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
      if (endsSentenceAt(text, i - 1)) return out;
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

/** True when a near word, a word starting with a near prefix, or a near phrase in reading order is among the spans. */
function spansContainNear(text: string, spans: WordSpans, backwards: boolean, near: NearWords): boolean {
  for (let k = 0; k < spans.length; k++) {
    const start = spans.starts[k] ?? 0;
    // Most words nearby start with a unit no near word starts with: they are never sliced.
    if (!near.firstUnits.has(foldUnit(text.charCodeAt(start)))) continue;
    const word = foldText(text.slice(start, spans.ends[k] ?? 0));
    if (near.words.has(word)) return true;
    for (const length of near.prefixLengths) if (word.length >= length && near.prefixes.has(word.slice(0, length))) return true;
    if (!near.phraseStarts.has(word)) continue;
    // In reading order the next word of a phrase is at k - 1 when the spans run backwards.
    for (const phrase of near.phrases) if (phrase[0] === word && spansArePhrase(text, spans, k, backwards ? -1 : 1, phrase)) return true;
  }
  return false;
}

const DIGITS = /^\p{N}+$/u;

/** True when the rule's collocations of another sense stand next to the mention [start, end). */
function touchesOtherSense(rule: CompiledRule, text: string, start: number, end: number): boolean {
  if (rule.wordsAfterNeeded > 0) {
    const after = readSpansAfter(text, end, rule.wordsAfterNeeded, spansAfter);
    for (const phrase of rule.notBefore) if (spansArePhrase(text, after, 0, 1, phrase)) return true;
  }
  if (rule.wordsBeforeNeeded > 0) {
    // Nearest word first, like the reversed phrases.
    const before = readSpansBefore(text, start, rule.wordsBeforeNeeded, spansBefore);
    for (const phrase of rule.notAfterReversed) if (spansArePhrase(text, before, 0, 1, phrase)) return true;
    if (rule.notAfterNumber && before.length > 0 && DIGITS.test(foldText(text.slice(before.starts[0] ?? 0, before.ends[0] ?? 0)))) return true;
  }
  return false;
}

/** Judges a candidate at [start, end) of the text by its rule alone (the document decides NeedsDocument). */
export function judgeMention(rule: CompiledRule, text: string, start: number, end: number): Verdict {
  if (touchesOtherSense(rule, text, start, end)) return Verdict.Reject;
  if (!rule.cues && !rule.otherSense) return rule.requireEvidence ? Verdict.NeedsDocument : Verdict.Counts;
  // Each side separately, so a phrase never spans the mention itself.
  const before = readSpansBefore(text, start, rule.window, spansBefore);
  const after = readSpansAfter(text, end, rule.window, spansAfter);
  const isNear = (near: NearWords | null): boolean =>
    near !== null && (spansContainNear(text, before, true, near) || spansContainNear(text, after, false, near));
  const otherSense = isNear(rule.otherSense);
  if (rule.requireEvidence) {
    if (otherSense) return Verdict.Reject;
    return isNear(rule.cues) ? Verdict.Counts : Verdict.NeedsDocument;
  }
  if (!otherSense) return Verdict.Counts;
  return isNear(rule.cues) ? Verdict.Counts : Verdict.NeedsDocument;
}
