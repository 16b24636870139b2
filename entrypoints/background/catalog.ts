// What the background knows once per wake (or per settings change): settings, the active dataset,
// its indexes, the matcher (compiled on first use: a page's text or a tab's URL, never at start), the
// report indexes (built on first use too), each company's findings passing the filters, ranked, and
// what a tab's page reports.
import type { Dataset, Entity, Finding } from '../../lib/dataset/types';
import { getSettings } from '../../lib/db';
import { indexEntities, passesFilters, type EntityIndex } from '../../lib/filters';
import { compileMatcher, type Matcher } from '../../lib/matcher';
import type { TabReport, TabVendor, VendorMentions } from '../../lib/messaging';
import { buildReportIndex, listPageReports, type ReportIndex } from '../../lib/reports/page-reports';
import { indexVendors, type VendorIndex } from '../../lib/present/group';
import { rankFindings, rankVendors } from '../../lib/present/rank';
import type { Settings } from '../../lib/settings';
import { defaultSettings } from '../../lib/settings';
import { listMatchedVendors, type TabRecord } from '../../lib/tab-state';
import { loadActiveDataset } from './active-dataset';

export interface Catalog {
  settings: Settings;
  dataset: Dataset;
  /** Compiled on first read. */
  readonly matcher: Matcher;
  entities: EntityIndex;
  vendors: VendorIndex;
  reports: ReportIndex;
  findingsById: ReadonlyMap<string, Finding>;
  /** Top-level vendor → its findings passing the filters (dataset order). */
  visibleFindings(vendor: string): Finding[];
}

/** The reader's settings, or the defaults when the database fails. */
export function loadSettings(): Promise<Settings> {
  return getSettings().catch(() => structuredClone(defaultSettings));
}

export async function loadCatalog(settings: Promise<Settings> = loadSettings()): Promise<Catalog> {
  const [loaded, dataset] = await Promise.all([settings, loadActiveDataset()]);
  return buildCatalog(loaded, dataset);
}

/** Indexes a dataset under the given settings (pure: no storage, no browser API). */
export function buildCatalog(settings: Settings, dataset: Dataset): Catalog {
  const entities = indexEntities(dataset.entities);
  const vendors = indexVendors(dataset);
  const visible = new Map<string, Finding[]>();
  let matcher: Matcher | null = null;
  let reports: ReportIndex | null = null;
  return {
    settings,
    dataset,
    get matcher() {
      matcher ??= compileMatcher(dataset.entities, dataset.topics);
      return matcher;
    },
    entities,
    vendors,
    // Built on first use (a page's text, the popup, a tooltip): a wake for a badge alone does not pay for it.
    get reports() {
      return (reports ??= buildReportIndex(dataset));
    },
    findingsById: new Map(dataset.findings.map((finding) => [finding.id, finding])),
    visibleFindings(vendor) {
      let list = visible.get(vendor);
      if (!list) {
        list = (vendors.findingsByTopVendor.get(vendor) ?? []).filter((f) => passesFilters(f, settings.filters, entities));
        visible.set(vendor, list);
      }
      return list;
    },
  };
}

/** Aliases named on the page, used to rank findings about those products first. */
function aliasesOf(mentions: VendorMentions | null): string[] {
  return mentions ? Object.keys(mentions.aliases) : [];
}

/**
 * What a tab's page reports, passing the filters: the findings citing its address (whatever company),
 * then the stories its text tells among the findings of the companies matched on it.
 */
export function describeReports(catalog: Catalog, record: TabRecord): TabReport[] {
  const candidates = listMatchedVendors(record).flatMap((vendor) => catalog.visibleFindings(vendor).map((finding) => finding.id));
  const reports: TabReport[] = [];
  for (const report of listPageReports(catalog.reports, { url: record.url, found: record.storyTerms ?? [], candidates })) {
    const finding = catalog.findingsById.get(report.finding);
    if (!finding || !passesFilters(finding, catalog.settings.filters, catalog.entities)) continue;
    const terms = report.terms.flatMap((key) => {
      const term = catalog.reports.stories.term(key);
      return term ? [term.label] : [];
    });
    reports.push({ finding, why: report.why, terms });
  }
  return reports;
}

/** One company's findings for a page or tooltip: filtered, ranked; those the page reports listed apart, first. */
export function describeVendor(catalog: Catalog, vendor: string, mentions: VendorMentions | null, record: TabRecord | null = null) {
  const entity: Entity | null = catalog.entities.get(vendor) ?? null;
  const reports = record ? describeReports(catalog, record).filter((report) => catalog.vendors.topVendorOf(report.finding.vendor) === vendor) : [];
  return {
    vendor: entity,
    findings: rankFindings(catalog.visibleFindings(vendor), aliasesOf(mentions)),
    totalFindings: catalog.vendors.findingsByTopVendor.get(vendor)?.length ?? 0,
    reports,
  };
}

/** Every company matched on a tab with findings to show, most relevant first. */
export function describeTab(catalog: Catalog, record: TabRecord): TabVendor[] {
  const listed: Array<TabVendor & { id: string; name: string; ownsSite: boolean; mentionCount: number; findingCount: number }> = [];
  for (const vendor of listMatchedVendors(record)) {
    const mentions = record.mentions.find((m) => m.vendor === vendor) ?? null;
    const { vendor: entity, findings, totalFindings } = describeVendor(catalog, vendor, mentions);
    // A company whose findings are all filtered out is not listed (as the badge does not count it).
    if (!entity || findings.length === 0) continue;
    const domain = record.domain?.vendor === vendor ? record.domain : null;
    listed.push({
      vendor: entity, domain, mentions, findings, totalFindings,
      id: vendor, name: entity.name, ownsSite: domain !== null, mentionCount: mentions?.count ?? 0, findingCount: findings.length,
    });
  }
  return rankVendors(listed).map(({ vendor, domain, mentions, findings, totalFindings }) => ({
    vendor, domain, mentions, findings, totalFindings,
  }));
}
