// Build time (Node): the dataset directory (entities.json, publishers.json and findings/*.json, as
// humans edit it) as the one JSON file the extension ships, `dataset.json` ({ version, publishers,
// entities, topics, findings }, not yet
// validated: lib/dataset/bundled.ts validates it on first use). wxt.config.ts writes it into each build.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const DATASET_DIRECTORY = resolve(import.meta.dirname, '../../assets/dataset');

export function readDatasetBundle(directory: string = DATASET_DIRECTORY): string {
  const root = JSON.parse(readFileSync(join(directory, 'entities.json'), 'utf8')) as { version?: unknown; entities?: unknown; topics?: unknown };
  const registry = JSON.parse(readFileSync(join(directory, 'publishers.json'), 'utf8')) as { publishers?: unknown };
  const findings = readdirSync(join(directory, 'findings'))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => JSON.parse(readFileSync(join(directory, 'findings', name), 'utf8')) as unknown[]);
  return JSON.stringify({ version: root.version, publishers: registry.publishers, entities: root.entities, topics: root.topics, findings });
}
