// Lookup over the dataset for the popup: companies, subsidiaries, products, militaries, units,
// aliases and local names (Tsahal, IDF, "8200", Nimbus, AWS). Accent- and case-insensitive, matched
// at word starts. Built once per dataset; each query is a linear scan of a few thousand short terms.
import type { Dataset, Finding } from './dataset/types';
import { indexVendors } from './present/group';

/** Lower case, accents and punctuation removed, spaces collapsed: "Tsahal " ≡ "tsahal", "Défense" ≡ "defense". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

interface SearchTerm {
  folded: string;
  /** The term as written, shown as the reason for a hit. */
  label: string;
  vendor: string;
  /** Only these findings are relevant (a military, a unit, a product); null = all the company's. */
  findingIds: ReadonlySet<string> | null;
}

export interface SearchHit {
  /** Top-level vendor id. */
  vendor: string;
  /** What matched ("Tsahal", "Unit 8200"), best first, without repeats. */
  matched: string[];
  /** The company's findings relevant to the query, dataset order. */
  findings: Finding[];
}

export interface SearchIndex {
  search(query: string): SearchHit[];
}

export function buildSearchIndex(dataset: Pick<Dataset, 'entities' | 'findings'>): SearchIndex {
  const { entitiesById, findingsByTopVendor, topVendorOf } = indexVendors(dataset);
  const terms: SearchTerm[] = [];
  // Finding titles are a fallback: a programme named only in prose ("Project Nimbus") is still found,
  // but a company's name never drags in every other company whose headlines mention it.
  const titleTerms: SearchTerm[] = [];
  const addTerm = (label: string, vendor: string, findingIds: ReadonlySet<string> | null, into = terms) => {
    const folded = foldForSearch(label);
    if (folded) into.push({ folded, label, vendor, findingIds });
  };
  const namesOf = (entityId: string): string[] => {
    const entity = entitiesById.get(entityId);
    if (!entity) return [];
    return [entity.name, ...entity.aliases, ...Object.values(entity.names ?? {}).flatMap((names) => names ?? [])];
  };

  for (const entity of dataset.entities) {
    if (entity.type !== 'vendor') continue;
    const top = topVendorOf(entity.id);
    if (!findingsByTopVendor.has(top)) continue;
    // A subsidiary's own names show the whole parent's record: "GitHub" is Microsoft.
    for (const name of namesOf(entity.id)) addTerm(name, top, null);
    for (const product of entity.products) {
      const about = findingIdsWhere(findingsByTopVendor.get(top) ?? [], (f) => includesFolded(f.products, product));
      addTerm(product, top, about.size ? about : null);
    }
  }
  for (const [top, findings] of findingsByTopVendor) {
    const byCustomer = new Map<string, Set<string>>();
    const byUnit = new Map<string, Set<string>>();
    const byProduct = new Map<string, Set<string>>();
    for (const finding of findings) {
      if (finding.customer) addToSet(byCustomer, finding.customer, finding.id);
      for (const unit of finding.units ?? []) addToSet(byUnit, unit, finding.id);
      // Programmes named only in findings ("Project Nimbus", "JWCC") are searchable too.
      for (const product of finding.products ?? []) addToSet(byProduct, product, finding.id);
      const only = new Set([finding.id]);
      addTerm(finding.title.en, top, only, titleTerms);
      if (finding.title.fr !== finding.title.en) addTerm(finding.title.fr, top, only, titleTerms);
    }
    for (const [customer, ids] of byCustomer) for (const name of namesOf(customer)) addTerm(name, top, ids);
    for (const [unit, ids] of byUnit) addTerm(unit, top, ids);
    for (const [product, ids] of byProduct) addTerm(product, top, ids);
  }

  return {
    search(query: string): SearchHit[] {
      const needle = foldForSearch(query);
      if (!needle) return [];
      const results = searchTerms(terms, needle);
      return results.length || needle.length < 3 ? results : searchTerms(titleTerms, needle, true);
    },
  };

  function searchTerms(candidates: readonly SearchTerm[], needle: string, fromTitles = false): SearchHit[] {
    const hits = new Map<string, { score: number; matched: Map<string, number>; ids: Set<string> | null }>();
    for (const term of candidates) {
      const score = scoreMatch(term.folded, needle);
      if (!score) continue;
      let hit = hits.get(term.vendor);
      if (!hit) {
        hit = { score, matched: new Map(), ids: new Set() };
        hits.set(term.vendor, hit);
      }
      hit.score = Math.max(hit.score, score);
      // A headline is too long to quote as what matched: the query stands for it.
      const label = fromTitles ? quoteMatchedWords(term.label, needle) : term.label;
      hit.matched.set(label, Math.max(hit.matched.get(label) ?? 0, score));
      if (term.findingIds === null) hit.ids = null;
      else if (hit.ids) for (const id of term.findingIds) hit.ids.add(id);
    }
    const results = [...hits].map(([vendor, hit]) => {
      const all = findingsByTopVendor.get(vendor) ?? [];
      const ids = hit.ids;
      return {
        score: hit.score,
        name: entitiesById.get(vendor)?.name ?? vendor,
        hit: {
          vendor,
          matched: [...hit.matched].sort(([a, sa], [b, sb]) => sb - sa || a.localeCompare(b)).map(([label]) => label),
          findings: ids ? all.filter((finding) => ids.has(finding.id)) : all,
        },
      };
    });
    results.sort(
      (a, b) => b.score - a.score || b.hit.findings.length - a.hit.findings.length || a.name.localeCompare(b.name),
    );
    return results.map((result) => result.hit);
  }
}

/** The words of a headline that the query matched, as written ("Nimbus" for "nimb"). */
function quoteMatchedWords(headline: string, needle: string): string {
  const words = headline.split(/\s+/);
  const start = words.findIndex((word) => foldForSearch(word).startsWith(needle.split(' ')[0] ?? ''));
  if (start === -1) return needle;
  return words.slice(start, start + needle.split(' ').length).join(' ').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/** 3 = the whole term, 2 = the term's start, 1 = a later word's start, 0 = no match. */
function scoreMatch(term: string, needle: string): number {
  if (term === needle) return 3;
  if (term.startsWith(needle)) return 2;
  if (term.includes(' ' + needle)) return 1;
  return 0;
}

function includesFolded(list: readonly string[] | undefined, wanted: string): boolean {
  const folded = foldForSearch(wanted);
  return (list ?? []).some((item) => foldForSearch(item) === folded);
}

function findingIdsWhere(findings: readonly Finding[], keep: (finding: Finding) => boolean): Set<string> {
  return new Set(findings.filter(keep).map((finding) => finding.id));
}

function addToSet(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

/** Full-text lookup over findings for the explore page: every word of the query must start a word of the finding. */
export interface FindingTextIndex {
  /** Ids of the findings matching `query`; null when the query is empty (nothing to narrow). */
  match(query: string): Set<string> | null;
}

/**
 * Indexes each finding's titles and summaries (English and French), units, products, source
 * publishers and headlines, and the names of its company and customer (both languages), folded
 * as foldForSearch does. Words match at their start, as in the popup: "defen" finds "Défense".
 */
export function buildFindingTextIndex(dataset: Pick<Dataset, 'entities' | 'findings'>): FindingTextIndex {
  const { entitiesById } = indexVendors(dataset);
  const namesOf = (entityId: string | null): string[] => {
    const entity = entityId === null ? undefined : entitiesById.get(entityId);
    if (!entity) return [];
    return [entity.name, ...entity.aliases, ...Object.values(entity.names ?? {}).flatMap((names) => names ?? [])];
  };
  // One folded text per finding, with a leading space so " word" finds a word start anywhere.
  const texts = dataset.findings.map((finding) => ({
    id: finding.id,
    text: ' ' + foldForSearch([
      finding.title.en, finding.title.fr, finding.summary.en, finding.summary.fr,
      ...(finding.units ?? []), ...(finding.products ?? []),
      ...finding.sources.flatMap((source) => [source.publisher, source.title ?? '']),
      ...namesOf(finding.vendor), ...namesOf(finding.customer),
    ].join(' ')),
  }));
  return {
    match(query: string): Set<string> | null {
      const words = foldForSearch(query).split(' ').filter(Boolean);
      if (words.length === 0) return null;
      const matching = new Set<string>();
      for (const { id, text } of texts) if (words.every((word) => text.includes(' ' + word))) matching.add(id);
      return matching;
    },
  };
}
