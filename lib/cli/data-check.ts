// `data-check`: validates assets/dataset and prints a one-line summary (exit 0) or every problem,
// one per line as "file: id: field: message" (exit 1), including catalog names that are also words,
// people's names or other companies' names and lack a rule (lib/dataset/name-lint.ts). The build runs it first.
import { loadDatasetFromDirectory } from '../dataset/load-node';
import { lintNames } from '../dataset/name-lint';
import { formatProblem } from '../dataset/validate';
import { loadNameLexicon } from './name-lexicon';
import type { Dataset } from '../dataset/types';

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
  const result = await loadDatasetFromDirectory(directory);
  const problems = result.ok ? lintNames(result.dataset.entities, await loadNameLexicon()) : result.problems;
  if (!result.ok || problems.length > 0) {
    for (const problem of problems) io.stderr(`${formatProblem(problem)}\n`);
    io.stderr(`data-check: ${problems.length} problem(s) in the dataset\n`);
    return 1;
  }
  io.stdout(`${summariseDataset(result.dataset)}\n`);
  return 0;
}
