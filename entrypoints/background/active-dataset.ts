// The dataset in force for the background and the popup: lib/db's choice (the reader's import, else
// the bundled one), with the bundled dataset as the answer when the database itself fails.
import { getBundledDataset } from '../../lib/dataset/bundled';
import type { Dataset } from '../../lib/dataset/types';
import { getActiveDataset } from '../../lib/db/active-dataset';

export async function loadActiveDataset(): Promise<Dataset> {
  try {
    return (await getActiveDataset()).dataset;
  } catch {
    // A broken database must not leave the reader without data: fall back to what shipped.
    return getBundledDataset();
  }
}
