// Which findings a document tells: each finding of the companies on the page scores the weights of
// its distinct terms found (context terms — products, customers, months, names many findings
// share — count half). It is reported with at least two terms, enough of them specific, and a
// score past the threshold: a page that only names a company, its products and customers reports nothing.
import type { StoryIndex } from './story-index';

export interface StoryMatch {
  finding: string;
  score: number;
  /** Keys of the terms found, heaviest first. */
  terms: string[];
}

/**
 * Thresholds, as multiples of the weight of a term found in a single finding (ln(1 + N), ~5 at 150
 * findings), so they keep their meaning as the dataset grows: the specific terms found must weigh
 * about one unique term (two shared ones will do), and everything found a little more.
 */
export const SPECIFIC_THRESHOLD = 0.85;
export const STORY_THRESHOLD = 1.1;
const CONTEXT_FACTOR = 0.5;

/** How much one term adds to a finding's score: its weight, half for a context term. */
export function termWeight(index: StoryIndex, key: string): number {
  const term = index.term(key);
  if (!term) return 0;
  return term.specific ? term.weight : term.weight * CONTEXT_FACTOR;
}

/**
 * The score of one finding against the terms found (no threshold), for ranking cited findings too.
 * Only its best month counts: a page naming several months of a war says little more than one.
 */
export function scoreFinding(index: StoryIndex, findingId: string, found: ReadonlySet<string>): StoryMatch {
  const terms = index.termsOf(findingId).filter((key) => found.has(key));
  // Equal weights keep the order the terms were derived in: units first, figures as the text states them.
  terms.sort((a, b) => termWeight(index, b) - termWeight(index, a));
  let dated = false;
  let score = 0;
  for (const key of terms) {
    if (index.term(key)?.kind === 'date') {
      if (dated) continue;
      dated = true;
    }
    score += termWeight(index, key);
  }
  return { finding: findingId, score, terms };
}

/** True when a match is strong enough to say the document tells that finding's story. */
export function tellsStory(index: StoryIndex, match: StoryMatch): boolean {
  const unique = index.uniqueWeight;
  const specific = match.terms.reduce((sum, key) => sum + (index.term(key)?.specific ? termWeight(index, key) : 0), 0);
  return match.terms.length >= 2 && specific >= SPECIFIC_THRESHOLD * unique && match.score >= STORY_THRESHOLD * unique;
}

/** The candidates whose story the document tells, best first (ties by id, so the order never shifts). */
export function scoreStories(index: StoryIndex, found: Iterable<string>, candidates: Iterable<string>): StoryMatch[] {
  const seen = new Set(found);
  const matches: StoryMatch[] = [];
  for (const id of new Set(candidates)) {
    const match = scoreFinding(index, id, seen);
    if (tellsStory(index, match)) matches.push(match);
  }
  return matches.sort((a, b) => b.score - a.score || a.finding.localeCompare(b.finding));
}
