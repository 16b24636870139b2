// Facts about the active dataset for the options and explore pages: counts, the newest finding,
// sources by publisher, and the values each filter can take (with how many findings carry them). Pure.
import { FINDING_KINDS, FINDING_STATUSES, type Dataset, type FindingKind, type FindingStatus, type Lang } from '../../lib/dataset/types';
import { findTopLevel, indexEntities } from '../../lib/filters';

export interface Choice {
  value: string;
  label: string;
  /** Findings carrying this value. */
  count: number;
}

export interface DatasetSummary {
  version: string;
  findings: number;
  companies: number;
  militaries: number;
  /** YYYY[-MM[-DD]] of the newest finding, '' when there is none. */
  newest: string;
  /** Publisher → number of sources, most cited first. */
  publishers: Choice[];
  vendors: Choice[];
  customers: Choice[];
}

function sortChoices(counts: Map<string, Choice>): Choice[] {
  return [...counts.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

function bump(counts: Map<string, Choice>, value: string, label: string): void {
  const choice = counts.get(value);
  if (choice) choice.count += 1;
  else counts.set(value, { value, label, count: 1 });
}

export function summarizeDataset(dataset: Dataset): DatasetSummary {
  const entities = indexEntities(dataset.entities);
  const nameOf = (id: string) => entities.get(id)?.name ?? id;
  const publishers = new Map<string, Choice>();
  const vendors = new Map<string, Choice>();
  const customers = new Map<string, Choice>();
  let newest = '';
  for (const finding of dataset.findings) {
    if (finding.date > newest) newest = finding.date;
    const top = findTopLevel(finding.vendor, entities);
    bump(vendors, top, nameOf(top));
    if (finding.customer !== null) {
      bump(customers, finding.customer, nameOf(finding.customer));
    }
    for (const source of finding.sources) bump(publishers, source.publisher, source.publisher);
  }
  return {
    version: dataset.version,
    findings: dataset.findings.length,
    companies: dataset.entities.filter((e) => e.type === 'vendor' && e.parent === null).length,
    militaries: dataset.entities.filter((e) => e.type === 'military').length,
    newest,
    publishers: sortChoices(publishers),
    vendors: [...vendors.values()].sort((a, b) => a.label.localeCompare(b.label)),
    customers: [...customers.values()].sort((a, b) => a.label.localeCompare(b.label)),
  };
}

/** A country's name in the reader's language; the code itself where it is not a region (e.g. NATO). */
export function countryName(code: string, lang: Lang): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The kinds, statuses and customers' countries a finding may be filtered by, each with how many
 * findings carry it: kinds and statuses in their order, countries by name in the reader's language.
 */
export function listCategoryChoices(
  dataset: Dataset,
  lang: Lang,
  label: { kind: (kind: FindingKind) => string; status: (status: FindingStatus) => string },
): { kinds: Choice[]; statuses: Choice[]; countries: Choice[] } {
  const entities = indexEntities(dataset.entities);
  const count = (pick: (finding: Dataset['findings'][number]) => string) => {
    const counts = new Map<string, number>();
    for (const finding of dataset.findings) counts.set(pick(finding), (counts.get(pick(finding)) ?? 0) + 1);
    return counts;
  };
  const kinds = count((f) => f.kind);
  const statuses = count((f) => f.status);
  const countries = count((f) => (f.customer ? entities.get(f.customer)?.country ?? '' : ''));
  return {
    kinds: FINDING_KINDS.map((kind) => ({ value: kind, label: label.kind(kind), count: kinds.get(kind) ?? 0 })),
    statuses: FINDING_STATUSES.map((status) => ({ value: status, label: label.status(status), count: statuses.get(status) ?? 0 })),
    countries: [...countries.keys()].filter((code) => code !== '')
      .map((code) => ({ value: code, label: countryName(code, lang), count: countries.get(code) ?? 0 }))
      .sort((a, b) => a.label.localeCompare(b.label, lang)),
  };
}
