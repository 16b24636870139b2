// `data-export`: prints the whole validated, normalised dataset as one JSON object
// { version, entities, findings, publishers, topics } (DESIGN.md contract, plus the publisher registry and the name rules' topics), or with
// `--csv` one row per finding (lib/dataset/csv.ts); an invalid dataset prints problems and exits 1.
import { loadDatasetFromDirectory } from '../dataset/load-node';
import { formatProblem } from '../dataset/validate';
import { datasetToCsv } from '../dataset/csv';
import { serializeDataset } from '../import-export';
import type { CliIo } from './data-check';

const processIo: CliIo = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) };

export async function run(args: string[], io: CliIo = processIo, directory?: string): Promise<number> {
  const csv = args.length === 1 && args[0] === '--csv';
  if (args.length > 0 && !csv) {
    io.stderr('usage: data-export [--csv]\n');
    return 2;
  }
  const result = await loadDatasetFromDirectory(directory);
  if (!result.ok) {
    for (const problem of result.problems) io.stderr(`${formatProblem(problem)}\n`);
    return 1;
  }
  io.stdout(csv ? datasetToCsv(result.dataset) : serializeDataset(result.dataset));
  return 0;
}
