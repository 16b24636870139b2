// data-check and data-export against the real dataset and a broken copy; the dispatcher's exit codes.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { run as runCheck } from './data-check';
import { run as runExport } from './data-export';
import { DATASET_DIRECTORY } from '../dataset/load-node';

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t) } };
}

const temporary: string[] = [];
afterAll(async () => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));

async function brokenCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dual-use-dataset-'));
  temporary.push(dir);
  await cp(DATASET_DIRECTORY, dir, { recursive: true });
  const file = join(dir, 'findings', 'microsoft.json');
  const findings = JSON.parse(await readFile(file, 'utf8')) as { id: string; sources: { url: string }[] }[];
  findings[0]!.sources[0]!.url = findings[0]!.sources[0]!.url.replace('https:', 'http:');
  await writeFile(file, JSON.stringify(findings));
  return dir;
}

describe('data-check', () => {
  it('prints a one-line summary and exits 0 on the real dataset', async () => {
    const { out, io } = capture();
    expect(await runCheck([], io)).toBe(0);
    expect(out.stdout).toMatch(/^\d+ findings, \d+ vendors \(\+\d+ subsidiaries\), \d+ militaries, \d+ sources \(dataset \d+\.\d+\.\d+\)\n$/);
    expect(out.stderr).toBe('');
  });

  it('prints every problem as file: id: field: message and exits 1', async () => {
    const { out, io } = capture();
    expect(await runCheck([], io, await brokenCopy())).toBe(1);
    expect(out.stderr).toMatch(/^findings\/microsoft\.json: [a-z0-9-]+: sources\[0\]\.url: must be https$/m);
  });

  it('exits 2 on unexpected arguments', async () => {
    expect(await runCheck(['--nope'], capture().io)).toBe(2);
  });
});

describe('data-export', () => {
  it('prints { version, entities, topics, findings } as JSON', async () => {
    const { out, io } = capture();
    expect(await runExport([], io)).toBe(0);
    const exported = JSON.parse(out.stdout) as Record<string, unknown>;
    expect(Object.keys(exported)).toEqual(['version', 'entities', 'topics', 'findings']);
    expect((exported.findings as unknown[]).length).toBeGreaterThan(0);
  });
});

describe('main dispatcher', () => {
  const main = fileURLToPath(new URL('./main.ts', import.meta.url));
  const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
  const exec = (args: string[]) =>
    promisify(execFile)(tsx, [main, ...args]).then(
      () => 0,
      (error: { code?: number }) => error.code ?? -1,
    );
  it.each([
    [[], 2],
    [['no-such-command'], 2],
    [['data-check'], 0],
  ])('main.ts %j exits %i', async (args, status) => {
    expect(await exec(args)).toBe(status);
  }, 20_000);
});
