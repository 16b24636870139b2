// The dataset as CSV for spreadsheets (`npm run --silent data:export -- --csv`, and the explore page's
// export of its current view): one row per finding,
// its sources joined in one cell, one source per line. UTF-8 with a byte-order mark (so spreadsheet
// programs read the accents), CRLF line ends and RFC 4180 quoting. Pure.
import { indexEntities, topVendorOf } from './catalog';
import type { Dataset, Finding, Source } from './types';

export const CSV_COLUMNS = [
  'id', 'company', 'vendor', 'vendor_name', 'customer', 'customer_name', 'customer_country', 'kind', 'status', 'date',
  'units', 'products', 'amount_value', 'amount_currency', 'amount_ceiling', 'amount_shared',
  'title_en', 'title_fr', 'summary_en', 'summary_fr', 'response_en', 'response_fr', 'reviewed',
  'source_count', 'first_source_url', 'source_urls', 'sources',
] as const;

/** Cells a spreadsheet would run as a formula (=, +, -, @ first) get an apostrophe in front. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 field: quoted (quotes doubled) when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** "2024-05-02 · Associated Press · Headline · https://… (original)": the date first, so no cell starts with "+" or "=". */
function describeSource(source: Source): string {
  return [source.date, source.publisher, source.title, source.url].join(' · ') + (source.original === true ? ' (original)' : '');
}

function row(finding: Finding, index: ReturnType<typeof indexEntities>): string[] {
  const customer = finding.customer === null ? undefined : index.get(finding.customer);
  const flag = (value: boolean | undefined) => (finding.amount ? String(value === true) : '');
  const cells: Record<(typeof CSV_COLUMNS)[number], string> = {
    id: finding.id,
    company: topVendorOf(index, finding.vendor) ?? finding.vendor,
    vendor: finding.vendor,
    vendor_name: index.get(finding.vendor)?.name ?? '',
    customer: finding.customer ?? '',
    customer_name: customer?.name ?? '',
    customer_country: customer?.country ?? '',
    kind: finding.kind,
    status: finding.status,
    date: finding.date,
    units: (finding.units ?? []).join('; '),
    products: (finding.products ?? []).join('; '),
    amount_value: finding.amount ? String(finding.amount.value) : '',
    amount_currency: finding.amount?.currency ?? '',
    amount_ceiling: flag(finding.amount?.ceiling),
    amount_shared: flag(finding.amount?.shared),
    title_en: finding.title.en,
    title_fr: finding.title.fr,
    summary_en: finding.summary.en,
    summary_fr: finding.summary.fr,
    response_en: finding.response?.en ?? '',
    response_fr: finding.response?.fr ?? '',
    reviewed: finding.reviewed,
    source_count: String(finding.sources.length),
    first_source_url: finding.sources[0]?.url ?? '',
    source_urls: finding.sources.map((source) => source.url).join(' '),
    sources: finding.sources.map(describeSource).join('\n'),
  };
  return CSV_COLUMNS.map((column) => cells[column]);
}

/** A file of these findings (the explore page's current view, say): BOM, a header row, one row per finding; every line ends in CRLF. */
export function findingsToCsv(findings: readonly Finding[], entities: ReturnType<typeof indexEntities>): string {
  const lines = [[...CSV_COLUMNS], ...findings.map((finding) => row(finding, entities))];
  return `\uFEFF${lines.map((cells) => cells.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** The whole dataset, in dataset order. */
export function datasetToCsv(dataset: Dataset): string {
  return findingsToCsv(dataset.findings, indexEntities(dataset.entities));
}
