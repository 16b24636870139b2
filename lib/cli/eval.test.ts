import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { testCatalog } from '../matcher/test-catalog';
import { run } from './eval';

let directory = '';
let datasetDirectory: URL;

const CORPUS = [
  '# test corpus',
  '# vendors: amazon microsoft',
  'lang\tkind\texpect\talias\turl\ttext',
  'en\ttrue\tamazon\tAmazon\thttps://example.org/1\tAmazon said so',
  'en\tlookalike\t-\tAmazon\thttps://example.org/2\tthe Amazon rainforest',
  'fr\ttrue\tmicrosoft\tAzure\thttps://example.org/3\tAzure a été retenu',
  '',
].join('\n');

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'eval-test-'));
  mkdirSync(join(directory, 'dataset', 'findings'), { recursive: true });
  writeFileSync(join(directory, 'dataset', 'entities.json'), JSON.stringify({ version: '1.0.0', entities: testCatalog }));
  datasetDirectory = pathToFileURL(join(directory, 'dataset') + '/');
  writeFileSync(join(directory, 'corpus.tsv'), CORPUS);
  writeFileSync(join(directory, 'bad.tsv'), CORPUS.replace('fr\ttrue', 'de\ttrue'));
});

async function evaluate(args: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const status = await run(args, { stdout: (text) => (out += text), stderr: (text) => (err += text), datasetDirectory });
  return { status, out, err };
}

describe('eval', () => {
  it('prints precision and recall overall, per language and per company, and the errors on request', async () => {
    const { status, out, err } = await evaluate(['--errors', join(directory, 'corpus.tsv')]);
    expect(err).toBe('');
    expect(status).toBe(0);
    expect(out).toContain('overall      precision 100.0%  recall  50.0%  (tp 1, fp 0, fn 1; 3 lines)');
    expect(out).toContain('fr           precision 100.0%  recall   0.0%');
    expect(out).toMatch(/microsoft +tp +0 +fp +0 +fn +1\n +amazon +tp +1/u);
    expect(out).toContain('line 6 [fr true Azure] expected microsoft, predicted -: Azure a été retenu');
  });

  it('prints the whole score as JSON', async () => {
    const { status, out } = await evaluate(['--json', join(directory, 'corpus.tsv')]);
    expect(status).toBe(0);
    const score = JSON.parse(out) as { overall: { tp: number; fn: number }; errors: { line: number }[] };
    expect(score.overall).toMatchObject({ tp: 1, fn: 1 });
    expect(score.errors.map((error) => error.line)).toEqual([6]);
  });

  it('names the malformed line, and refuses unknown options', async () => {
    const bad = await evaluate([join(directory, 'bad.tsv')]);
    expect(bad.status).toBe(2);
    expect(bad.err).toContain('bad.tsv: line 6: lang must be en or fr');
    const usage = await evaluate(['--fast']);
    expect(usage.status).toBe(2);
    expect(usage.err).toContain('usage: eval');
  });
});
