// Per-tab state kept by the background: which companies matched a tab and how (the tab URL's
// domain, mentions reported by its content script). Pure data and functions: the background owns
// the storage; a tab in a private window is never part of what gets persisted.
import { getDomain } from 'tldts';
import type { Settings } from './settings';
import type { DomainMatch } from './matcher/types';
import type { VendorMentions } from './messaging';
import { parseWebUrl } from './web-url';

export interface TabRecord {
  url: string;
  incognito: boolean;
  domain: DomainMatch | null;
  mentions: VendorMentions[];
  /** Story terms found in the page's text so far (lib/reports keys); absent in records kept before they existed. */
  storyTerms?: string[];
}

/** At most this many story terms are kept per tab (a page cannot grow its record without bound). */
export const MAX_STORY_TERMS = 2_000;

/** Tab id (as a string key, the way storage keeps it) → record. */
export type TabRecords = Record<string, TabRecord>;

/** The same document: URLs equal once the fragment is dropped (an anchor jump is no navigation). */
export function isSameDocument(a: string, b: string): boolean {
  return stripFragment(a) === stripFragment(b);
}

function stripFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

export function startTab(url: string, incognito: boolean, domain: DomainMatch | null): TabRecord {
  return { url, incognito, domain, mentions: [] };
}

/** A content script's report replaces the previous one; counts and sizes are clamped. */
export function withMentions(record: TabRecord, mentions: readonly VendorMentions[]): TabRecord {
  const cleaned = mentions
    .filter((mention) => mention.count > 0)
    .map((mention) => ({
      vendor: mention.vendor,
      count: Math.min(mention.count, 1_000_000),
      aliases: Object.fromEntries(
        Object.entries(mention.aliases)
          .filter(([alias, count]) => alias.length <= 200 && Number.isSafeInteger(count) && count > 0)
          .slice(0, 50),
      ),
    }));
  return { ...record, mentions: cleaned };
}

/** The story terms found so far (the scanner's answer), bounded. */
export function withStoryTerms(record: TabRecord, found: readonly string[]): TabRecord {
  return { ...record, storyTerms: found.slice(0, MAX_STORY_TERMS) };
}

/** Distinct top-level vendors matched on the tab, by domain or by text. */
export function listMatchedVendors(record: TabRecord): string[] {
  const vendors = new Set<string>();
  if (record.domain) vendors.add(record.domain.vendor);
  for (const mention of record.mentions) vendors.add(mention.vendor);
  return [...vendors];
}

/** Badge contract: matched vendors having ≥1 finding passing the filters; '' when none. */
export function computeBadgeText(record: TabRecord | undefined, hasVisibleFinding: (vendor: string) => boolean): string {
  if (!record) return '';
  const count = listMatchedVendors(record).filter(hasVisibleFinding).length;
  return count === 0 ? '' : String(count);
}

/** Only tabs of normal windows may be written to storage.session. */
export function selectPersistable(records: TabRecords): TabRecords {
  return Object.fromEntries(Object.entries(records).filter(([, record]) => !record.incognito));
}

/** Registrable domain of a web page ("news.example.co.uk" → "example.co.uk"), else the host, else null. */
export function siteOf(url: string): string | null {
  const parsed = parseWebUrl(url);
  if (!parsed) return null;
  return getDomain(parsed.hostname, { allowPrivateDomains: true }) ?? (parsed.hostname || null);
}

/** Whether pages of this URL are annotated: the master switch, then the allow or deny list. */
export function isEnabledOn(settings: Pick<Settings, 'enabled' | 'siteMode' | 'sites'>, url: string): boolean {
  if (!settings.enabled) return false;
  const site = siteOf(url);
  if (!site) return false;
  const listed = settings.sites.includes(site);
  return settings.siteMode === 'only-on' ? listed : !listed;
}

/** The site list after switching this site on or off, for either list mode. */
export function toggleSite(settings: Pick<Settings, 'siteMode' | 'sites'>, site: string, on: boolean): string[] {
  const listedMeansOn = settings.siteMode === 'only-on';
  const shouldList = listedMeansOn ? on : !on;
  const rest = settings.sites.filter((entry) => entry !== site);
  return shouldList ? [...rest, site].sort() : rest;
}
