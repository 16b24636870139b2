// The JSON Schema: the committed file is what schema.ts builds; it accepts the real dataset files and
// rejects broken samples, naming file, id and field; data:check reports what only the schema catches.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATASET_DIRECTORY, readDatasetFiles, type DatasetFiles } from '../dataset/load-node';
import { serializeSchema } from '../dataset/schema';
import { formatProblem } from '../dataset/validate';
import { checkAgainstSchema } from './schema-check';
import { run as runCheck } from './data-check';

const schemaText = await readFile(join(DATASET_DIRECTORY, 'schema.json'), 'utf8');
const schema = JSON.parse(schemaText) as object;

const source = { publisher: 'daily', title: 'Headline', url: 'https://daily.example.com/a', date: '2024-05-01', lang: 'en', original: true, verified: 'read' };
const finding = {
  id: 'acme-army-cloud-2024', vendor: 'acme', customer: 'army', kind: 'cloud', title: { en: 'T', fr: 'T' }, summary: { en: 'S', fr: 'S' },
  date: '2024-05-01', status: 'reported', sources: [source], reviewed: '2026-01-02',
};
const sample = (findings: unknown[], extra: Partial<DatasetFiles> = {}): DatasetFiles => ({
  catalog: { version: '1.0.0', entities: [{ id: 'acme', name: 'Acme', type: 'vendor', country: 'US', parent: null, aliases: ['Acme'], products: [], domains: ['acme.com'], ambiguous: [] }] },
  publishers: { publishers: [{ id: 'daily', name: 'Daily', domains: ['daily.example.com'], kind: 'outlet' }] },
  findingFiles: [{ file: 'findings/acme.json', findings }],
  ...extra,
});
const problems = (files: DatasetFiles) => checkAgainstSchema(schema, files).map(formatProblem);

describe('schema.json', () => {
  it('is what lib/dataset/schema.ts builds (npm run --silent data:schema > assets/dataset/schema.json)', () => {
    expect(schemaText).toBe(serializeSchema());
  });

  it('accepts the real dataset files', async () => {
    const { files, problems: unreadable } = await readDatasetFiles();
    expect(unreadable).toEqual([]);
    expect(checkAgainstSchema(schema, files).map(formatProblem)).toEqual([]);
  });

  it('accepts a minimal valid sample', () => expect(problems(sample([finding]))).toEqual([]));

  it.each<[string, DatasetFiles, string]>([
    ['a finding without reviewed', sample([{ ...finding, reviewed: undefined }]), 'findings/acme.json: acme-army-cloud-2024: reviewed: schema: is required'],
    ['an unknown finding field', sample([{ ...finding, sourcez: [] }]), 'findings/acme.json: acme-army-cloud-2024: sourcez: schema: is not a known field'],
    ['a source without headline', sample([{ ...finding, sources: [{ ...source, title: undefined }] }]), 'findings/acme.json: acme-army-cloud-2024: sources[0].title: schema: is required'],
    ['a publisher name instead of an id', sample([{ ...finding, sources: [{ ...source, publisher: 'The Daily' }] }]), 'findings/acme.json: acme-army-cloud-2024: sources[0].publisher: schema: must match pattern "^[a-z0-9]+(?:-[a-z0-9]+)*$"'],
    ['an http source', sample([{ ...finding, sources: [{ ...source, url: 'http://daily.example.com/a' }] }]), 'findings/acme.json: acme-army-cloud-2024: sources[0].url: schema: must match pattern "^https://[^\\s<>"\'`]+$"'],
    ['a denied finding without response', sample([{ ...finding, status: 'denied' }]), 'findings/acme.json: acme-army-cloud-2024: response: schema: is required'],
    ['markup in a summary', sample([{ ...finding, summary: { en: '<b>x</b>', fr: 'S' } }]), 'findings/acme.json: acme-army-cloud-2024: summary.en: schema: must match pattern'],
    ['a publisher of an unknown kind', sample([finding], { publishers: { publishers: [{ id: 'daily', name: 'Daily', domains: ['daily.example.com'], kind: 'blog' }] } }), 'publishers.json: daily: kind: schema: must be one of outlet, news-agency'],
    ['an entity with a bad country', sample([finding], { catalog: { version: '1.0.0', entities: [{ id: 'acme', name: 'Acme', type: 'vendor', country: 'usa', parent: null, aliases: ['Acme'], products: [], domains: [], ambiguous: [] }] } }), 'entities.json: acme: country: schema: must match pattern'],
    ['a findings file that is not a list', { ...sample([]), findingFiles: [{ file: 'findings/acme.json', findings: { id: 'x' } as unknown as unknown[] }] }, 'findings/acme.json: schema: must be array'],
  ])('rejects %s', (_name, files, expected) => {
    const found = problems(JSON.parse(JSON.stringify(files)) as DatasetFiles);
    expect(found.some((line) => line.startsWith(expected)), found.join('\n')).toBe(true);
  });
});

describe('data:check with the schema', () => {
  const temporary: string[] = [];
  afterAll(async () => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));
  it('reports a field only the schema knows is wrong', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dual-use-schema-'));
    temporary.push(dir);
    await cp(DATASET_DIRECTORY, dir, { recursive: true });
    const file = join(dir, 'findings', 'microsoft.json');
    const findings = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>[];
    findings[0]!.sumary = { en: 'typo', fr: 'typo' };
    await writeFile(file, JSON.stringify(findings));
    let stderr = '';
    const status = await runCheck([], { stdout: () => undefined, stderr: (text) => void (stderr += text) }, dir);
    expect(status).toBe(1);
    expect(stderr).toMatch(new RegExp(`^findings/microsoft\\.json: ${String(findings[0]!.id)}: sumary: schema: is not a known field$`, 'm'));
  });
});
