// What each explore view shows, computed from the dataset, the reader's filters (passesFilters, the
// one predicate of the badge, popup and tooltips) and the page's search and sort. Pure: no DOM.
// Amounts are never added up or converted here: a view lists findings, each with its own amount.
import type { Dataset, Entity, Finding, FindingKind, Lang } from '../dataset/types';
import { indexEntities, listOwners, passesFilters, type EntityIndex } from '../filters';
import { displayName } from '../present/names';
import { buildFindingTextIndex, type FindingTextIndex } from '../search';
import type { Filters } from '../settings';

export const SORT_KEYS = ['date-desc', 'date-asc', 'amount', 'company'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface ExploreIndex {
  dataset: Dataset;
  entities: EntityIndex;
  findingsById: ReadonlyMap<string, Finding>;
  text: FindingTextIndex;
  /** The top-level company of a vendor entity (GitHub → microsoft). */
  topOf(entityId: string): string;
}

export function buildExploreIndex(dataset: Dataset): ExploreIndex {
  const entities = indexEntities(dataset.entities);
  return {
    dataset,
    entities,
    findingsById: new Map(dataset.findings.map((finding) => [finding.id, finding])),
    text: buildFindingTextIndex(dataset),
    topOf: (entityId) => listOwners(entityId, entities).at(-1) ?? entityId,
  };
}

/** "2023" sorts as the end of 2023 when newest come first, as its start when oldest come first. */
function dateKey(date: string, end: boolean): string {
  return (date + (end ? '-99-99' : '-00-00')).slice(0, 10);
}

/**
 * Orders findings: by date (newest or oldest first), by amount (grouped by currency, largest first,
 * since figures in different currencies are not comparable; findings without one last), or by
 * company name (then newest first). Ties end on the id, so the order never reshuffles.
 */
export function sortFindings(findings: readonly Finding[], sort: SortKey, companyName: (finding: Finding) => string): Finding[] {
  const newestFirst = (a: Finding, b: Finding) => dateKey(b.date, true).localeCompare(dateKey(a.date, true));
  const byId = (a: Finding, b: Finding) => a.id.localeCompare(b.id);
  const compare: Record<SortKey, (a: Finding, b: Finding) => number> = {
    'date-desc': (a, b) => newestFirst(a, b) || byId(a, b),
    'date-asc': (a, b) => dateKey(a.date, false).localeCompare(dateKey(b.date, false)) || byId(a, b),
    amount: (a, b) => {
      if (!a.amount || !b.amount) return Number(!a.amount) - Number(!b.amount) || newestFirst(a, b) || byId(a, b);
      return a.amount.currency.localeCompare(b.amount.currency) || b.amount.value - a.amount.value || newestFirst(a, b) || byId(a, b);
    },
    company: (a, b) => companyName(a).localeCompare(companyName(b)) || newestFirst(a, b) || byId(a, b),
  };
  return [...findings].sort(compare[sort]);
}

/** The list: findings passing the filters and the search, in the chosen order. */
export function selectFindings(index: ExploreIndex, filters: Filters, query: string, sort: SortKey): Finding[] {
  const matching = index.text.match(query);
  const kept = index.dataset.findings.filter(
    (finding) => (matching === null || matching.has(finding.id)) && passesFilters(finding, filters, index.entities),
  );
  return sortFindings(kept, sort, (finding) => index.entities.get(index.topOf(finding.vendor))?.name ?? finding.vendor);
}

export interface Tally {
  id: string;
  name: string;
  /** Findings (passing the filters) that involve it. */
  count: number;
  kinds: FindingKind[];
  /** First and last year of those findings. */
  years: [string, string];
}

export interface VendorView {
  vendor: Entity;
  subsidiaries: Entity[];
  /** The products of the company and its subsidiaries, and those named in its findings. */
  products: string[];
  /** Its customers, most findings first. */
  customers: Tally[];
  /** Findings passing the filters, oldest first (timeline order). */
  findings: Finding[];
  /** All its findings, filtered or not. */
  total: number;
}

export interface CustomerView {
  customer: Entity;
  /** Bodies it belongs to (a unit's army, an army's ministry), nearest first. */
  parents: Entity[];
  /** Bodies within it (recorded as their own customers) that its page includes. */
  parts: Entity[];
  /** The companies that supply it, most findings first. */
  vendors: Tally[];
  findings: Finding[];
  total: number;
}

function tally(findings: readonly Finding[], keyOf: (finding: Finding) => string, nameOf: (id: string) => string): Tally[] {
  const byKey = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = keyOf(finding);
    const list = byKey.get(key);
    if (list) list.push(finding);
    else byKey.set(key, [finding]);
  }
  return [...byKey].map(([id, list]) => {
    const years = list.map((finding) => finding.date.slice(0, 4)).sort();
    return {
      id,
      name: nameOf(id),
      count: list.length,
      kinds: [...new Set(list.map((finding) => finding.kind))].sort(),
      years: [years[0]!, years.at(-1)!] as [string, string],
    };
  }).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** Entities whose parent chain reaches `id` (not `id` itself), by name. */
function descendantsOf(index: ExploreIndex, id: string): Entity[] {
  return index.dataset.entities
    .filter((entity) => entity.id !== id && listOwners(entity.id, index.entities).includes(id))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function buildVendorView(index: ExploreIndex, id: string, filters: Filters, lang: Lang): VendorView | null {
  const vendor = index.entities.get(id);
  if (!vendor || vendor.type !== 'vendor') return null;
  const family = index.dataset.findings.filter((finding) => listOwners(finding.vendor, index.entities).includes(id));
  const findings = sortFindings(family.filter((finding) => passesFilters(finding, filters, index.entities)), 'date-asc', () => '');
  const subsidiaries = descendantsOf(index, id);
  const products = new Map<string, string>();
  for (const name of [...vendor.products, ...subsidiaries.flatMap((entity) => entity.products), ...family.flatMap((finding) => finding.products ?? [])]) {
    if (!products.has(name.toLowerCase())) products.set(name.toLowerCase(), name);
  }
  return {
    vendor,
    subsidiaries,
    products: [...products.values()].sort((a, b) => a.localeCompare(b)),
    customers: tally(findings.filter((finding) => finding.customer !== null), (finding) => finding.customer!, (customer) =>
      displayName(index.entities.get(customer), customer, lang)),
    findings,
    total: family.length,
  };
}

export function buildCustomerView(index: ExploreIndex, id: string, filters: Filters, lang: Lang): CustomerView | null {
  const customer = index.entities.get(id);
  if (!customer) return null;
  const involved = index.dataset.findings.filter(
    (finding) => finding.customer !== null && listOwners(finding.customer, index.entities).includes(id),
  );
  const findings = sortFindings(involved.filter((finding) => passesFilters(finding, filters, index.entities)), 'date-asc', () => '');
  return {
    customer,
    parents: listOwners(id, index.entities).slice(1).flatMap((owner) => index.entities.get(owner) ?? []),
    parts: descendantsOf(index, id),
    vendors: tally(findings, (finding) => index.topOf(finding.vendor), (vendor) => displayName(index.entities.get(vendor), vendor, lang)),
    findings,
    total: involved.length,
  };
}
