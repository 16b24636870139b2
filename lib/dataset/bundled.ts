// The dataset shipped inside the extension: `dataset.json` at the root of the build (written from
// assets/dataset by the build, lib/dataset/bundle-file.ts), fetched and validated on first use only,
// so starting the service worker or opening a page parses none of it, however large the data grows.
// `npm run build` runs data:check first, so the fallback below is a last guard.
import { validateDataset } from './validate';
import type { Dataset } from './types';

/** Where the build puts the dataset, from the extension's root. */
export const BUNDLED_DATASET_FILE = 'dataset.json';

const EMPTY: Dataset = { version: '0.0.0', publishers: [], entities: [], topics: [], findings: [] };

let bundled: Promise<Dataset> | null = null;

/** The bundled dataset, read and validated once per worker or page (~20–50 ms today, then nothing). */
export function getBundledDataset(): Promise<Dataset> {
  bundled ??= readBundledFile().then(parseBundledDataset, (error: unknown) => {
    console.error('Dual Use: the bundled dataset could not be read', error);
    return EMPTY;
  });
  return bundled;
}

async function readBundledFile(): Promise<string> {
  // Extension pages and the worker live at the extension's root: a relative URL is our own file.
  const response = await fetch(new URL(`/${BUNDLED_DATASET_FILE}`, globalThis.location.href));
  return response.text();
}

/** Validates the shipped text; an invalid bundle gives no data rather than unchecked claims. */
export function parseBundledDataset(text: string): Dataset {
  let raw: { version?: unknown; publishers?: unknown; entities?: unknown; topics?: unknown; findings?: unknown } = {};
  try {
    raw = JSON.parse(text) as typeof raw;
  } catch {
    // Reported below as invalid.
  }
  const result = validateDataset({ version: raw.version, publishers: raw.publishers, entities: raw.entities, topics: raw.topics, findings: raw.findings });
  if (result.ok) return result.dataset;
  console.error('Dual Use: the bundled dataset is invalid', result.ok ? [] : result.problems.slice(0, 5));
  return EMPTY;
}
