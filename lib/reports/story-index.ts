// Every finding's story terms compiled once per dataset, with their weights (rarer terms weigh more:
// ln(1 + findings / findings sharing the term)), and the incremental scanner that finds them in a
// document chunk by chunk: one pass over each chunk's words, phrases looked up by their first word.
import type { Dataset, Localized } from '../dataset/types';
import { buildTermContext, deriveStoryTerms, type TermKind } from './story-terms';
import { phraseWord, readStory } from './story-tokens';

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
}

export interface IndexedPhrase {
  words: readonly string[];
  key: string;
  /** The first word must be capitalised in the text (a proper noun). */
  cased: boolean;
}

/** A term shared by more findings than this is context, however distinctive its kind. */
export const SPECIFIC_MAX_FINDINGS = 3;
const SPECIFIC_KINDS = new Set<TermKind>(['unit', 'name', 'figure', 'extra']);

export function buildStoryIndex(dataset: Pick<Dataset, 'entities' | 'findings'>): StoryIndex {
  const context = buildTermContext(dataset);
  const termsByFinding = new Map<string, string[]>();
  const firstSeen = new Map<string, { label: Localized; kind: TermKind }>();
  const findingsWith = new Map<string, number>();
  const phrasesByFirst = new Map<string, IndexedPhrase[]>();
  const phraseSeen = new Set<string>();
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
        list.push({ words, key: term.key, cased: term.cased === true });
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
  };
}

/** The story terms found in one document so far; fed chunk by chunk (a term split across two chunks is not seen). */
export interface StoryScanner {
  add(text: string): void;
  /** Keys of the terms found, in the order first found. */
  found(): string[];
}

export function createStoryScanner(index: StoryIndex, alreadyFound: Iterable<string> = []): StoryScanner {
  const found = new Set<string>();
  for (const key of alreadyFound) if (index.term(key)) found.add(key);
  return {
    add(text) {
      const { words, marks } = readStory(text);
      for (let i = 0; i < words.length; i++) {
        const candidates = index.phrasesByFirst.get(phraseWord(words[i]!.folded));
        if (!candidates) continue;
        for (const { words: phrase, key, cased } of candidates) {
          if (found.has(key) || (cased && !words[i]!.capital)) continue;
          let k = 1;
          while (k < phrase.length && words[i + k] !== undefined && phraseWord(words[i + k]!.folded) === phrase[k]) k++;
          if (k === phrase.length) found.add(key);
        }
      }
      for (const mark of marks) if (index.term(mark.key)) found.add(mark.key);
    },
    found: () => [...found],
  };
}
