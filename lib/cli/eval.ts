// `eval`: precision and recall of the matcher on a labelled real-text corpus (lib/eval), each line
// scanned as `scan --lines` would; prints overall, per language, per kind, per company, and errors.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CorpusFormatError, parseCorpus, type Corpus } from '../eval/corpus';
import { scanPredictor } from '../eval/scan-predictor';
import { scoreCorpus, type Figures, type Score } from '../eval/score';
import { loadCheckedDataset, type CommandIo } from './scan';

/** The repository's corpus, scored when no file is given. */
export const DEFAULT_CORPUS = fileURLToPath(new URL('../../tests/fixtures/real-text/corpus.tsv', import.meta.url));

const USAGE = 'usage: eval [--errors] [--json] [CORPUS.tsv] (--json always lists the errors)';

const processIo: Omit<CommandIo, 'readStdin'> = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

interface EvalOptions {
  errors: boolean;
  json: boolean;
  file: string;
}

function parseArguments(args: string[]): EvalOptions | string {
  const options: EvalOptions = { errors: false, json: false, file: DEFAULT_CORPUS };
  let fileGiven = false;
  for (const arg of args) {
    if (arg === '--errors') options.errors = true;
    else if (arg === '--json') options.json = true;
    else if (arg.startsWith('-') || fileGiven) return `unexpected argument ${arg}; ${USAGE}`;
    else {
      options.file = arg;
      fileGiven = true;
    }
  }
  return options;
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function figureLine(label: string, figures: Figures): string {
  return `${label.padEnd(12)} precision ${percent(figures.precision).padStart(6)}  recall ${percent(figures.recall).padStart(6)}  (tp ${figures.tp}, fp ${figures.fp}, fn ${figures.fn}; ${figures.lines} lines)\n`;
}

/** The human-readable report: companies with the most errors first. */
export function formatReport(file: string, score: Score, withErrors: boolean): string {
  let out = `corpus ${file}\n`;
  out += figureLine('overall', score.overall);
  out += figureLine('en', score.byLang.en) + figureLine('fr', score.byLang.fr);
  out += figureLine('true', score.byKind.true) + figureLine('lookalike', score.byKind.lookalike);
  out += 'per company (most errors first):\n';
  const vendors = Object.entries(score.byVendor).sort(([a, x], [b, y]) => y.fp + y.fn - (x.fp + x.fn) || (a < b ? -1 : 1));
  for (const [vendor, { tp, fp, fn }] of vendors) out += `  ${vendor.padEnd(24)} tp ${String(tp).padStart(3)}  fp ${String(fp).padStart(3)}  fn ${String(fn).padStart(3)}\n`;
  if (withErrors) {
    out += `errors (${score.errors.length}):\n`;
    for (const error of score.errors) {
      const expected = error.expected.join(',') || '-';
      const predicted = error.predicted.join(',') || '-';
      out += `  line ${error.line} [${error.lang} ${error.kind} ${error.alias}] expected ${expected}, predicted ${predicted}: ${error.text}\n`;
    }
  }
  return out;
}

export async function run(args: string[], io: Omit<CommandIo, 'readStdin'> = processIo): Promise<number> {
  const options = parseArguments(args);
  if (typeof options === 'string') {
    io.stderr(`eval: ${options}\n`);
    return 2;
  }
  let corpus: Corpus;
  try {
    corpus = parseCorpus(await readFile(options.file, 'utf8'));
  } catch (error) {
    if (error instanceof CorpusFormatError) io.stderr(`eval: ${options.file}: ${error.message}\n`);
    else io.stderr(`eval: cannot read ${options.file} (${error instanceof Error && 'code' in error ? String(error.code) : 'unreadable'})\n`);
    return 2;
  }
  const loaded = await loadCheckedDataset(io.datasetDirectory);
  if ('error' in loaded) {
    io.stderr(`eval: ${loaded.error}\n`);
    return 2;
  }
  const score = scoreCorpus(corpus, scanPredictor(loaded.dataset));
  if (options.json) io.stdout(`${JSON.stringify({ corpus: options.file, ...score })}\n`);
  else io.stdout(formatReport(options.file, score, options.errors));
  return 0;
}
