// `data-export`: prints the whole validated, normalised dataset as one JSON object
// { version, entities, topics, findings } (DESIGN.md contract, with the name rules' topics); an invalid dataset prints problems and exits 1.
import { loadDatasetFromDirectory } from '../dataset/load-node';
import { formatProblem } from '../dataset/validate';
import type { CliIo } from './data-check';

const processIo: CliIo = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) };

export async function run(args: string[], io: CliIo = processIo, directory?: string): Promise<number> {
  if (args.length > 0) {
    io.stderr('usage: data-export (takes no arguments)\n');
    return 2;
  }
  const result = await loadDatasetFromDirectory(directory);
  if (!result.ok) {
    for (const problem of result.problems) io.stderr(`${formatProblem(problem)}\n`);
    return 1;
  }
  const { version, entities, topics, findings } = result.dataset;
  io.stdout(`${JSON.stringify({ version, entities, topics, findings }, null, 2)}\n`);
  return 0;
}
