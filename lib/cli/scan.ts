// `scan`: which companies files are about, as the extension would attribute them, and which findings
// they report (DESIGN.md "Command line", contract). One JSON object per document per line; exit 0,
// or 2 with one line on stderr for bad arguments, unreadable input or a --url that is not a URL.

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadDatasetFromDirectory } from '../dataset/load-node';
import type { Dataset, Finding } from '../dataset/types';
import { formatProblem } from '../dataset/validate';
import { compileMatcher, type Matcher } from '../matcher/index';
import type { Mention } from '../matcher/types';
import { buildReportIndex, listPageReports, reportTermLabels, type ReportIndex, type ReportReason } from '../reports/page-reports';
import { createStoryScanner, storyPart } from '../reports/story-index';
import { extractVisibleText } from '../text/html-to-text';

/** Where a command writes and reads; injectable so tests call run() directly. */
export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
  /** The dataset folder (assets/dataset/ by default). */
  datasetDirectory?: URL;
}

const processIo: CommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  },
};

/**
 * The repository's dataset (or `directory`), validated and normalised as the build checks it:
 * the command line never attributes with a dataset the extension would refuse.
 */
export async function loadCheckedDataset(directory?: URL): Promise<{ dataset: Dataset } | { error: string }> {
  const result = await loadDatasetFromDirectory(directory ? fileURLToPath(directory) : undefined);
  if (result.ok) return { dataset: result.dataset };
  const [first] = result.problems;
  const count = result.problems.length;
  return { error: `the dataset is invalid (${count} problem${count === 1 ? '' : 's'}, first: ${first ? formatProblem(first) : 'unknown'}); run npm run data:check` };
}

class UsageError extends Error {}

interface ScanOptions {
  url: string | null;
  lines: boolean;
  files: string[];
}

const USAGE = 'usage: scan [--url URL] [--lines] FILE... (FILE "-" reads standard input)';

function parseArguments(args: string[]): ScanOptions {
  const options: ScanOptions = { url: null, lines: false, files: [] };
  let onlyFiles = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (onlyFiles || arg === '-' || !arg.startsWith('-')) options.files.push(arg);
    else if (arg === '--') onlyFiles = true;
    else if (arg === '--lines') options.lines = true;
    else if (arg === '--url' || arg.startsWith('--url=')) {
      const value = arg === '--url' ? args[++i] : arg.slice('--url='.length);
      if (value === undefined || value === '') throw new UsageError(`--url needs a value; ${USAGE}`);
      try {
        new URL(value);
      } catch {
        throw new UsageError(`--url ${JSON.stringify(value)} is not a URL`);
      }
      options.url = value;
    } else throw new UsageError(`unknown option ${arg}; ${USAGE}`);
  }
  if (options.files.length === 0) throw new UsageError(`no FILE given; ${USAGE}`);
  return options;
}

/** The text a reader sees in a file: HTML reduced to visible text, anything else as is. */
function readableText(file: string, content: string): string {
  return /\.html?$/iu.test(file) ? extractVisibleText(content) : content;
}

interface ScanResult {
  file: string;
  url: string | null;
  vendors: string[];
  mentions: Mention[];
  findings: string[];
  reports: Array<{ finding: string; why: ReportReason; terms: string[] }>;
}

/** What scanDocument needs from the dataset, compiled once for every document. */
export interface ScanContext {
  matcher: Matcher;
  findings: readonly Finding[];
  reports: ReportIndex;
}

export function compileScanContext(dataset: Dataset): ScanContext {
  return { matcher: compileMatcher(dataset.entities, dataset.topics), findings: dataset.findings, reports: buildReportIndex(dataset) };
}

/** Scans one document as the extension would: domain vendor corroborates text mentions; story terms and the address say what it reports. */
export function scanDocument(context: ScanContext, file: string, url: string | null, text: string): ScanResult {
  const { matcher, findings } = context;
  const domain = url === null ? null : matcher.attributeUrl(url);
  const mentions = matcher.matchText(text, { corroboratingVendors: domain ? [domain.vendor] : [] });
  const vendors = new Set<string>(domain ? [domain.vendor] : []);
  for (const mention of mentions) vendors.add(mention.vendor);
  const attributed = findings.filter((finding) => vendors.has(matcher.vendorOf(finding.vendor))).map((finding) => finding.id);
  const scanner = createStoryScanner(context.reports.stories);
  // As the extension reads a page: its story in the first STORY_CHARS_PER_PAGE characters.
  scanner.add(storyPart(text));
  const reports = listPageReports(context.reports, { url, found: scanner.found(), candidates: attributed });
  return {
    file,
    url,
    vendors: [...vendors].sort(),
    mentions: mentions.map(({ vendor, entity, alias, start, end }) => ({ vendor, entity, alias, start, end })),
    findings: attributed,
    reports: reports.map(({ finding, why, terms }) => ({ finding, why, terms: reportTermLabels(context.reports, terms, 'en') })),
  };
}

export async function run(args: string[], io: CommandIo = processIo): Promise<number> {
  let options: ScanOptions;
  try {
    options = parseArguments(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`scan: ${error.message}\n`);
    return 2;
  }
  // Read every input before printing anything, so a bad file fails cleanly with no partial output.
  const documents: { file: string; text: string }[] = [];
  let stdinText: string | null = null;
  for (const file of options.files) {
    try {
      let content: string;
      if (file === '-') content = stdinText ??= await io.readStdin();
      else content = await readFile(file, 'utf8');
      documents.push({ file, text: readableText(file, content) });
    } catch (error) {
      const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
      io.stderr(`scan: cannot read ${file} (${reason})\n`);
      return 2;
    }
  }
  const loaded = await loadCheckedDataset(io.datasetDirectory);
  if ('error' in loaded) {
    io.stderr(`scan: ${loaded.error}\n`);
    return 2;
  }
  const context = compileScanContext(loaded.dataset);
  for (const { file, text } of documents) {
    const units = options.lines ? text.split(/\r?\n/u).map((line, index) => ({ file: `${file}:${index + 1}`, text: line })) : [{ file, text }];
    // A final newline does not make an extra empty document.
    if (options.lines && units.length > 1 && units[units.length - 1]?.text === '') units.pop();
    for (const unit of units) {
      io.stdout(`${JSON.stringify(scanDocument(context, unit.file, options.url, unit.text))}\n`);
    }
  }
  return 0;
}
