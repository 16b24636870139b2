// Reading and writing the files a reader imports and exports: a settings file or a dataset file.
// Every check happens here, before anything touches the database; a refused file yields one
// problem naming what is wrong, and the caller then changes nothing. Pure: runs in Node for tests.
import type { Dataset } from './dataset/types';
import type { Settings } from './settings';
import { validateSettings } from './db/validate-settings';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const SETTINGS_FILE_FORMAT = 'dual-use-settings';
export const SETTINGS_FILE_VERSION = 1;
const MAX_DEPTH = 32;

export type DatasetValidation =
  | { ok: true; dataset: Dataset }
  | { ok: false; problems: { file?: string; id?: string; field: string; message: string }[] };
export type DatasetValidator = (input: unknown) => DatasetValidation;

export type ImportProblemCode =
  | 'too-large' | 'empty' | 'binary' | 'truncated' | 'not-json' | 'too-deep' | 'wrong-shape' | 'hostile' | 'invalid-dataset' | 'invalid-settings';

export interface ImportProblem {
  code: ImportProblemCode;
  /** Where and what, in plain words (a field path, a finding id); shown as text, never as HTML. */
  detail: string;
}

export type ImportResult =
  | { ok: true; kind: 'settings'; settings: Settings }
  | { ok: true; kind: 'dataset'; dataset: Dataset }
  | { ok: false; problem: ImportProblem };

const refuse = (code: ImportProblemCode, detail = ''): ImportResult => ({ ok: false, problem: { code, detail } });

/** Checked on File.size before a single byte is read. */
export function checkImportSize(bytes: number): ImportProblem | null {
  return bytes > MAX_IMPORT_BYTES ? { code: 'too-large', detail: `${(bytes / 1024 / 1024).toFixed(1)} MB > 10 MB` } : null;
}

/** Decodes UTF-8 text; null for anything that is not text (NUL bytes, invalid UTF-8). */
export function decodeText(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** True when the text stops inside a string or with brackets still open: a cut-off file. */
export function looksTruncated(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth += 1;
    else if (c === '}' || c === ']') depth -= 1;
  }
  return inString || depth > 0 || /[,:]\s*$/.test(text);
}

// Markup (<script>, <img …>, </b>, <!--) and script-running URL schemes, even with spaces or
// control characters slipped inside the scheme name ("java\tscript:").
const MARKUP = /<\s*[a-z!/?]/i;
const SCRIPT_SCHEME = /(?:(?:j\W*a\W*v\W*a\W*s\W*c\W*r\W*i\W*p\W*t|v\W*b\W*s\W*c\W*r\W*i\W*p\W*t)\s*:|d\W*a\W*t\W*a\s*:\s*[a-z-]+\/)/i;

/** The path of the first hostile string, the depth limit, or null when the value is clean. */
function findHostile(value: unknown, path: string, depth: number): { code: 'hostile' | 'too-deep'; detail: string } | null {
  if (depth > MAX_DEPTH) return { code: 'too-deep', detail: path };
  if (typeof value === 'string') {
    if (MARKUP.test(value)) return { code: 'hostile', detail: `${path}: markup` };
    if (SCRIPT_SCHEME.test(value)) return { code: 'hostile', detail: `${path}: script URL` };
    return null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findHostile(value[i], `${path}[${i}]`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      const keyProblem = findHostile(key, `${path}.${key.slice(0, 40)}`, depth + 1);
      if (keyProblem) return keyProblem;
      const found = findHostile(child, path ? `${path}.${key}` : key, depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/** "microsoft-x · findings[0].title.en: markup": names the record by its id when the id itself is clean. */
function nameRecord(parsed: unknown, detail: string): string {
  const at = /^(findings|entities)\[(\d+)\]/.exec(detail);
  if (!at || !isPlainObject(parsed)) return detail;
  const list = parsed[at[1] as string];
  const record: unknown = Array.isArray(list) ? list[Number(at[2])] : undefined;
  const id = isPlainObject(record) ? record.id : undefined;
  return typeof id === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) && id.length <= 80 ? `${id} · ${detail}` : detail;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Decides what a file is and whether it may be imported. */
export function parseImportFile(bytes: Uint8Array, validateDataset: DatasetValidator): ImportResult {
  const sizeProblem = checkImportSize(bytes.byteLength);
  if (sizeProblem) return { ok: false, problem: sizeProblem };
  const text = decodeText(bytes);
  if (text === null) return refuse('binary');
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return refuse('empty');
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch (error) {
    if (looksTruncated(trimmed)) return refuse('truncated');
    return refuse(error instanceof RangeError ? 'too-deep' : 'not-json', error instanceof Error ? error.message.slice(0, 200) : '');
  }
  const hostile = findHostile(parsed, '', 0);
  if (hostile) return refuse(hostile.code, nameRecord(parsed, hostile.detail));
  if (!isPlainObject(parsed)) return refuse('wrong-shape', Array.isArray(parsed) ? 'a list' : typeof parsed);

  if (parsed.format === SETTINGS_FILE_FORMAT) {
    for (const key of Object.keys(parsed)) {
      if (key !== 'format' && key !== 'version' && key !== 'settings') return refuse('invalid-settings', `${key}: unknown key`);
    }
    if (parsed.version !== SETTINGS_FILE_VERSION) return refuse('invalid-settings', `version: must be ${SETTINGS_FILE_VERSION}`);
    const check = validateSettings(parsed.settings);
    return check.ok ? { ok: true, kind: 'settings', settings: check.settings } : refuse('invalid-settings', `${check.field}: ${check.message}`);
  }
  if ('entities' in parsed && 'findings' in parsed) {
    const check = validateDataset(parsed);
    if (check.ok) return { ok: true, kind: 'dataset', dataset: check.dataset };
    const first = check.problems[0];
    const where = first ? [first.file, first.id, first.field].filter(Boolean).join(' · ') : '';
    const more = check.problems.length > 1 ? ` (+${check.problems.length - 1})` : '';
    return refuse('invalid-dataset', first ? `${where}: ${first.message}${more}` : '');
  }
  return refuse('wrong-shape', `keys: ${Object.keys(parsed).slice(0, 5).join(', ') || 'none'}`);
}

export function serializeSettings(settings: Settings): string {
  return `${JSON.stringify({ format: SETTINGS_FILE_FORMAT, version: SETTINGS_FILE_VERSION, settings }, null, 2)}\n`;
}

/** Same shape as `npm run data:export`, so an exported dataset can be checked and re-imported. */
export function serializeDataset(dataset: Dataset): string {
  return `${JSON.stringify({ version: dataset.version, entities: dataset.entities, topics: dataset.topics, findings: dataset.findings }, null, 2)}\n`;
}
