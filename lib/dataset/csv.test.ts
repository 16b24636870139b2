// The CSV export: RFC 4180 quoting, a BOM, CRLF rows; read back by an independent parser, the real
// dataset gives one row per finding with every field intact.
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvField, datasetToCsv } from './csv';
import { loadDatasetFromDirectory } from './load-node';
import { sampleDataset } from '../present/test-data';

/** A strict RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      i += 1;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quote');
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i += 1;
          break;
        } else {
          field += text[i];
          i += 1;
        }
      }
    } else if (c === ',') {
      row.push(field);
      field = '';
      i += 1;
    } else if (text.startsWith('\r\n', i)) {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (c === '\n' || c === '\r') {
      throw new Error(`bare line break at ${i}`);
    } else {
      field += c;
      i += 1;
    }
  }
  if (field !== '' || row.length > 0) throw new Error('last row not ended by CRLF');
  return rows;
}

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['', ''],
    // What a spreadsheet would run as a formula is read as text.
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
  ])('%j → %j', (value, expected) => expect(csvField(value)).toBe(expected));
});

describe('datasetToCsv', () => {
  it('starts with a BOM and the header, and reads back field for field', () => {
    const csv = datasetToCsv(sampleDataset);
    expect(csv.startsWith(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows.length).toBe(sampleDataset.findings.length + 1);
    const orion = rows.find((r) => r[0] === 'palantir-orion');
    expect(orion?.[CSV_COLUMNS.indexOf('title_fr')]).toBe('L’armée choisit « Projet Orion »');
  });

  it('gives the real dataset one row per finding, sources one per line, accents intact', async () => {
    const result = await loadDatasetFromDirectory();
    if (!result.ok) throw new Error('dataset invalid');
    const rows = parseCsv(datasetToCsv(result.dataset).slice(1));
    expect(rows.length).toBe(result.dataset.findings.length + 1);
    for (const [index, finding] of result.dataset.findings.entries()) {
      const row = rows[index + 1]!;
      expect(row.length).toBe(CSV_COLUMNS.length);
      expect(row[CSV_COLUMNS.indexOf('id')]).toBe(finding.id);
      // A cell a spreadsheet would take for a formula ("+972 Magazine…") is kept as text behind an apostrophe.
      expect(row[CSV_COLUMNS.indexOf('summary_fr')]).toBe(/^[=+\-@]/.test(finding.summary.fr) ? `'${finding.summary.fr}` : finding.summary.fr);
      expect(row[CSV_COLUMNS.indexOf('sources')]!.split('\n')).toHaveLength(finding.sources.length);
      expect(row[CSV_COLUMNS.indexOf('first_source_url')]).toBe(finding.sources[0]?.url);
    }
  });
});
