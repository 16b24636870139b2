// Ordering by relevance, shared by the popup and the tooltip. Pure and deterministic:
// equal inputs always give the same order (ties end on ids), so the UI never reshuffles.
import type { Finding, FindingStatus, Source } from '../dataset/types';

/** How much a status weighs when two findings are otherwise equal: established facts first. */
const STATUS_WEIGHT: Record<FindingStatus, number> = { confirmed: 3, reported: 2, disputed: 1, denied: 0 };

/**
 * Findings most relevant first: those about a product named on the page, then the most recent,
 * then the better established, then the larger amount, then by id.
 */
export function rankFindings(findings: readonly Finding[], mentionedAliases: readonly string[] = []): Finding[] {
  const mentioned = new Set(mentionedAliases.map((alias) => alias.toLowerCase()));
  const touchesPage = (finding: Finding) =>
    (finding.products ?? []).some((product) => mentioned.has(product.toLowerCase())) ? 1 : 0;
  return [...findings].sort(
    (a, b) =>
      touchesPage(b) - touchesPage(a) ||
      compareDatesDescending(a.date, b.date) ||
      STATUS_WEIGHT[b.status] - STATUS_WEIGHT[a.status] ||
      (b.amount?.value ?? 0) - (a.amount?.value ?? 0) ||
      a.id.localeCompare(b.id),
  );
}

/** Partial dates compare as padded strings: a bare year counts as the end of that year. */
function compareDatesDescending(a: string, b: string): number {
  const pad = (date: string) => (date + '-99-99').slice(0, 10);
  return pad(b).localeCompare(pad(a));
}

/** Sources with the original report first, then by date (oldest first: the story as it unfolded). */
export function orderSources(sources: readonly Source[]): Source[] {
  return [...sources].sort(
    (a, b) =>
      Number(b.original ?? false) - Number(a.original ?? false) ||
      a.date.localeCompare(b.date) ||
      a.publisher.localeCompare(b.publisher),
  );
}

/** What ranks a company on a tab: owning the site, then how often it is named, then its findings. */
export interface VendorRelevance {
  id: string;
  name: string;
  ownsSite: boolean;
  mentionCount: number;
  findingCount: number;
}

export function rankVendors<T extends VendorRelevance>(vendors: readonly T[]): T[] {
  return [...vendors].sort(
    (a, b) =>
      Number(b.ownsSite) - Number(a.ownsSite) ||
      b.mentionCount - a.mentionCount ||
      b.findingCount - a.findingCount ||
      a.name.localeCompare(b.name) ||
      a.id.localeCompare(b.id),
  );
}
