// Applies assets/dataset/schema.json to the dataset files as they are on disk, through ajv (a
// maintained JSON Schema validator, the one editors' schema support agrees with). data:check runs it
// beside the semantic validator; each problem names the file, the record id and the field.
import Ajv, { type ErrorObject } from 'ajv';
import type { DatasetFiles } from '../dataset/load-node';
import type { DatasetProblem } from '../dataset/validate';

/** "/3/sources/0/url" → ["3", "sources", "0", "url"]. */
const segments = (pointer: string) => pointer.split('/').slice(1).map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));

/** ["sources", "0", "url"] → "sources[0].url". */
function fieldOf(parts: string[]): string {
  return parts.reduce((field, part) => (/^\d+$/.test(part) ? `${field}[${part}]` : field ? `${field}.${part}` : part), '');
}

function describe(error: ErrorObject): { parts: string[]; message: string } {
  const parts = segments(error.instancePath);
  const params = error.params as { missingProperty?: string; additionalProperty?: string; allowedValues?: unknown[] };
  if (error.keyword === 'required' && params.missingProperty) return { parts: [...parts, params.missingProperty], message: 'is required' };
  if (error.keyword === 'additionalProperties' && params.additionalProperty) return { parts: [...parts, params.additionalProperty], message: 'is not a known field' };
  if (error.keyword === 'enum' && params.allowedValues) return { parts, message: `must be one of ${params.allowedValues.join(', ')}` };
  return { parts, message: error.message ?? error.keyword };
}

/** The schema problems of every file; a record is named by the id it carries. */
export function checkAgainstSchema(schema: object, files: DatasetFiles): DatasetProblem[] {
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false, strictTuples: false });
  // Each file is checked against its own definition (the schema's top-level dispatch by shape is for editors).
  ajv.addSchema(schema, 'dataset');
  const problems: DatasetProblem[] = [];
  const check = (file: string, content: unknown, records: (parts: string[]) => { list: unknown; skip: number }) => {
    const definition = file === 'entities.json' ? 'entitiesFile' : file === 'publishers.json' ? 'publishersFile' : 'findingsFile';
    const validate = ajv.getSchema(`dataset#/definitions/${definition}`);
    if (!validate) throw new Error(`schema.json has no definitions/${definition}`);
    if (validate(content)) return;
    const seen = new Set<string>();
    for (const error of validate.errors ?? []) {
      // The if/then/else and allOf wrappers repeat what their branches already said.
      if (error.keyword === 'if' || error.keyword === 'allOf' || error.keyword === 'oneOf') continue;
      const { parts, message } = describe(error);
      const { list, skip } = records(parts);
      const index = Number(parts[skip - 1]);
      const record = Array.isArray(list) && Number.isInteger(index) ? (list[index] as { id?: unknown } | undefined) : undefined;
      const id = typeof record?.id === 'string' ? record.id : undefined;
      const field = fieldOf(id === undefined ? parts : parts.slice(skip));
      const problem: DatasetProblem = { file, field, message: `schema: ${message}` };
      if (id !== undefined) problem.id = id;
      const key = `${id}\u0001${field}\u0001${message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(problem);
    }
  };
  const nested = (content: unknown, key: string) => (parts: string[]) =>
    parts[0] === key ? { list: (content as Record<string, unknown> | null)?.[key], skip: 2 } : { list: undefined, skip: 0 };
  check('entities.json', files.catalog, nested(files.catalog, 'entities'));
  check('publishers.json', files.publishers, nested(files.publishers, 'publishers'));
  for (const entry of files.findingFiles) check(entry.file, entry.findings, () => ({ list: entry.findings, skip: 1 }));
  return problems;
}
