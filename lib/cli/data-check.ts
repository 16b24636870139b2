// `data-check`: validates assets/dataset (the semantic rules of lib/dataset/validate.ts, and the files'
// structure against schema.json) and prints a one-line summary (exit 0) or every problem, one per line
// as "file: id: field: message" (exit 1), including catalog names that are also words, people's names
// or other companies' names and lack a rule (lib/dataset/name-lint.ts). The build runs it first.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DATASET_DIRECTORY, readDatasetFiles, validateDatasetFiles } from '../dataset/load-node';
import { lintNames } from '../dataset/name-lint';
import { formatProblem, type DatasetProblem, type DatasetValidation } from '../dataset/validate';
import { loadNameLexicon } from './name-lexicon';
import type { Dataset } from '../dataset/types';
import { checkAgainstSchema } from './schema-check';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: CliIo = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) };

/** "57 findings, 23 vendors, 14 militaries, 150 sources (dataset 1.0.0)": vendors are top-level companies. */
export function summariseDataset(dataset: Dataset): string {
  const vendors = dataset.entities.filter((entity) => entity.type === 'vendor' && entity.parent === null).length;
  const subsidiaries = dataset.entities.filter((entity) => entity.type === 'vendor' && entity.parent !== null).length;
  const militaries = dataset.entities.filter((entity) => entity.type === 'military').length;
  const sources = dataset.findings.reduce((total, finding) => total + finding.sources.length, 0);
  return `${dataset.findings.length} findings, ${vendors} vendors (+${subsidiaries} subsidiaries), ${militaries} militaries, ${sources} sources (dataset ${dataset.version})`;
}

export async function run(args: string[], io: CliIo = processIo, directory?: string): Promise<number> {
  if (args.length > 0) {
    io.stderr('usage: data-check (takes no arguments)\n');
    return 2;
  }
  const result = await checkDirectory(directory);
  if (!result.ok) {
    for (const problem of result.problems) io.stderr(`${formatProblem(problem)}\n`);
    io.stderr(`data-check: ${result.problems.length} problem(s) in the dataset\n`);
    return 1;
  }
  io.stdout(`${summariseDataset(result.dataset)}\n`);
  return 0;
}

/** Semantic problems first; then the schema's, except where the same field was already named. */
export async function checkDirectory(directory: string = DATASET_DIRECTORY): Promise<DatasetValidation> {
  const { files, problems } = await readDatasetFiles(directory);
  let schema: object | undefined;
  try {
    schema = JSON.parse(await readFile(join(directory, 'schema.json'), 'utf8')) as object;
  } catch (error) {
    problems.push({ file: 'schema.json', field: '', message: `cannot be read: ${String(error)}` });
  }
  if (problems.length > 0 || schema === undefined) return { ok: false, problems };
  const semantic = validateDatasetFiles(files);
  const named = new Set((semantic.ok ? [] : semantic.problems).map((p) => `${p.file}\u0001${p.id}\u0001${p.field}`));
  const structural = checkAgainstSchema(schema, files).filter((p) => !named.has(`${p.file}\u0001${p.id}\u0001${p.field}`));
  const names = semantic.ok ? lintNames(semantic.dataset.entities, await loadNameLexicon()) : [];
  if (structural.length === 0 && names.length === 0) return semantic;
  const all: DatasetProblem[] = [...(semantic.ok ? [] : semantic.problems), ...structural, ...names];
  return { ok: false, problems: all };
}
