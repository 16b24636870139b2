// One table row per validation rule: a minimal valid dataset, one mutation that breaks the rule, and the
// field the problem must name. The real dataset in assets/dataset must pass, with file names in problems.
import { describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DATASET_DIRECTORY, loadDatasetFromDirectory } from './load-node';
import { formatProblem, MAX_PROBLEMS, validateDataset, type DatasetProblem } from './validate';
import { findingsByVendor, indexEntities, topVendorOf } from './catalog';

const NOW = new Date('2026-01-15T12:00:00Z');

type Mutable = Record<string, unknown> & { entities: Record<string, unknown>[]; findings: Record<string, unknown>[] };

function validDataset(): Mutable {
  return {
    version: '1.0.0',
    entities: [
      { id: 'acme', name: 'Acme', type: 'vendor', country: 'US', parent: null, aliases: ['Acme', 'Gadget'], products: ['Cloudy'], domains: ['acme.com', 'cloud.acme.com'],
        ambiguous: [{ alias: 'Gadget', caseSensitive: true, notBefore: ['inspector'], note: 'a common noun' }] },
      { id: 'acme-labs', name: 'Acme Labs', type: 'vendor', country: 'US', parent: 'acme', aliases: ['Acme Labs'], products: [], domains: ['acmelabs.io'], ambiguous: [] },
      { id: 'other', name: 'Other', type: 'vendor', country: 'FR', parent: null, aliases: ['Other Corp'], products: [], domains: ['other.fr'], ambiguous: [] },
      { id: 'army', name: 'Army', type: 'military', country: 'US', parent: null, aliases: ['The Army'], products: [], domains: [], ambiguous: [], names: { fr: ['Armée'] } },
    ],
    findings: [
      { id: 'acme-army-cloud-2024', vendor: 'acme', customer: 'army', kind: 'cloud', title: { en: 'T', fr: 'T' }, summary: { en: 'S', fr: 'S' }, date: '2024-05-01',
        amount: { value: 1000, currency: 'USD', ceiling: true }, status: 'reported',
        sources: [{ publisher: 'Daily', title: 'Headline', url: 'https://daily.example.com/a', date: '2024-05-01', lang: 'en', verified: 'read' }] },
      { id: 'acme-labs-policy-2025', vendor: 'acme-labs', customer: null, kind: 'policy', title: { en: 'T', fr: 'T' }, summary: { en: 'S', fr: 'S' }, date: '2025',
        status: 'confirmed', sources: [{ publisher: 'Weekly', title: 'Other headline', url: 'https://weekly.example.org/b', date: '2025-02', lang: 'fr', verified: 'read' }] },
    ],
  };
}

const entity = (d: Mutable, i = 0) => d.entities[i] as Record<string, unknown>;
const finding = (d: Mutable, i = 0) => d.findings[i] as Record<string, unknown>;
const source = (d: Mutable, i = 0) => (finding(d) .sources as Record<string, unknown>[])[i] as Record<string, unknown>;

function problemsOf(input: unknown, files?: string[]): DatasetProblem[] {
  const result = validateDataset(input, files ? { now: NOW, entitiesFile: 'entities.json', findingFiles: files } : { now: NOW });
  return result.ok ? [] : result.problems;
}

describe('validateDataset', () => {
  it('accepts topics that rules refer to, and a dataset without any', () => {
    const d = validDataset();
    d.topics = [{ id: 'tech', note: 'software words', words: { en: ['cloud', 'stream*'], fr: ['nuage'] } }];
    (entity(d).ambiguous as Record<string, unknown>[])[0]!.cueTopics = ['tech'];
    const result = validateDataset(d, { now: NOW });
    expect(result.ok && result.dataset.topics).toEqual([{ id: 'tech', note: 'software words', words: { en: ['cloud', 'stream*'], fr: ['nuage'] } }]);
    const none = validateDataset(validDataset(), { now: NOW });
    expect(none.ok && none.dataset.topics).toEqual([]);
  });

  it('accepts the minimal dataset and derives amountUsd', () => {
    const result = validateDataset(validDataset(), { now: NOW });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.dataset.findings.map((f) => f.id)).toEqual(['acme-labs-policy-2025', 'acme-army-cloud-2024']);
    expect(result.dataset.findings[1]?.amountUsd).toBe(1000);
    expect(result.dataset.findings[0]).not.toHaveProperty('amountUsd');
  });

  const rules: [string, (d: Mutable) => void, string, RegExp][] = [
    ['root must be an object', (d) => { d.entities = 'x' as never; }, 'entities', /must be a list/],
    ['version format', (d) => { d.version = 'one'; }, 'version', /MAJOR.MINOR.PATCH/],
    ['entity id kebab-case', (d) => { entity(d).id = 'Acme_Co'; }, 'id', /kebab-case/],
    ['entity ids unique', (d) => { entity(d, 2).id = 'acme'; }, 'id', /another entity/],
    ['entity type known', (d) => { entity(d).type = 'company'; }, 'type', /one of vendor, military/],
    ['country code', (d) => { entity(d).country = 'usa'; }, 'country', /ISO 3166/],
    ['parent resolves', (d) => { entity(d, 1).parent = 'nobody'; }, 'parent', /not an entity id/],
    ['topics must be a list', (d) => { d.topics = {}; }, 'topics', /must be a list/],
    ['topic words in both languages', (d) => { d.topics = [{ id: 'tech', note: 'n', words: { en: ['cloud'] } }]; }, 'topics[0].words.fr', /is required/],
    ['topic ids unique', (d) => { d.topics = [{ id: 'tech', note: 'n', words: { en: ['a'], fr: ['b'] } }, { id: 'tech', note: 'n', words: { en: ['a'], fr: ['b'] } }]; }, 'topics[1].id', /listed twice/],
    ['rule topics resolve', (d) => { (entity(d).ambiguous as Record<string, unknown>[])[0]!.cueTopics = ['nowhere']; }, 'ambiguous[0].cueTopics[0]', /not one of the catalog's topics/],
    ['old rule fields are refused', (d) => { (entity(d).ambiguous as Record<string, unknown>[])[0]!.requireCorroboration = true; }, 'ambiguous[0].requireCorroboration', /not a known rule field/],
    ['parent cycle', (d) => { entity(d).parent = 'acme-labs'; }, 'parent', /cycle/],
    ['military has no parent', (d) => { entity(d, 3).parent = 'acme'; }, 'parent', /null for a military/],
    ['aliases non-empty', (d) => { entity(d).aliases = []; }, 'aliases', /must not be empty/],
    ['alias not blank', (d) => { entity(d).aliases = ['Acme', '  ']; }, 'aliases[1]', /must not be empty/],
    ['alias listed once', (d) => { entity(d).aliases = ['Acme', 'Acme']; }, 'aliases[1]', /listed twice/],
    ['domain registrable', (d) => { entity(d).domains = ['co.uk']; }, 'domains[0]', /registrable domain/],
    ['domain not an IP', (d) => { entity(d).domains = ['10.0.0.1']; }, 'domains[0]', /IP address/],
    ['domain lower-case', (d) => { entity(d).domains = ['Acme.com']; }, 'domains[0]', /lower-case/],
    ['domain not shared', (d) => { entity(d, 2).domains = ['acme.com']; }, 'domains[0]', /already listed for acme/],
    ['registrable domain not shared across companies', (d) => { entity(d, 2).domains = ['shop.acme.com']; }, 'domains[0]', /belongs to acme/],
    ['rule names an alias or product', (d) => { (entity(d).ambiguous as Record<string, unknown>[])[0]!.alias = 'Widget'; }, 'ambiguous[0].alias', /not one of this entity/],
    ['rule has a note', (d) => { delete (entity(d).ambiguous as Record<string, unknown>[])[0]!.note; }, 'ambiguous[0].note', /required/],
    ['rule fields known', (d) => { (entity(d).ambiguous as Record<string, unknown>[])[0]!.caseSensitiv = true; }, 'ambiguous[0].caseSensitiv', /not a known rule field/],
    ['rule window is no longer a field', (d) => { (entity(d).ambiguous as Record<string, unknown>[])[0]!.window = 8; }, 'ambiguous[0].window', /not a known rule field/],
    ['finding id kebab-case', (d) => { finding(d).id = 'Acme Army'; }, 'id', /kebab-case/],
    ['finding ids unique', (d) => { finding(d, 1).id = 'acme-army-cloud-2024'; }, 'id', /another finding/],
    ['vendor resolves', (d) => { finding(d).vendor = 'ghost'; }, 'vendor', /not an entity id/],
    ['vendor is a vendor', (d) => { finding(d).vendor = 'army'; }, 'vendor', /not a vendor/],
    ['customer resolves', (d) => { finding(d).customer = 'navy'; }, 'customer', /not an entity id/],
    ['customer is a military', (d) => { finding(d).customer = 'other'; }, 'customer', /not a military/],
    ['customer null only for policy/labor', (d) => { finding(d).customer = null; }, 'customer', /only for a policy or labor/],
    ['kind known', (d) => { finding(d).kind = 'weapons'; }, 'kind', /one of cloud/],
    ['status known', (d) => { finding(d).status = 'rumoured'; }, 'status', /one of reported/],
    ['title has fr', (d) => { finding(d).title = { en: 'T' }; }, 'title.fr', /required/],
    ['summary en non-empty', (d) => { finding(d).summary = { en: ' ', fr: 'S' }; }, 'summary.en', /must not be empty/],
    ['date format', (d) => { finding(d).date = '05/2024'; }, 'date', /YYYY/],
    ['date is a real day', (d) => { finding(d).date = '2024-02-30'; }, 'date', /no such day/],
    ['date not in the future', (d) => { finding(d).date = '2026-02'; }, 'date', /future/],
    ['amount positive', (d) => { finding(d).amount = { value: -5, currency: 'USD' }; }, 'amount.value', /positive/],
    ['amount currency ISO', (d) => { finding(d).amount = { value: 5, currency: 'dollars' }; }, 'amount.currency', /at most 3|ISO 4217/],
    ['amountUsd matches amount', (d) => { finding(d).amountUsd = 7; }, 'amountUsd', /must match amount/],
    ['sources non-empty', (d) => { finding(d).sources = []; }, 'sources', /non-empty/],
    ['source url https', (d) => { source(d).url = 'http://daily.example.com/a'; }, 'sources[0].url', /must be https/],
    ['source url parseable', (d) => { source(d).url = 'https://'; }, 'sources[0].url', /not a valid URL/],
    ['source url not javascript', (d) => { source(d).url = 'javascript:alert(1)'; }, 'sources[0].url', /javascript/],
    ['source url no markup', (d) => { source(d).url = 'https://daily.example.com/<script>'; }, 'sources[0].url', /markup|angle brackets/],
    ['source url no quotes or spaces', (d) => { source(d).url = 'https://daily.example.com/a b"'; }, 'sources[0].url', /spaces, quotes/],
    ['source url names a domain', (d) => { source(d).url = 'https://127.0.0.1/a'; }, 'sources[0].url', /registrable domain/],
    ['source publisher required', (d) => { delete source(d).publisher; }, 'sources[0].publisher', /required/],
    ['source lang code', (d) => { source(d).lang = 'English'; }, 'sources[0].lang', /language code/],
    ['source verified required', (d) => { delete source(d).verified; }, 'sources[0].verified', /required/],
    ['one complete source', (d) => { delete source(d).title; }, 'sources', /title and date/],
    ['original listed first', (d) => { (finding(d).sources as unknown[]).push({ publisher: 'Orig', url: 'https://orig.example.net/x', lang: 'en', verified: 'link only', original: true }); }, 'sources', /original report must be listed first/],
    ['source url listed once', (d) => { (finding(d).sources as unknown[]).push({ ...source(d) }); }, 'sources[1].url', /listed twice/],
    ['strings free of control characters', (d) => { finding(d).title = { en: 'a\u0007b', fr: 'T' }; }, 'title.en', /control characters/],
    ['strings free of markup', (d) => { finding(d).summary = { en: '<img src=x onerror=alert(1)>', fr: 'S' }; }, 'summary.en', /markup/],
    ['strings bounded', (d) => { finding(d).title = { en: 'x'.repeat(5000), fr: 'T' }; }, 'title.en', /at most/],
    ['duplicate event', (d) => { d.findings.push({ ...finding(d), id: 'acme-army-cloud-2024-again' }); }, 'id', /duplicates acme-army-cloud-2024/],
  ];

  it.each(rules)('rejects: %s', (_name, mutate, field, message) => {
    const dataset = validDataset();
    mutate(dataset);
    const problems = problemsOf(dataset);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.some((p) => p.field === field && message.test(p.message)), JSON.stringify(problems)).toBe(true);
  });

  it('names the file and finding id in each problem', () => {
    const dataset = validDataset();
    source(dataset).url = 'http://daily.example.com/a';
    const problems = problemsOf(dataset, ['findings/acme.json', 'findings/acme.json']);
    expect(problems.map(formatProblem)).toEqual(['findings/acme.json: acme-army-cloud-2024: sources[0].url: must be https']);
  });

  it('wants a finding in the file of its top-level vendor', () => {
    const problems = problemsOf(validDataset(), ['findings/acme.json', 'findings/acme-labs.json']);
    expect(problems.map(formatProblem)).toEqual(['findings/acme-labs.json: acme-labs-policy-2025: vendor: belongs in findings/acme.json (top-level vendor acme)']);
  });

  it.each([null, 42, 'text', [], { entities: [], findings: [] }, { version: '1.0.0', entities: [null, 3], findings: [[], 'x'] }])(
    'never throws on hostile input %#',
    (input) => {
      const result = validateDataset(input, { now: NOW });
      expect(result.ok).toBe(false);
    },
  );

  it('caps the number of problems', () => {
    const dataset = validDataset();
    dataset.findings = Array.from({ length: 1000 }, (_, i) => ({ id: `Bad ${i}` }));
    const result = validateDataset(dataset, { now: NOW });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.length).toBe(MAX_PROBLEMS + 1);
  });
});

describe('catalog', () => {
  const result = validateDataset(validDataset(), { now: NOW });
  if (!result.ok) throw new Error('fixture invalid');
  const index = indexEntities(result.dataset.entities);
  it.each([
    ['acme', 'acme'],
    ['acme-labs', 'acme'],
    ['army', 'army'],
    ['ghost', undefined],
  ])('topVendorOf(%s) is %s', (id, top) => expect(topVendorOf(index, id)).toBe(top));
  it('gives a parent its subsidiaries’ findings, and a subsidiary only its own', () => {
    const byVendor = findingsByVendor(result.dataset);
    expect(byVendor.get('acme')?.map((f) => f.id)).toEqual(['acme-labs-policy-2025', 'acme-army-cloud-2024']);
    expect(byVendor.get('acme-labs')?.map((f) => f.id)).toEqual(['acme-labs-policy-2025']);
    expect(byVendor.get('other')).toBeUndefined();
  });
});

describe('the real dataset', () => {
  it('passes validation', async () => {
    const result = await loadDatasetFromDirectory();
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
    if (!result.ok) return;
    const byId = indexEntities(result.dataset.entities);
    // Ownership checked by hand (see CHANGELOG): these must not regress.
    expect(byId.get('activision-blizzard')?.parent).toBe('microsoft');
    expect(byId.get('splunk')?.parent).toBe('cisco');
    expect([...byId.values()].some((e) => e.domains.includes('vmware.com') && topVendorOf(byId, e.id) === 'dell')).toBe(false);
    expect([...byId.values()].flatMap((e) => e.aliases)).not.toContain('X');
    // JWCC is one shared ceiling: every JWCC finding says so.
    const jwcc = result.dataset.findings.filter((f) => f.id.startsWith('jwcc-'));
    expect(jwcc.length).toBeGreaterThan(0);
    for (const f of jwcc) expect(f.amount).toMatchObject({ value: 9_000_000_000, currency: 'USD', ceiling: true, shared: true });
  });

  it('keeps pending findings valid except for the missing dated, titled source', async () => {
    const root = DATASET_DIRECTORY;
    const catalog = JSON.parse(await readFile(join(root, 'entities.json'), 'utf8')) as { version: string; entities: unknown[] };
    const pending = (await readdir(join(root, 'pending'))).filter((name) => name.endsWith('.json'));
    const findings = (await Promise.all(pending.map(async (name) => JSON.parse(await readFile(join(root, 'pending', name), 'utf8')) as unknown[]))).flat();
    const result = validateDataset({ ...catalog, findings });
    const problems = result.ok ? [] : result.problems;
    expect(problems.filter((p) => !(p.field === 'sources' && /title and date/.test(p.message))).map(formatProblem)).toEqual([]);
  });

  it('reports unreadable files by name', async () => {
    const result = await loadDatasetFromDirectory('/nonexistent-dataset-dir');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.file)).toContain('entities.json');
  });
});
