// Facts about the active dataset for the options page: counts, the newest finding, sources by
// publisher, and the values each filter can take (with how many findings carry them). Pure.
import type { Dataset } from '../../lib/dataset/types';
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
  countries: string[];
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
  const countries = new Set<string>();
  let newest = '';
  for (const finding of dataset.findings) {
    if (finding.date > newest) newest = finding.date;
    const top = findTopLevel(finding.vendor, entities);
    bump(vendors, top, nameOf(top));
    if (finding.customer !== null) {
      bump(customers, finding.customer, nameOf(finding.customer));
      const country = entities.get(finding.customer)?.country;
      if (country) countries.add(country);
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
    countries: [...countries].sort(),
  };
}
