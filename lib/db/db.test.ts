import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { deleteDB, openDB, type IDBPDatabase } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Dataset } from '../dataset/types';
import { defaultSettings, type Settings } from '../settings';
import { closeDatabase, getImportedDataset, getSettings, importAll, importDataset, openDatabase, resetDataset, saveSettings } from './index';
import { runMigrations } from './migrations';
import { DB_NAME, DB_VERSION } from './schema';

const dataset: Dataset = {
  version: '2026.11.01',
  topics: [],
  entities: [{ id: 'microsoft', name: 'Microsoft', type: 'vendor', country: 'US', parent: null, aliases: ['Microsoft'], products: [], domains: ['microsoft.com'], ambiguous: [] }],
  findings: [],
};

/** Creates the database at an older version through the real ladder, then lets `fill` write old-shaped rows. */
async function createAtVersion(version: number, fill: (db: IDBPDatabase<unknown>) => Promise<void>): Promise<void> {
  const db = await openDB<unknown>(DB_NAME, version, {
    upgrade: (up, oldVersion, newVersion, tx) => runMigrations(up, oldVersion, newVersion ?? version, tx),
  });
  await fill(db);
  db.close();
}

beforeEach(async () => {
  await closeDatabase();
  globalThis.indexedDB = new IDBFactory();
});

describe('migrations', () => {
  it('creates the current schema from nothing with default settings', async () => {
    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['dataset', 'settings']);
    expect(await getSettings()).toEqual(defaultSettings);
    expect(await getImportedDataset()).toBeNull();
  });

  it('v1 → v2: key/value rows become one typed settings record; the imported dataset is kept', async () => {
    await createAtVersion(1, async (db) => {
      const tx = db.transaction(['kv', 'dataset'], 'readwrite');
      const kv = tx.objectStore('kv');
      await Promise.all([
        kv.put(false, 'enabled'),
        kv.put('only-on', 'siteMode'),
        kv.put(['example.org', 'news.example'], 'sites'),
        kv.put(7, 'marksPerCompany'),
        kv.put('fr', 'language'),
        kv.put(['microsoft', 'google'], 'filter.vendors'),
        kv.put(['cloud'], 'filter.kinds'),
        kv.put('2023-05', 'filter.from'),
        tx.objectStore('dataset').put(dataset, 'imported'),
        tx.done,
      ]);
    });
    const db = await openDatabase();
    expect(db.version).toBe(2);
    expect(db.objectStoreNames.contains('kv' as never)).toBe(false);
    const expected: Settings = {
      ...defaultSettings, enabled: false, siteMode: 'only-on', sites: ['example.org', 'news.example'], marksPerCompany: 7, language: 'fr',
      filters: { ...defaultSettings.filters, vendors: ['microsoft', 'google'], kinds: ['cloud'], from: '2023-05' },
    };
    expect(await getSettings()).toEqual(expected);
    expect(await getImportedDataset()).toEqual({ dataset, importedAt: null });
  });

  it('v1 → v2: a corrupt row falls back to its default without losing the others', async () => {
    await createAtVersion(1, async (db) => {
      const tx = db.transaction('kv', 'readwrite');
      await Promise.all([tx.store.put('lots', 'marksPerCompany'), tx.store.put('fr', 'language'), tx.store.put(1, 'obsolete'),
        tx.store.put(['nonsense'], 'filter.kinds'), tx.store.put(['ai'], 'filter.kinds2'), tx.done]);
    });
    const settings = await getSettings();
    expect(settings.marksPerCompany).toBe(defaultSettings.marksPerCompany);
    expect(settings.language).toBe('fr');
    expect(settings.filters.kinds).toEqual([]);
  });

  it('settings saved at the current version survive closing and reopening', async () => {
    await saveSettings({ siteMode: 'only-on', filters: { ...defaultSettings.filters, statuses: ['confirmed'] } });
    await closeDatabase();
    const settings = await getSettings();
    expect(settings.siteMode).toBe('only-on');
    expect(settings.filters.statuses).toEqual(['confirmed']);
  });
});

describe('connections', () => {
  it('closes on `blocking` so a newer version can upgrade, then reopens lazily', async () => {
    await saveSettings({ marksPerCompany: 9 });
    // Another context opens a higher version: our open connection must step aside, not deadlock.
    const newer = await openDB(DB_NAME, DB_VERSION + 1, { upgrade: () => undefined });
    newer.close();
    // Our module reconnects at its own version, which is now lower: opening fails (VersionError)
    // rather than hanging — it settles either way.
    await expect(getSettings()).rejects.toThrow();
  });

  it('steps aside when another context deletes the database, then reopens it on the next call', async () => {
    await saveSettings({ marksPerCompany: 9 });
    await deleteDB(DB_NAME); // would hang (blocked) if our open connection ignored `blocking`
    expect(await getSettings()).toEqual(defaultSettings);
    expect((await openDatabase()).version).toBe(DB_VERSION);
  });
});

describe('writes', () => {
  it('saveSettings merges a patch, filters included', async () => {
    await saveSettings({ filters: { ...defaultSettings.filters, kinds: ['ai'] } });
    await saveSettings({ enabled: false });
    const settings = await getSettings();
    expect(settings.enabled).toBe(false);
    expect(settings.filters.kinds).toEqual(['ai']);
  });

  it('imports a dataset, and one click resets to the bundled one', async () => {
    await importDataset(dataset, new Date('2026-11-28T10:00:00Z'));
    expect(await getImportedDataset()).toEqual({ dataset, importedAt: '2026-11-28T10:00:00.000Z' });
    await resetDataset();
    expect(await getImportedDataset()).toBeNull();
  });

  it('an import that fails part-way leaves the previous settings and dataset exactly as they were', async () => {
    await importDataset(dataset);
    await saveSettings({ marksPerCompany: 4 });
    const before = { settings: await getSettings(), dataset: await getImportedDataset() };
    const uncloneable = { ...dataset, version: 'bad', findings: [() => 1] } as unknown as Dataset;
    await expect(importAll({ settings: { ...defaultSettings, marksPerCompany: 12 }, dataset: uncloneable })).rejects.toThrow();
    expect(await getSettings()).toEqual(before.settings);
    expect(await getImportedDataset()).toEqual(before.dataset);
  });
});
