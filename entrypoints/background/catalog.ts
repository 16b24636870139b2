// What the background knows once per wake (or per settings change): settings, the active dataset,
// its indexes, the matcher (compiled on first use: a page's text or a tab's URL, never at start) and
// each company's findings passing the filters, ranked.
import type { Dataset, Entity, Finding } from '../../lib/dataset/types';
import { getSettings } from '../../lib/db';
import { indexEntities, passesFilters, type EntityIndex } from '../../lib/filters';
import { compileMatcher, type Matcher } from '../../lib/matcher';
import type { TabVendor, VendorMentions } from '../../lib/messaging';
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
  return {
    settings,
    dataset,
    get matcher() {
      matcher ??= compileMatcher(dataset.entities);
      return matcher;
    },
    entities,
    vendors,
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

/** One company's findings for a page or tooltip: filtered, ranked. */
export function describeVendor(catalog: Catalog, vendor: string, mentions: VendorMentions | null) {
  const entity: Entity | null = catalog.entities.get(vendor) ?? null;
  return {
    vendor: entity,
    findings: rankFindings(catalog.visibleFindings(vendor), aliasesOf(mentions)),
    totalFindings: catalog.vendors.findingsByTopVendor.get(vendor)?.length ?? 0,
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
