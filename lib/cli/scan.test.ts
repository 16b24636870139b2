import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../dataset/types';
import { testCatalog } from '../matcher/test-catalog';
import { run } from './scan';

let directory = '';
let datasetDirectory: URL;

function finding(id: string, vendor: string): Finding {
  return {
    id, vendor, customer: null, kind: 'policy', title: { en: id, fr: id }, summary: { en: id, fr: id }, date: '2024',
    status: 'reported', reviewed: '2026-01-01',
    sources: [{ publisher: 'P', publisherId: 'p', title: `Report ${id}`, url: `https://example.org/${id}`, date: '2024-01-02', lang: 'en', original: true, verified: 'read' }],
  };
}

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'scan-test-'));
  mkdirSync(join(directory, 'dataset', 'findings'), { recursive: true });
  writeFileSync(join(directory, 'dataset', 'entities.json'), JSON.stringify({ version: '1.0.0', entities: testCatalog }));
  writeFileSync(join(directory, 'dataset', 'publishers.json'), JSON.stringify({ publishers: [{ id: 'p', name: 'P', domains: ['example.org'], kind: 'outlet' }] }));
  writeFileSync(join(directory, 'dataset', 'findings', 'microsoft.json'), JSON.stringify([finding('ms-1', 'microsoft'), finding('gh-1', 'github')]));
  writeFileSync(join(directory, 'dataset', 'findings', 'amazon.json'), JSON.stringify([finding('aws-1', 'aws')]));
  datasetDirectory = pathToFileURL(join(directory, 'dataset') + '/');
  writeFileSync(join(directory, 'a.txt'), 'GitHub runs on Azure.\n');
  writeFileSync(join(directory, 'lines.txt'), 'Amazon said so\nthe Amazon rainforest\nAzure\n');
  writeFileSync(
    join(directory, 'page.html'),
    '<html><head><title>Amazon</title></head><body><script>Oracle</script><p>Hello <b>Microsoft</b></p><input value="Google"></body></html>',
  );
});

async function scan(args: string[], stdin = ''): Promise<{ status: number; out: string; err: string; json: unknown[] }> {
  let out = '';
  let err = '';
  const status = await run(args, {
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    readStdin: () => Promise.resolve(stdin),
    datasetDirectory,
  });
  const json = out.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as unknown);
  return { status, out, err, json };
}

describe('scan', () => {
  it('prints one object per file with vendors, mentions and findings', async () => {
    const result = await scan([join(directory, 'a.txt')]);
    expect(result.status).toBe(0);
    expect(result.json).toEqual([
      {
        file: join(directory, 'a.txt'),
        url: null,
        vendors: ['microsoft'],
        mentions: [
          { vendor: 'microsoft', entity: 'github', alias: 'GitHub', start: 0, end: 6 },
          { vendor: 'microsoft', entity: 'microsoft', alias: 'Azure', start: 15, end: 20 },
        ],
        findings: ['gh-1', 'ms-1'],
        reports: [],
      },
    ]);
  });

  it('--url adds the domain vendor, which also corroborates', async () => {
    const result = await scan(['--url', 'https://aws.amazon.com/x', '-'], 'Azure and Gotham');
    expect(result.json).toEqual([{ file: '-', url: 'https://aws.amazon.com/x', vendors: ['amazon'], mentions: [], findings: ['aws-1'], reports: [] }]);
    const corroborated = await scan(['--url=https://azure.microsoft.com/', '-'], 'Azure pricing');
    expect((corroborated.json[0] as { mentions: unknown[] }).mentions).toHaveLength(1);
  });

  it('--url at a source address (any variant) lists the findings citing it as cited', async () => {
    const result = await scan(['--url', 'http://www.example.org/ms-1/?utm_source=feed#top', '-'], 'Nothing here.');
    expect((result.json[0] as { reports: unknown[] }).reports).toEqual([{ finding: 'ms-1', why: 'cited', terms: [] }]);
  });

  it('--lines treats each line as a document', async () => {
    const result = await scan(['--lines', join(directory, 'lines.txt')]);
    const rows = result.json as { file: string; vendors: string[] }[];
    expect(rows.map((row) => [row.file.slice(directory.length + 1), row.vendors])).toEqual([
      ['lines.txt:1', ['amazon']],
      ['lines.txt:2', []],
      ['lines.txt:3', []],
    ]);
  });

  it('reads HTML as the visible text, offsets into that text', async () => {
    const result = await scan([join(directory, 'page.html')]);
    const [row] = result.json as { vendors: string[]; mentions: { start: number; end: number }[] }[];
    expect(row?.vendors).toEqual(['microsoft']);
    expect(row?.mentions[0]).toMatchObject({ start: 6, end: 15 });
  });

  it.each([
    { name: 'no file', args: [] },
    { name: 'unknown option', args: ['--nope', 'x'] },
    { name: '--url without value', args: ['--url'] },
    { name: '--url not a URL', args: ['--url', 'not a url', '-'] },
    { name: 'unreadable file', args: ['/nonexistent/file.txt'] },
  ])('exit 2 with one line: $name', async ({ args }) => {
    const result = await scan(args);
    expect(result.status).toBe(2);
    expect(result.out).toBe('');
    expect(result.err.trimEnd().split('\n')).toHaveLength(1);
  });

  it('refuses a dataset the build would refuse: exit 2, one line naming the problem', async () => {
    const broken = join(directory, 'broken');
    mkdirSync(join(broken, 'findings'), { recursive: true });
    writeFileSync(join(broken, 'entities.json'), JSON.stringify({ version: '1.0.0', entities: testCatalog }));
    writeFileSync(join(broken, 'publishers.json'), JSON.stringify({ publishers: [{ id: 'p', name: 'P', domains: ['example.org'], kind: 'outlet' }] }));
    writeFileSync(join(broken, 'findings', 'microsoft.json'), JSON.stringify([{ ...finding('ms-1', 'microsoft'), status: 'rumoured' }]));
    let err = '';
    const status = await run([join(directory, 'a.txt')], {
      stdout: () => undefined,
      stderr: (text) => (err += text),
      readStdin: () => Promise.resolve(''),
      datasetDirectory: pathToFileURL(`${broken}/`),
    });
    expect(status).toBe(2);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err).toMatch(/findings\/microsoft\.json.*ms-1.*status/u);
  });
});
