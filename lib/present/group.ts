// Grouping of the dataset by top-level company (subsidiaries fold into their parent), and the
// sentences that say why a company is listed for a page. Pure: no browser API.
import type { Dataset, Entity, Finding, Lang } from '../dataset/types';
import type { DomainMatch } from '../matcher/types';
import type { VendorMentions } from '../messaging';

/** Entity lookups built once per dataset. */
export interface VendorIndex {
  entitiesById: Map<string, Entity>;
  /** Top-level vendor id → all its findings (its subsidiaries' included), dataset order. */
  findingsByTopVendor: Map<string, Finding[]>;
  topVendorOf(entityId: string): string;
}

export function indexVendors(dataset: Pick<Dataset, 'entities' | 'findings'>): VendorIndex {
  const entitiesById = new Map(dataset.entities.map((entity) => [entity.id, entity]));
  const topVendorOf = (entityId: string): string => {
    let current = entityId;
    // Bounded walk: a parent cycle in bad data must not hang the extension.
    for (let hops = 0; hops < 16; hops++) {
      const parent = entitiesById.get(current)?.parent;
      if (!parent) return current;
      current = parent;
    }
    return current;
  };
  const findingsByTopVendor = new Map<string, Finding[]>();
  for (const finding of dataset.findings) {
    const top = topVendorOf(finding.vendor);
    const list = findingsByTopVendor.get(top);
    if (list) list.push(finding);
    else findingsByTopVendor.set(top, [finding]);
  }
  return { entitiesById, findingsByTopVendor, topVendorOf };
}

const REASON_TEXT = {
  en: {
    site: (company: string, domain: string) => `This site belongs to ${company} (${domain})`,
    mentioned: (alias: string, count: number) =>
      count === 1 ? `“${alias}” mentioned once` : `“${alias}” mentioned ${count} times`,
  },
  fr: {
    site: (company: string, domain: string) => `Ce site appartient à ${company} (${domain})`,
    mentioned: (alias: string, count: number) =>
      count === 1 ? `« ${alias} » mentionné une fois` : `« ${alias} » mentionné ${count} fois`,
  },
} satisfies Record<Lang, unknown>;

/** "This site belongs to Microsoft (github.com)", "“Azure” mentioned 3 times" — most frequent alias first. */
export function describeReasons(
  company: string,
  domain: DomainMatch | null,
  mentions: VendorMentions | null,
  lang: Lang,
): string[] {
  const reasons: string[] = [];
  if (domain) reasons.push(REASON_TEXT[lang].site(company, domain.domain));
  if (mentions) {
    const aliases = Object.entries(mentions.aliases)
      .filter(([, count]) => Number.isSafeInteger(count) && count > 0)
      .sort(([aliasA, countA], [aliasB, countB]) => countB - countA || aliasA.localeCompare(aliasB));
    for (const [alias, count] of aliases) reasons.push(REASON_TEXT[lang].mentioned(alias, count));
  }
  return reasons;
}
