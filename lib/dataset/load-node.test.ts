// The Node loader (data:check, the CLI) names the file, the record id and the field of every problem,
// hostile strings included.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Entity, Finding } from './types';
import { loadDatasetFromDirectory } from './load-node';
import { formatProblem } from './validate';

const NOW = new Date('2026-06-01T00:00:00Z');
const vendor: Entity = {
  id: 'microsoft', name: 'Microsoft', type: 'vendor', country: 'US', parent: null,
  aliases: ['Microsoft'], products: ['Azure'], domains: ['microsoft.com'], ambiguous: [],
};
const finding: Finding = {
  id: 'microsoft-x', vendor: 'microsoft', customer: null, kind: 'policy',
  title: { en: 'x\u202E', fr: 'x' }, summary: { en: 'S', fr: 'S' }, date: '2024-05', status: 'reported',
  reviewed: '2026-05-01',
  sources: [{ publisher: 'associated-press', publisherId: 'associated-press', title: 'Headline', date: '2024-05-02', url: 'http://apnews.com/x', lang: 'en', original: true, verified: 'read' }],
};

describe('loadDatasetFromDirectory', () => {
  it('names the file too when the dataset comes from assets/dataset (data:check)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dual-use-hostile-'));
    try {
      await mkdir(join(dir, 'findings'));
      await writeFile(join(dir, 'entities.json'), JSON.stringify({ version: '1.0.0', entities: [vendor] }));
      await writeFile(join(dir, 'publishers.json'), JSON.stringify({ publishers: [{ id: 'associated-press', name: 'Associated Press', domains: ['apnews.com'], kind: 'news-agency' }] }));
      await writeFile(join(dir, 'findings/microsoft.json'), JSON.stringify([finding]));
      const result = await loadDatasetFromDirectory(dir, NOW);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problems.map(formatProblem)).toEqual([
        'findings/microsoft.json: microsoft-x: title.en: must not contain control characters',
        'findings/microsoft.json: microsoft-x: sources[0].url: must be https',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
