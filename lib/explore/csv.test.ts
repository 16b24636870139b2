import { describe, expect, it } from 'vitest';
import { indexEntities } from '../filters';
import { makeFinding, sampleDataset } from '../present/test-data';
import { CSV_COLUMNS, csvCell, findingsToCsv } from './csv';

/** A small RFC 4180 reader, enough to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') { row.push(cell); cell = ''; }
    else if (char === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += char;
  }
  return rows;
}

describe('csvCell', () => {
  it.each<[string | number | boolean | null | undefined, string]>([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['-1', "'-1"],
    [12.5, '12.5'],
    [true, 'yes'],
    [null, ''],
    [undefined, ''],
  ])('%s', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('findingsToCsv', () => {
  const entities = indexEntities(sampleDataset.entities);
  const finding = makeFinding({
    id: 'gh-accents', vendor: 'github', units: ['Unit 8200', 'Ofek'], products: ['Azure'],
    title: { en: 'GitHub, “quoted” title', fr: 'Défense : contrat « élargi »' },
    summary: { en: 'Line one.\nLine two.', fr: 'Résumé, avec virgule.' },
    amount: { value: 9_000_000_000, currency: 'USD', ceiling: true, shared: true },
    sources: [
      { publisher: 'Copy', url: 'https://example.org/copy', date: '2024-02', lang: 'en', verified: 'read' },
      { publisher: 'Le Monde', title: 'Révélation', url: 'https://example.org/original', date: '2024-01', lang: 'fr', verified: 'read', original: true },
    ],
  });
  const text = findingsToCsv([finding, makeFinding({ id: 'plain', vendor: 'palantir', customer: null })], entities);

  it('starts with a byte-order mark and ends rows with CRLF', () => {
    expect(text.startsWith('\uFEFFid,date,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('has one header and one row per finding, every row as wide as the header', () => {
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
  });

  it('keeps accents, quotes and line breaks, names the parent, joins sources original first', () => {
    const [header, row] = parseCsv(text.slice(1));
    const cell = (column: string) => row![header!.indexOf(column)];
    expect(cell('title_fr')).toBe('Défense : contrat « élargi »');
    expect(cell('title_en')).toBe('GitHub, “quoted” title');
    expect(cell('summary_en')).toBe('Line one.\nLine two.');
    expect(cell('company')).toBe('GitHub');
    expect(cell('parent_company')).toBe('Microsoft');
    expect(cell('customer')).toBe('Israel Defense Forces');
    expect(cell('units')).toBe('Unit 8200; Ofek');
    expect(cell('amount')).toBe('9000000000');
    expect(cell('currency')).toBe('USD');
    expect(cell('amount_is_ceiling')).toBe('yes');
    expect(cell('amount_is_shared')).toBe('yes');
    expect(cell('sources')).toBe('Le Monde, “Révélation”, 2024-01 (original) | Copy, 2024-02');
    expect(cell('source_urls')).toBe('https://example.org/original https://example.org/copy');
  });

  it('leaves the amount cells empty when there is no amount', () => {
    const [header, , row] = parseCsv(text.slice(1));
    for (const column of ['amount', 'currency', 'amount_is_ceiling', 'customer']) expect(row![header!.indexOf(column)]).toBe('');
  });
});
