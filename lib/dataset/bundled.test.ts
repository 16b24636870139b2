// The extension's build-time copy of the dataset must be exactly what the Node loader validates.
import { describe, expect, it } from 'vitest';
import { bundledDataset } from './bundled';
import { loadDatasetFromDirectory } from './load-node';

describe('bundledDataset', () => {
  it('equals the dataset read from assets/dataset', async () => {
    const fromDisk = await loadDatasetFromDirectory();
    expect(fromDisk.ok).toBe(true);
    if (!fromDisk.ok) return;
    expect(bundledDataset.findings.length).toBeGreaterThan(0);
    expect(bundledDataset).toEqual(fromDisk.dataset);
  });
});
