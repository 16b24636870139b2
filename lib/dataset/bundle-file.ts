// Build time (Node): the dataset directory (entities.json and findings/*.json, as humans edit it)
// as the one JSON file the extension ships, `dataset.json` ({ version, entities, findings }, not yet
// validated: lib/dataset/bundled.ts validates it on first use). wxt.config.ts writes it into each build.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const DATASET_DIRECTORY = resolve(import.meta.dirname, '../../assets/dataset');

export function readDatasetBundle(directory: string = DATASET_DIRECTORY): string {
  const root = JSON.parse(readFileSync(join(directory, 'entities.json'), 'utf8')) as { version?: unknown; entities?: unknown };
  const findings = readdirSync(join(directory, 'findings'))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => JSON.parse(readFileSync(join(directory, 'findings', name), 'utf8')) as unknown[]);
  return JSON.stringify({ version: root.version, entities: root.entities, findings });
}
