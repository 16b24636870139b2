// CSV export of explore's current view: one row per finding, sources joined in one cell, UTF-8 with
// a byte-order mark and CRLF line ends (RFC 4180), so spreadsheets open the accents as written.
// Cells that a spreadsheet would run as a formula (=, +, -, @ first) are prefixed with an apostrophe.
import type { Finding } from '../dataset/types';
import type { EntityIndex } from '../filters';
import { listOwners } from '../filters';
import { orderSources } from '../present/rank';

export const CSV_COLUMNS = [
  'id', 'date', 'company', 'company_id', 'parent_company', 'customer', 'customer_id', 'units', 'kind', 'status',
  'title_en', 'title_fr', 'summary_en', 'summary_fr', 'response_en', 'response_fr',
  'amount', 'currency', 'amount_is_ceiling', 'amount_is_shared', 'products', 'sources', 'source_urls',
] as const;

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** "Publisher, “Headline”, 2025-01-23 (original)" for each source, original first, joined by " | ". */
function describeSources(finding: Finding): string {
  return orderSources(finding.sources)
    .map((source) => [source.publisher, source.title ? `“${source.title}”` : '', source.date ?? '']
      .filter(Boolean).join(', ') + (source.original ? ' (original)' : ''))
    .join(' | ');
}

export function findingsToCsv(findings: readonly Finding[], entities: EntityIndex): string {
  const name = (id: string | null) => (id === null ? '' : entities.get(id)?.name ?? id);
  const lines = [CSV_COLUMNS.join(',')];
  for (const finding of findings) {
    const top = listOwners(finding.vendor, entities).at(-1) ?? finding.vendor;
    const row: Record<(typeof CSV_COLUMNS)[number], string | number | boolean | null | undefined> = {
      id: finding.id,
      date: finding.date,
      company: name(finding.vendor),
      company_id: finding.vendor,
      parent_company: top === finding.vendor ? '' : name(top),
      customer: name(finding.customer),
      customer_id: finding.customer ?? '',
      units: (finding.units ?? []).join('; '),
      kind: finding.kind,
      status: finding.status,
      title_en: finding.title.en,
      title_fr: finding.title.fr,
      summary_en: finding.summary.en,
      summary_fr: finding.summary.fr,
      response_en: finding.response?.en,
      response_fr: finding.response?.fr,
      amount: finding.amount?.value,
      currency: finding.amount?.currency,
      amount_is_ceiling: finding.amount ? finding.amount.ceiling === true : undefined,
      amount_is_shared: finding.amount ? finding.amount.shared === true : undefined,
      products: (finding.products ?? []).join('; '),
      sources: describeSources(finding),
      source_urls: orderSources(finding.sources).map((source) => source.url).join(' '),
    };
    lines.push(CSV_COLUMNS.map((column) => csvCell(row[column])).join(','));
  }
  return BOM + lines.join('\r\n') + '\r\n';
}
