// What the explore page must show, computed in Node from the repository's dataset through lib/ (so
// the tests never assume counts), and a small CSV reader for the exported files.
import { loadDatasetFromDirectory } from '../../lib/dataset/load-node';
import type { Dataset } from '../../lib/dataset/types';
import { buildCustomerView, buildExploreIndex, buildVendorView, type ExploreIndex } from '../../lib/explore/view-model';
import { defaultSettings, type Filters } from '../../lib/settings';

let cached: Promise<ExploreIndex> | null = null;

export function loadExploreIndex(): Promise<ExploreIndex> {
  cached ??= loadDatasetFromDirectory().then((result) => {
    if (!result.ok) throw new Error('the repository dataset is invalid: run npm run data:check');
    return buildExploreIndex(result.dataset as Dataset);
  });
  return cached;
}

/** Ids of the findings of a company and its subsidiaries that pass `filters`, oldest first. */
export async function vendorFindingIds(vendor: string, filters: Filters = defaultSettings.filters): Promise<string[]> {
  const view = buildVendorView(await loadExploreIndex(), vendor, filters, 'en');
  if (!view) throw new Error(`no vendor ${vendor} in the dataset`);
  return view.findings.map((finding) => finding.id);
}

/** Top-level companies supplying a customer, by findings passing `filters`. */
export async function customerVendorIds(customer: string, filters: Filters = defaultSettings.filters): Promise<string[]> {
  const view = buildCustomerView(await loadExploreIndex(), customer, filters, 'en');
  if (!view) throw new Error(`no customer ${customer} in the dataset`);
  return view.vendors.map((tally) => tally.id).sort();
}

/** RFC 4180 rows (quoted cells, doubled quotes, CRLF), as a spreadsheet reads them. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  return rows;
}
