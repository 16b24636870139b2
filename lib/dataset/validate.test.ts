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
    publishers: [
      { id: 'acme-newsroom', name: 'Acme Newsroom', domains: ['acme.com'], kind: 'company' },
      { id: 'daily', name: 'Daily', domains: ['daily.example.com'], kind: 'outlet' },
      { id: 'ministry', name: 'Ministry', domains: ['ministry.example.gov'], kind: 'government' },
      { id: 'mirror', name: 'Mirror', domains: ['mirror.example.net'], kind: 'copy', copyOf: 'daily' },
      { id: 'wire', name: 'Wire', domains: ['wire.example.com'], kind: 'news-agency' },
    ],
    entities: [
      { id: 'acme', name: 'Acme', type: 'vendor', country: 'US', parent: null, aliases: ['Acme', 'Gadget'], products: ['Cloudy'], domains: ['acme.com', 'cloud.acme.com'],
        ambiguous: [{ alias: 'Gadget', caseSensitive: true, notBefore: ['inspector'], note: 'a common noun' }] },
      { id: 'acme-labs', name: 'Acme Labs', type: 'vendor', country: 'US', parent: 'acme', aliases: ['Acme Labs'], products: [], domains: ['acmelabs.io'], ambiguous: [] },
      { id: 'other', name: 'Other', type: 'vendor', country: 'FR', parent: null, aliases: ['Other Corp'], products: [], domains: ['other.fr'], ambiguous: [] },
      { id: 'army', name: 'Army', type: 'military', country: 'US', parent: null, aliases: ['The Army'], products: [], domains: [], ambiguous: [], names: { fr: ['Armée'] } },
    ],
    findings: [
      { id: 'acme-army-cloud-2024', vendor: 'acme', customer: 'army', kind: 'cloud', title: { en: 'T', fr: 'T' }, summary: { en: 'S', fr: 'S' }, date: '2024-05-01',
        amount: { value: 1000, currency: 'USD', ceiling: true }, status: 'reported', reviewed: '2026-01-02',
        sources: [
          { publisher: 'daily', title: 'Headline', url: 'https://www.daily.example.com/a', date: '2024-05-01', lang: 'en', original: true, verified: 'read' },
          { publisher: 'mirror', title: 'Headline', url: 'https://mirror.example.net/a', date: '2024-05-02', lang: 'en', verified: 'read' },
        ] },
      { id: 'acme-labs-policy-2025', vendor: 'acme-labs', customer: null, kind: 'policy', title: { en: 'T', fr: 'T' }, summary: { en: 'S', fr: 'S' }, date: '2025',
        status: 'confirmed', reviewed: '2026-01-02',
        sources: [{ publisher: 'ministry', title: 'Other headline', url: 'https://ministry.example.gov/b', date: '2025-02', lang: 'fr', original: true, verified: 'read' }] },
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

  it('accepts a first source that is a later report of another outlet where no original was found', () => {
    const d = validDataset();
    delete source(d).original;
    expect(validateDataset(d, { now: NOW }).ok).toBe(true);
  });

  it('accepts the minimal dataset and derives amountUsd', () => {
    const result = validateDataset(validDataset(), { now: NOW });
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (!result.ok) return;
    // Display names come from the registry; a copy names the outlet it copies.
    expect(result.dataset.findings[1]?.sources.map((s) => [s.publisher, s.publisherId])).toEqual([['Daily', 'daily'], ['Mirror (Daily)', 'mirror']]);
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
    ['source url https', (d) => { source(d).url = 'http://www.daily.example.com/a'; }, 'sources[0].url', /must be https/],
    ['source url parseable', (d) => { source(d).url = 'https://'; }, 'sources[0].url', /not a valid URL/],
    ['source url not javascript', (d) => { source(d).url = 'javascript:alert(1)'; }, 'sources[0].url', /javascript/],
    ['source url no markup', (d) => { source(d).url = 'https://daily.example.com/<script>'; }, 'sources[0].url', /markup|angle brackets/],
    ['source url no quotes or spaces', (d) => { source(d).url = 'https://daily.example.com/a b"'; }, 'sources[0].url', /spaces, quotes/],
    ['source url names a domain', (d) => { source(d).url = 'https://127.0.0.1/a'; }, 'sources[0].url', /registrable domain/],
    ['source publisher required', (d) => { delete source(d).publisher; }, 'sources[0].publisher', /required/],
    ['source lang code', (d) => { source(d).lang = 'English'; }, 'sources[0].lang', /language code/],
    ['source verified required', (d) => { delete source(d).verified; }, 'sources[0].verified', /required/],
    ['source headline required', (d) => { delete source(d).title; }, 'sources[0].title', /required/],
    ['source date required', (d) => { delete source(d).date; }, 'sources[0].date', /required/],
    ['original listed first', (d) => { (finding(d).sources as unknown[]).push({ publisher: 'wire', title: 'T', date: '2024', url: 'https://wire.example.com/x', lang: 'en', verified: 'link only', original: true }); }, 'sources', /original report must be listed first/],

    ['first source is not a copy site', (d) => { finding(d).sources = [{ ...source(d, 1), original: true }]; }, 'sources[0].original', /copy cannot be the original/],
    ['first source is not a copy site, marked or not', (d) => { finding(d).sources = [{ ...source(d, 1), original: undefined }]; }, 'sources[0].publisher', /is a copy/],
    ['first source is not a syndicated copy', (d) => { source(d).copyOf = 'wire'; }, 'sources[0].publisher', /is a copy/],
    ['publisher is a registry id', (d) => { source(d).publisher = 'Daily'; }, 'sources[0].publisher', /not a publisher id/],
    ['url on a publisher domain', (d) => { source(d).url = 'https://elsewhere.example.org/a'; }, 'sources[0].url', /not on a domain of publisher daily/],
    ['url not on a look-alike domain', (d) => { source(d).url = 'https://notdaily.example.com/a'; }, 'sources[0].url', /not on a domain/],
    ['copyOf is a registry id', (d) => { source(d, 1).copyOf = 'ghost'; }, 'sources[1].copyOf', /not a publisher id/],
    ['confirms is vendor or customer', (d) => { source(d).confirms = 'press'; }, 'sources[0].confirms', /one of vendor, customer/],
    ['confirmed needs the vendor or customer', (d) => { finding(d).status = 'confirmed'; }, 'status', /confirmed needs a source from the vendor or the customer/],
    ['denied needs a response', (d) => { Object.assign(finding(d), { status: 'denied', title: { en: 'Daily reported that Acme sold clouds', fr: 'Selon Daily, Acme a vendu des nuages' } }); }, 'response', /required when the status is denied/],
    ['denied title attributes (en)', (d) => { Object.assign(finding(d), { status: 'denied', response: { en: 'No.', fr: 'Non.' }, title: { en: 'Acme sold clouds', fr: 'Selon Daily, Acme a vendu des nuages' } }); }, 'title.en', /must attribute the claim/],
    ['disputed title attributes (fr)', (d) => { Object.assign(finding(d), { status: 'disputed', response: { en: 'No.', fr: 'Non.' }, title: { en: 'Daily reported that Acme sold clouds', fr: 'Acme a vendu des nuages' } }); }, 'title.fr', /must attribute the claim/],
    ['reviewed required', (d) => { delete finding(d).reviewed; }, 'reviewed', /required/],
    ['reviewed is a day', (d) => { finding(d).reviewed = '2026-01'; }, 'reviewed', /YYYY-MM-DD/],
    ['registry is a list', (d) => { d.publishers = {} as never; }, 'publishers', /must be a list/],
    ['registry sorted by id', (d) => { (d.publishers as unknown[]).reverse(); }, 'id', /out of order/],
    ['registry ids unique', (d) => { (d.publishers as Record<string, unknown>[])[2]!.id = 'daily'; }, 'id', /another publisher/],
    ['registry kind known', (d) => { (d.publishers as Record<string, unknown>[])[1]!.kind = 'blog'; }, 'kind', /one of outlet, news-agency/],
    ['registry domain listed once', (d) => { (d.publishers as Record<string, unknown>[])[4]!.domains = ['daily.example.com']; }, 'domains[0]', /already listed for publisher daily/],
    ['registry copyOf only on a copy', (d) => { (d.publishers as Record<string, unknown>[])[1]!.copyOf = 'wire'; }, 'copyOf', /only for a publisher of kind copy/],
    ['registry copyOf resolves', (d) => { (d.publishers as Record<string, unknown>[])[3]!.copyOf = 'ghost'; }, 'copyOf', /not a publisher id/],
    ['source url listed once', (d) => { (finding(d).sources as unknown[]).push({ ...source(d) }); }, 'sources[2].url', /listed twice/],
    ['strings free of control characters', (d) => { finding(d).title = { en: 'a\u0007b', fr: 'T' }; }, 'title.en', /control characters/],
    ['strings free of markup', (d) => { finding(d).summary = { en: '<img src=x onerror=alert(1)>', fr: 'S' }; }, 'summary.en', /markup/],
    ['strings bounded', (d) => { finding(d).title = { en: 'x'.repeat(5000), fr: 'T' }; }, 'title.en', /at most/],
    ['terms a list', (d) => { finding(d).terms = 'Nimbus'; }, 'terms', /must be a list/],
    ['term not blank', (d) => { finding(d).terms = ['Nimbus', ' ']; }, 'terms[1]', /must not be empty/],
    ['term listed once', (d) => { finding(d).terms = ['Nimbus', 'Nimbus']; }, 'terms[1]', /listed twice/],
    ['term free of markup', (d) => { finding(d).terms = ['<b>'] ; }, 'terms[0]', /markup/],
    ['duplicate event', (d) => { d.findings.push({ ...finding(d), id: 'acme-army-cloud-2024-again' }); }, 'id', /duplicates acme-army-cloud-2024/],
  ];

  it.each(rules)('rejects: %s', (_name, mutate, field, message) => {
    const dataset = validDataset();
    mutate(dataset);
    const problems = problemsOf(dataset);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.some((p) => p.field === field && message.test(p.message)), JSON.stringify(problems)).toBe(true);
  });

  it('counts a company source as confirmation only on the vendor family’s domains', () => {
    const onVendorSite = validDataset();
    Object.assign(finding(onVendorSite), { status: 'confirmed' });
    (finding(onVendorSite).sources as unknown[]).push({ publisher: 'acme-newsroom', title: 'We won', url: 'https://acme.com/news', date: '2024-05-01', lang: 'en', verified: 'read' });
    expect(problemsOf(onVendorSite)).toEqual([]);
    const marked = validDataset();
    Object.assign(finding(marked), { status: 'confirmed' });
    source(marked).confirms = 'customer';
    expect(problemsOf(marked)).toEqual([]);
  });

  it('re-validates its own normalised output (an exported dataset re-imports)', () => {
    const first = validateDataset(validDataset(), { now: NOW });
    if (!first.ok) throw new Error('fixture invalid');
    expect(validateDataset(JSON.parse(JSON.stringify(first.dataset)), { now: NOW })).toEqual(first);
  });

  it('keeps extra story terms, trimmed', () => {
    const dataset = validDataset();
    finding(dataset).terms = [' population registry ', 'registre de population'];
    const result = validateDataset(dataset, { now: NOW });
    expect(result.ok && result.dataset.findings.find((f) => f.id === 'acme-army-cloud-2024')?.terms).toEqual(['population registry', 'registre de population']);
  });

  it('names the file and finding id in each problem', () => {
    const dataset = validDataset();
    source(dataset).url = 'http://www.daily.example.com/a';
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

  it('keeps pending findings valid except for what keeps them pending (a source without headline or date, no original first)', async () => {
    const root = DATASET_DIRECTORY;
    const catalog = JSON.parse(await readFile(join(root, 'entities.json'), 'utf8')) as { version: string; entities: unknown[] };
    const { publishers } = JSON.parse(await readFile(join(root, 'publishers.json'), 'utf8')) as { publishers: unknown[] };
    const pending = (await readdir(join(root, 'pending'))).filter((name) => name.endsWith('.json'));
    const findings = (await Promise.all(pending.map(async (name) => JSON.parse(await readFile(join(root, 'pending', name), 'utf8')) as unknown[]))).flat();
    const result = validateDataset({ ...catalog, publishers, findings });
    const problems = result.ok ? [] : result.problems;
    const whyPending = (p: DatasetProblem) =>
      (/^sources\[\d+\]\.(?:title|date)$/.test(p.field) && p.message === 'is required') ||
      (p.field === 'sources[0].original' && /original/.test(p.message)) ||
      (p.field === 'sources[0].publisher' && /is a copy/.test(p.message)) ||
      (p.field === 'status' && /confirmed needs/.test(p.message));
    expect(problems.filter((p) => !whyPending(p)).map(formatProblem)).toEqual([]);
  });

  it('reports unreadable files by name', async () => {
    const result = await loadDatasetFromDirectory('/nonexistent-dataset-dir');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.file)).toContain('entities.json');
  });
});
