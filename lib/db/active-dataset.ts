// The dataset in force: the reader's import (lib/db) if there is one, else the bundled dataset,
// which ships with each release (so an extension update refreshes it; it is never copied into the db).
import { getBundledDataset } from '../dataset/bundled';
import type { Dataset } from '../dataset/types';
import { getImportedDataset } from './index';

export interface ActiveDataset {
  dataset: Dataset;
  /** ISO time of the import; null for the bundled dataset or a v1-era import. */
  importedAt: string | null;
  origin: 'bundled' | 'imported';
}

export async function getActiveDataset(): Promise<ActiveDataset> {
  const imported = await getImportedDataset();
  return imported
    ? { dataset: imported.dataset, importedAt: imported.importedAt, origin: 'imported' }
    : { dataset: await getBundledDataset(), importedAt: null, origin: 'bundled' };
}
