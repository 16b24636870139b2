// Reads a real-text evaluation corpus (tests/fixtures/real-text/corpus.tsv): `#` comment lines, a
// `# vendors:` universe line, a column header, then one labelled sentence per line, tab-separated.

export type CorpusLang = 'en' | 'fr';
export type CorpusKind = 'true' | 'lookalike';

export const CORPUS_COLUMNS = ['lang', 'kind', 'expect', 'alias', 'url', 'text'] as const;

/** One labelled sentence. */
export interface CorpusLine {
  /** 1-based line number in the file, for error messages and reports. */
  line: number;
  lang: CorpusLang;
  kind: CorpusKind;
  /** Top-level vendor ids the sentence truly names, sorted; empty for none (`-`). */
  expect: string[];
  /** The surface form the line is about. */
  alias: string;
  /** The public page whose usage inspired the line. */
  url: string;
  text: string;
}

export interface Corpus {
  /** Top-level vendor ids the corpus was labelled against: predictions outside it are not counted. */
  vendors: string[];
  lines: CorpusLine[];
}

export class CorpusFormatError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

const VENDORS_PREFIX = /^#\s*vendors:/u;
const VENDOR_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

function parseVendorList(value: string, lineNumber: number): string[] {
  const ids = value.split(/\s+/u).filter((id) => id !== '');
  for (const id of ids) if (!VENDOR_ID.test(id)) throw new CorpusFormatError(lineNumber, `"${id}" is not a vendor id`);
  if (ids.length === 0) throw new CorpusFormatError(lineNumber, '"# vendors:" lists no vendor');
  return ids;
}

function parseRow(row: string, lineNumber: number, universe: ReadonlySet<string>): CorpusLine {
  const cells = row.split('\t');
  if (cells.length !== CORPUS_COLUMNS.length) {
    throw new CorpusFormatError(lineNumber, `expected ${CORPUS_COLUMNS.length} tab-separated columns (${CORPUS_COLUMNS.join(', ')}), found ${cells.length}`);
  }
  const [lang = '', kind = '', expectCell = '', alias = '', url = '', text = ''] = cells;
  if (lang !== 'en' && lang !== 'fr') throw new CorpusFormatError(lineNumber, `lang must be en or fr, not "${lang}"`);
  if (kind !== 'true' && kind !== 'lookalike') throw new CorpusFormatError(lineNumber, `kind must be true or lookalike, not "${kind}"`);
  const expect = expectCell === '-' ? [] : expectCell.split(',');
  for (const id of expect) {
    if (!universe.has(id)) throw new CorpusFormatError(lineNumber, `expect names "${id}", which is not in the "# vendors:" list`);
  }
  if (new Set(expect).size !== expect.length) throw new CorpusFormatError(lineNumber, `expect repeats a vendor: "${expectCell}"`);
  if (kind === 'true' && expect.length === 0) throw new CorpusFormatError(lineNumber, 'a "true" line must expect at least one vendor');
  if (alias.trim() === '') throw new CorpusFormatError(lineNumber, 'alias is empty');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CorpusFormatError(lineNumber, `url "${url}" is not a URL`);
  }
  if (parsed.protocol !== 'https:') throw new CorpusFormatError(lineNumber, `url "${url}" is not https`);
  if (text.trim() === '') throw new CorpusFormatError(lineNumber, 'text is empty');
  return { line: lineNumber, lang, kind, expect: [...expect].sort(), alias, url, text };
}

/** Parses a corpus file; throws CorpusFormatError naming the first malformed line. */
export function parseCorpus(source: string): Corpus {
  const rows = source.replace(/^\uFEFF/u, '').split(/\r?\n/u);
  let vendors: string[] | null = null;
  let sawHeader = false;
  const lines: CorpusLine[] = [];
  for (const [index, row] of rows.entries()) {
    const lineNumber = index + 1;
    if (row.trim() === '') continue;
    if (row.startsWith('#')) {
      if (VENDORS_PREFIX.test(row)) {
        if (vendors !== null) throw new CorpusFormatError(lineNumber, 'a second "# vendors:" line');
        vendors = parseVendorList(row.replace(VENDORS_PREFIX, ''), lineNumber);
      }
      continue;
    }
    if (vendors === null) throw new CorpusFormatError(lineNumber, 'the "# vendors:" line must come before the first row');
    if (!sawHeader) {
      if (row !== CORPUS_COLUMNS.join('\t')) throw new CorpusFormatError(lineNumber, `the first row must be the column header "${CORPUS_COLUMNS.join('\\t')}"`);
      sawHeader = true;
      continue;
    }
    lines.push(parseRow(row, lineNumber, new Set(vendors)));
  }
  if (vendors === null) throw new CorpusFormatError(rows.length, 'no "# vendors:" line');
  return { vendors, lines };
}
