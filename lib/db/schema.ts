// The database's current shape (typed for idb). Older shapes live only in migrations.ts.
import type { DBSchema } from 'idb';
import type { Dataset } from '../dataset/types';
import type { Settings } from '../settings';

export const DB_NAME = 'dual-use';
export const DB_VERSION = 2;

export const SETTINGS_KEY = 'current';
export const IMPORTED_DATASET_KEY = 'imported';

export interface ImportedDataset {
  dataset: Dataset;
  /** ISO timestamp of the import; null for an import carried over from schema v1, which did not record it. */
  importedAt: string | null;
}

export interface DualUseSchema extends DBSchema {
  /** One record under SETTINGS_KEY: the whole Settings object (filters and site rules included). */
  settings: { key: string; value: Settings };
  /** One record under IMPORTED_DATASET_KEY, absent when the bundled dataset is active. */
  dataset: { key: string; value: ImportedDataset };
}
