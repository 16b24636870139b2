// What a page reports, the one answer the command line, the background and the UI share: the
// findings citing its address ("cited"), then those whose story its text tells ("story"), each
// with the story terms it contains, most relevant first. Indexes are built once per dataset.
import type { Dataset, Lang } from '../dataset/types';
import { scoreFinding, scoreStories } from './score';
import { buildSourceIndex, type SourceIndex } from './source-index';
import { buildStoryIndex, type StoryIndex } from './story-index';

export type ReportReason = 'cited' | 'story';

export interface PageReport {
  finding: string;
  why: ReportReason;
  /** Keys of the story terms found, heaviest first (labels through reportTermLabels). */
  terms: string[];
}

export interface ReportIndex {
  sources: SourceIndex;
  stories: StoryIndex;
}

export function buildReportIndex(dataset: Pick<Dataset, 'entities' | 'findings'>): ReportIndex {
  return { sources: buildSourceIndex(dataset.findings), stories: buildStoryIndex(dataset) };
}

export interface PageEvidence {
  /** The page's address (null when unknown: a file on the command line). */
  url: string | null;
  /** Story terms found in its text (StoryScanner.found()). */
  found: Iterable<string>;
  /** Findings whose story may be told: those of the companies attributed to the page. */
  candidates: Iterable<string>;
}

/**
 * Cited findings first (best story score first, then dataset order), then the candidates whose
 * story the text tells, best first. A finding appears once.
 */
export function listPageReports(index: ReportIndex, page: PageEvidence): PageReport[] {
  const found = new Set(page.found);
  const cited = page.url === null ? [] : index.sources.citing(page.url);
  const citedReports = cited
    .map((finding, order) => ({ order, match: scoreFinding(index.stories, finding, found) }))
    .sort((a, b) => b.match.score - a.match.score || a.order - b.order)
    .map(({ match }): PageReport => ({ finding: match.finding, why: 'cited', terms: match.terms }));
  const citedIds = new Set(cited);
  const stories = scoreStories(index.stories, found, [...page.candidates].filter((id) => !citedIds.has(id)))
    .map((match): PageReport => ({ finding: match.finding, why: 'story', terms: match.terms }));
  return [...citedReports, ...stories];
}

/** The terms of a report as the reader's language writes them ("Unit 8200", « 19 000 heures »). */
export function reportTermLabels(index: ReportIndex, terms: readonly string[], lang: Lang): string[] {
  const labels: string[] = [];
  for (const key of terms) {
    const label = index.stories.term(key)?.label[lang];
    if (label && !labels.includes(label)) labels.push(label);
  }
  return labels;
}
