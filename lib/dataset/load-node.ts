// Reads assets/dataset from disk for Node (the command line and tests) and validates it, so every
// problem names its file: entities.json or findings/<vendor>.json. Never throws on bad content.
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { validateDataset, type DatasetProblem, type DatasetValidation } from './validate';

/** The repository's dataset folder (assets/dataset). */
export const DATASET_DIRECTORY = fileURLToPath(new URL('../../assets/dataset/', import.meta.url));

async function readJson(path: string, file: string, problems: DatasetProblem[]): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (error) {
    problems.push({ file, field: '', message: error instanceof SyntaxError ? `is not valid JSON: ${error.message}` : `cannot be read: ${String(error)}` });
    return undefined;
  }
}

/** Loads entities.json ({ version, entities, topics }) and every findings/*.json (an array each), then validates. */
export async function loadDatasetFromDirectory(directory: string = DATASET_DIRECTORY, now?: Date): Promise<DatasetValidation> {
  const problems: DatasetProblem[] = [];
  const root = directory.endsWith('/') ? directory : `${directory}/`;
  const catalog = await readJson(`${root}entities.json`, 'entities.json', problems);
  let names: string[] = [];
  try {
    names = (await readdir(`${root}findings`)).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    problems.push({ file: 'findings/', field: '', message: `cannot be read: ${String(error)}` });
  }
  const findings: unknown[] = [];
  const findingFiles: string[] = [];
  for (const name of names) {
    const file = `findings/${name}`;
    const content = await readJson(`${root}${file}`, file, problems);
    if (content === undefined) continue;
    if (!Array.isArray(content)) {
      problems.push({ file, field: '', message: 'must be a list of findings' });
      continue;
    }
    for (const finding of content) {
      findings.push(finding);
      findingFiles.push(file);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const isObject = typeof catalog === 'object' && catalog !== null && !Array.isArray(catalog);
  const { version, entities, topics } = isObject
    ? (catalog as { version?: unknown; entities?: unknown; topics?: unknown })
    : { version: undefined, entities: undefined, topics: undefined };
  const options = now ? { entitiesFile: 'entities.json', findingFiles, now } : { entitiesFile: 'entities.json', findingFiles };
  return validateDataset({ version, entities, topics, findings }, options);
}
