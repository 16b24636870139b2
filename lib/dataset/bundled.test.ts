// The extension's build-time copy of the dataset must be exactly what the Node loader validates.
import { describe, expect, it } from 'vitest';
import { getBundledDataset } from './bundled';
import { loadDatasetFromDirectory } from './load-node';

describe('getBundledDataset', () => {
  it('equals the dataset read from assets/dataset', async () => {
    const fromDisk = await loadDatasetFromDirectory();
    expect(fromDisk.ok).toBe(true);
    if (!fromDisk.ok) return;
    const bundled = getBundledDataset();
    expect(bundled.findings.length).toBeGreaterThan(0);
    expect(bundled).toEqual(fromDisk.dataset);
    expect(getBundledDataset()).toBe(bundled);
  });
});
