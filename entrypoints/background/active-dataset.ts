// The dataset in force: the one the reader imported (lib/db) if any, else the bundled one.
// Shared by the background and the popup (for search); never fetched from the network.
import type { Dataset } from '../../lib/dataset/types';
import { bundledDataset } from '../../lib/dataset/bundled';
import { getImportedDataset } from '../../lib/db';

export async function loadActiveDataset(): Promise<Dataset> {
  try {
    const imported = await getImportedDataset();
    if (imported) return imported.dataset;
  } catch {
    // A broken database must not leave the reader without data: fall back to what shipped.
  }
  return bundledDataset;
}
