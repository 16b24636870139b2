import { describe, expect, it } from 'vitest';
import { CorpusFormatError, parseCorpus } from './corpus';

const HEADER = '# a comment\n# vendors: amazon dell\nlang\tkind\texpect\talias\turl\ttext\n';

function row(...cells: string[]): string {
  return `${cells.join('\t')}\n`;
}

describe('parseCorpus', () => {
  it('reads the universe, skips comments and blank lines, sorts expected vendors', () => {
    const corpus = parseCorpus(
      `${HEADER}\n# between rows\n${row('en', 'true', 'dell,amazon', 'Dell', 'https://example.org/a', 'Dell and Amazon')}${row('fr', 'lookalike', '-', 'Dell', 'https://example.org/b', 'Dell Curry a marqué')}`,
    );
    expect(corpus.vendors).toEqual(['amazon', 'dell']);
    expect(corpus.lines).toEqual([
      { line: 6, lang: 'en', kind: 'true', expect: ['amazon', 'dell'], alias: 'Dell', url: 'https://example.org/a', text: 'Dell and Amazon' },
      { line: 7, lang: 'fr', kind: 'lookalike', expect: [], alias: 'Dell', url: 'https://example.org/b', text: 'Dell Curry a marqué' },
    ]);
  });

  it('accepts Windows line ends and a byte-order mark', () => {
    const corpus = parseCorpus(`\uFEFF${HEADER}${row('en', 'true', 'dell', 'Dell', 'https://example.org/', 'Dell')}`.replaceAll('\n', '\r\n'));
    expect(corpus.lines).toHaveLength(1);
  });

  it.each([
    [row('en', 'true', 'dell', 'Dell', 'https://example.org/'), 'line 4: expected 6 tab-separated columns'],
    [row('de', 'true', 'dell', 'Dell', 'https://example.org/', 't'), 'line 4: lang must be en or fr'],
    [row('en', 'maybe', 'dell', 'Dell', 'https://example.org/', 't'), 'line 4: kind must be true or lookalike'],
    [row('en', 'true', 'apple', 'Apple', 'https://example.org/', 't'), 'line 4: expect names "apple"'],
    [row('en', 'true', 'dell,dell', 'Dell', 'https://example.org/', 't'), 'line 4: expect repeats a vendor'],
    [row('en', 'true', '-', 'Dell', 'https://example.org/', 't'), 'line 4: a "true" line must expect'],
    [row('en', 'true', 'dell', ' ', 'https://example.org/', 't'), 'line 4: alias is empty'],
    [row('en', 'true', 'dell', 'Dell', 'example.org', 't'), 'line 4: url "example.org" is not a URL'],
    [row('en', 'true', 'dell', 'Dell', 'http://example.org/', 't'), 'is not https'],
    [row('en', 'true', 'dell', 'Dell', 'https://example.org/', ' '), 'line 4: text is empty'],
  ])('refuses a malformed row: %j', (bad, message) => {
    expect(() => parseCorpus(`${HEADER}${bad}`)).toThrow(CorpusFormatError);
    expect(() => parseCorpus(`${HEADER}${bad}`)).toThrow(message);
  });

  it('needs the universe line first, once, and the column header', () => {
    expect(() => parseCorpus('lang\tkind\texpect\talias\turl\ttext\n')).toThrow('line 1: the "# vendors:" line must come before');
    expect(() => parseCorpus('# vendors: a\n# vendors: b\n')).toThrow('line 2: a second "# vendors:" line');
    expect(() => parseCorpus('# vendors: Dell!\n')).toThrow('line 1: "Dell!" is not a vendor id');
    expect(() => parseCorpus('# vendors: a\nen\ttrue\ta\tA\thttps://e.org/\tt\n')).toThrow('line 2: the first row must be the column header');
    expect(() => parseCorpus('# only a comment\n')).toThrow('no "# vendors:" line');
  });
});
