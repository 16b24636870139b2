import { describe, expect, it } from 'vitest';
import type { Dataset } from './dataset/types';
import { validateDataset } from './dataset/validate';
import { checkImportSize, looksTruncated, MAX_IMPORT_BYTES, parseImportFile, serializeDataset, serializeSettings } from './import-export';
import { defaultSettings } from './settings';

const dataset: Dataset = {
  version: '2026.11.01',
  topics: [],
  entities: [{ id: 'microsoft', name: 'Microsoft', type: 'vendor', country: 'US', parent: null, aliases: ['Microsoft'], products: ['Azure'], domains: ['microsoft.com'], ambiguous: [] }],
  findings: [{
    id: 'microsoft-x', vendor: 'microsoft', customer: null, kind: 'policy', title: { en: 'T', fr: 'T' }, summary: { en: 'S', fr: 'S' },
    date: '2024', status: 'reported', sources: [{ publisher: 'AP', title: 'Headline', date: '2024-02-01', url: 'https://apnews.com/x', lang: 'en', verified: 'read' }],
  }],
};

const bytes = (text: string) => new TextEncoder().encode(text);
const parse = (text: string | Uint8Array) => parseImportFile(typeof text === 'string' ? bytes(text) : text, validateDataset);
const withTitle = (title: string) => JSON.stringify({ ...dataset, findings: [{ ...dataset.findings[0], title: { en: title, fr: 'ok' } }] });
const settingsFile = (settings: unknown, extra: object = {}) => JSON.stringify({ format: 'dual-use-settings', version: 1, settings, ...extra });

describe('good files', () => {
  it('round-trips exported settings', () => {
    const settings = { ...defaultSettings, siteMode: 'only-on' as const, sites: ['example.org'], filters: { ...defaultSettings.filters, kinds: ['ai' as const], from: '2023' } };
    expect(parse(serializeSettings(settings))).toEqual({ ok: true, kind: 'settings', settings });
  });
  it('round-trips an exported dataset (with a byte-order mark)', () => {
    const result = parse(`\uFEFF${serializeDataset(dataset)}`);
    expect(result).toMatchObject({ ok: true, kind: 'dataset', dataset: { version: dataset.version, entities: [{ id: 'microsoft' }], findings: [{ id: 'microsoft-x' }] } });
  });
  it('accepts plain text that only looks a little like markup or schemes', () => {
    expect(parse(withTitle('Revenue < 5 % and data: phone records; Java script usage')).ok).toBe(true);
  });
});

describe('refused files, each named', () => {
  const full = serializeDataset(dataset);
  const cases: [string, string | Uint8Array, string, string?][] = [
    ['empty file', '   ', 'empty'],
    ['truncated JSON', full.slice(0, full.length / 2), 'truncated'],
    ['truncated inside a string', '{"version": "2026', 'truncated'],
    ['cut after a comma', '{"a": 1,', 'truncated'],
    ['not JSON at all', 'version = 1\nentities = []', 'not-json'],
    ['binary (NUL bytes)', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]), 'binary'],
    ['binary (invalid UTF-8)', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 'binary'],
    ['wrong shape: a list', '[1, 2, 3]', 'wrong-shape'],
    ['wrong shape: a number', '42', 'wrong-shape'],
    ['wrong shape: unrelated object', '{"name": "something else"}', 'wrong-shape', 'name'],
    ['too deep', `${'['.repeat(5000)}${']'.repeat(5000)}`, 'too-deep'],
    ['markup in a title', withTitle('<img src=x onerror=alert(1)>'), 'hostile', 'findings[0].title.en: markup'],
    ['closing tag', withTitle('fine</b>'), 'hostile'],
    ['comment markup', withTitle('<!-- x -->'), 'hostile'],
    ['javascript: URL', withTitle('javascript:alert(1)'), 'hostile', 'script URL'],
    ['obfuscated javascript: URL', withTitle('JaVa\tScRiPt :alert(1)'), 'hostile'],
    ['data:text/html URL', withTitle('data:text/html,<b>'), 'hostile'],
    ['markup in an object key', JSON.stringify({ ...dataset, '<svg onload=x>': 1 }), 'hostile'],
    ['dataset failing validation', JSON.stringify({ ...dataset, findings: [{ ...dataset.findings[0], sources: [{ publisher: 'AP', url: 'http://apnews.com/x', lang: 'en', verified: 'r' }] }] }), 'invalid-dataset', 'microsoft-x'],
    ['settings with an unknown key', settingsFile({ enabled: true, telemetry: true }), 'invalid-settings', 'telemetry: unknown setting'],
    ['settings with a wrong type', settingsFile({ enabled: 'yes' }), 'invalid-settings', 'enabled'],
    ['settings out of bounds', settingsFile({ marksPerCompany: 1e9 }), 'invalid-settings', 'marksPerCompany'],
    ['settings with too many sites', settingsFile({ sites: Array.from({ length: 1001 }, (_, i) => `s${i}.example`) }), 'invalid-settings', 'sites'],
    ['settings with a bad site', settingsFile({ sites: ['not a domain'] }), 'invalid-settings', 'sites[0]'],
    ['settings with a bad kind', settingsFile({ filters: { kinds: ['weapons'] } }), 'invalid-settings', 'filters.kinds[0]'],
    ['settings with an unknown filter', settingsFile({ filters: { colour: [] } }), 'invalid-settings', 'filters.colour'],
    ['settings with a bad date', settingsFile({ filters: { from: '2024-13' } }), 'invalid-settings', 'filters.from'],
    ['settings file with an extra key', settingsFile({}, { payload: 1 }), 'invalid-settings', 'payload'],
    ['settings file of a future version', JSON.stringify({ format: 'dual-use-settings', version: 2, settings: {} }), 'invalid-settings', 'version'],
  ];
  it.each(cases)('%s', (_name, content, code, detail) => {
    const result = parse(content);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.code).toBe(code);
    if (detail) expect(result.problem.detail).toContain(detail);
  });

  it('refuses an enormous file by its size, before reading it', () => {
    expect(checkImportSize(MAX_IMPORT_BYTES + 1)?.code).toBe('too-large');
    expect(checkImportSize(MAX_IMPORT_BYTES)).toBeNull();
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x20);
    expect(parse(big)).toMatchObject({ ok: false, problem: { code: 'too-large' } });
  });
});

describe('looksTruncated', () => {
  it.each([
    ['{"a": [1, 2', true], ['{"a": "x\\"', true], ['{"a": 1}', false], ['{"a": "}"}', false], ['[1,', true],
  ] as const)('%s → %s', (text, expected) => expect(looksTruncated(text)).toBe(expected));
});
