// The extension's one IndexedDB database: settings (filters and site rules inside) and any imported
// dataset. Connections close when another context upgrades (`blocking`) and reopen lazily, so the
// background, popup and options page never deadlock. Writes are single transactions: all or nothing.
import { openDB, type IDBPDatabase } from 'idb';
import type { Dataset } from '../dataset/types';
import { defaultSettings, type Settings } from '../settings';
import { runMigrations } from './migrations';
import { DB_NAME, DB_VERSION, IMPORTED_DATASET_KEY, SETTINGS_KEY, type DualUseSchema, type ImportedDataset } from './schema';

export type { ImportedDataset } from './schema';

let connection: Promise<IDBPDatabase<DualUseSchema>> | null = null;

export function openDatabase(): Promise<IDBPDatabase<DualUseSchema>> {
  if (connection) return connection;
  const opening = openDB<DualUseSchema>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion, newVersion, tx) {
      // The returned promise settles within the versionchange transaction (IndexedDB work only).
      return runMigrations(db as unknown as IDBPDatabase<unknown>, oldVersion, newVersion ?? DB_VERSION, tx as never);
    },
    blocking() {
      // A newer version wants to upgrade: step aside; the next call reopens.
      void opening.then((db) => db.close());
      if (connection === opening) connection = null;
    },
    terminated() {
      if (connection === opening) connection = null;
    },
  });
  connection = opening;
  opening.catch(() => {
    if (connection === opening) connection = null;
  });
  return opening;
}

/** Closes the connection (tests, and before deleting the database). */
export async function closeDatabase(): Promise<void> {
  const current = connection;
  connection = null;
  if (current) (await current).close();
}

export async function getSettings(): Promise<Settings> {
  const db = await openDatabase();
  const stored = await db.get('settings', SETTINGS_KEY);
  // Spread over the defaults so settings added in later releases appear with their default.
  return stored
    ? { ...structuredClone(defaultSettings), ...stored, filters: { ...defaultSettings.filters, ...stored.filters } }
    : structuredClone(defaultSettings);
}

/** Merges a patch into the stored settings in one read-write transaction, returns the result. */
export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const db = await openDatabase();
  const tx = db.transaction('settings', 'readwrite');
  const stored = (await tx.store.get(SETTINGS_KEY)) ?? structuredClone(defaultSettings);
  const next: Settings = { ...stored, ...patch, filters: { ...stored.filters, ...patch.filters } };
  await tx.store.put(next, SETTINGS_KEY);
  await tx.done;
  return next;
}

export async function getImportedDataset(): Promise<ImportedDataset | null> {
  const db = await openDatabase();
  return (await db.get('dataset', IMPORTED_DATASET_KEY)) ?? null;
}

/**
 * Writes validated settings and/or a validated dataset in ONE transaction over both stores:
 * if any write fails, the transaction aborts and nothing changes. Validate before calling.
 */
export async function importAll(items: { settings?: Settings; dataset?: Dataset }, now = new Date()): Promise<void> {
  const db = await openDatabase();
  const tx = db.transaction(['settings', 'dataset'], 'readwrite');
  // A failed request aborts the transaction and surfaces through tx.done; the per-request
  // promises are silenced so they do not also surface as unhandled rejections.
  const silence = () => undefined;
  try {
    if (items.settings) tx.objectStore('settings').put(items.settings, SETTINGS_KEY).catch(silence);
    if (items.dataset) {
      tx.objectStore('dataset').put({ dataset: items.dataset, importedAt: now.toISOString() }, IMPORTED_DATASET_KEY).catch(silence);
    }
  } catch (error) {
    // put() can throw synchronously (DataCloneError): abort so earlier writes are rolled back.
    tx.abort();
    await tx.done.catch(silence);
    throw error;
  }
  await tx.done;
}

export function importDataset(dataset: Dataset, now = new Date()): Promise<void> {
  return importAll({ dataset }, now);
}

export function importSettings(settings: Settings): Promise<void> {
  return importAll({ settings });
}

/** One click: forget the imported dataset; the bundled one (refreshed with each release) is active again. */
export async function resetDataset(): Promise<void> {
  const db = await openDatabase();
  await db.delete('dataset', IMPORTED_DATASET_KEY);
}
