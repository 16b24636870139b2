// Reads assets/dataset from disk for Node (the command line and tests) and validates it, so every
// problem names its file: entities.json, publishers.json or findings/<vendor>.json. Never throws on bad content.
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

/** The files of a dataset folder as parsed JSON, each finding with the file it came from. */
export interface DatasetFiles {
  catalog: unknown;
  publishers: unknown;
  findingFiles: { file: string; findings: unknown[] }[];
}

/** Reads entities.json, publishers.json and every findings/*.json (sorted by name); problems name the file. */
export async function readDatasetFiles(directory: string = DATASET_DIRECTORY): Promise<{ files: DatasetFiles; problems: DatasetProblem[] }> {
  const problems: DatasetProblem[] = [];
  const root = directory.endsWith('/') ? directory : `${directory}/`;
  const catalog = await readJson(`${root}entities.json`, 'entities.json', problems);
  const publishers = await readJson(`${root}publishers.json`, 'publishers.json', problems);
  let names: string[] = [];
  try {
    names = (await readdir(`${root}findings`)).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    problems.push({ file: 'findings/', field: '', message: `cannot be read: ${String(error)}` });
  }
  const findingFiles: DatasetFiles['findingFiles'] = [];
  for (const name of names) {
    const file = `findings/${name}`;
    const content = await readJson(`${root}${file}`, file, problems);
    if (content === undefined) continue;
    if (!Array.isArray(content)) {
      problems.push({ file, field: '', message: 'must be a list of findings' });
      continue;
    }
    findingFiles.push({ file, findings: content as unknown[] });
  }
  return { files: { catalog, publishers, findingFiles }, problems };
}

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;

/** Validates the files read by readDatasetFiles as one dataset. */
export function validateDatasetFiles(files: DatasetFiles, now?: Date): DatasetValidation {
  const findings = files.findingFiles.flatMap((entry) => entry.findings);
  const findingFiles = files.findingFiles.flatMap((entry) => entry.findings.map(() => entry.file));
  const options = { entitiesFile: 'entities.json', publishersFile: 'publishers.json', findingFiles, ...(now ? { now } : {}) };
  const input = {
    version: field(files.catalog, 'version'),
    publishers: field(files.publishers, 'publishers'),
    entities: field(files.catalog, 'entities'),
    topics: field(files.catalog, 'topics'),
    findings,
  };
  return validateDataset(input, options);
}

/** Loads entities.json ({ version, entities, topics }), publishers.json ({ publishers }) and every findings/*.json, then validates. */
export async function loadDatasetFromDirectory(directory: string = DATASET_DIRECTORY, now?: Date): Promise<DatasetValidation> {
  const { files, problems } = await readDatasetFiles(directory);
  if (problems.length > 0) return { ok: false, problems };
  return validateDatasetFiles(files, now);
}
