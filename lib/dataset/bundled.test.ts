// The extension's build-time copy of the dataset must be exactly what the Node loader validates.
import { describe, expect, it } from 'vitest';
import { readDatasetBundle } from './bundle-file';
import { parseBundledDataset } from './bundled';
import { loadDatasetFromDirectory } from './load-node';

describe('the bundled dataset', () => {
  it('read as the build writes it, equals the dataset read from assets/dataset', async () => {
    const fromDisk = await loadDatasetFromDirectory();
    expect(fromDisk.ok).toBe(true);
    if (!fromDisk.ok) return;
    const bundled = parseBundledDataset(readDatasetBundle());
    expect(bundled.findings.length).toBeGreaterThan(0);
    expect(bundled).toEqual(fromDisk.dataset);
  });

  it('an unreadable or invalid bundle gives no data', () => {
    const quiet = console.error;
    console.error = () => undefined;
    try {
      expect(parseBundledDataset('not json').entities).toEqual([]);
      expect(parseBundledDataset('{"version":"1.0.0","entities":[{"id":"X"}],"findings":[]}').entities).toEqual([]);
    } finally {
      console.error = quiet;
    }
  });
});
