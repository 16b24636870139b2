// Ordered schema migrations, run inside the versionchange transaction: each step only does
// IndexedDB work, never anything else, so the upgrade cannot be committed half-way.
//   v1: `kv` store, one row per setting ("enabled", "sites", "filter.vendors"…); `dataset` store
//       holding the imported Dataset itself under "imported".
//   v2: `settings` store, one typed Settings record; `dataset` rows wrap the dataset with importedAt.
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { defaultSettings, type Settings } from '../settings';
import { IMPORTED_DATASET_KEY, SETTINGS_KEY } from './schema';
import { validateSettings } from './validate-settings';

/** Older stores are not in the typed schema, so migrations see the database untyped. */
type AnyDatabase = IDBPDatabase<unknown>;
type AnyTransaction = IDBPTransaction<unknown, string[], 'versionchange'>;

export const V1_FILTER_PREFIX = 'filter.';

/** Runs every step N with oldVersion < N <= newVersion, in order. */
export async function runMigrations(db: AnyDatabase, oldVersion: number, newVersion: number, tx: AnyTransaction): Promise<void> {
  if (oldVersion < 1 && newVersion >= 1) {
    db.createObjectStore('kv');
    db.createObjectStore('dataset');
  }
  if (oldVersion < 2 && newVersion >= 2) {
    await migrateSettingsRowsToRecord(db, tx);
    await wrapImportedDataset(tx);
  }
}

async function migrateSettingsRowsToRecord(db: AnyDatabase, tx: AnyTransaction): Promise<void> {
  const kv = tx.objectStore('kv');
  const [keys, values] = await Promise.all([kv.getAllKeys(), kv.getAll()]);
  const settings: Settings = structuredClone(defaultSettings);
  keys.forEach((key, i) => {
    if (typeof key !== 'string') return;
    // Each row is checked on its own: one bad row falls back to its default, the rest survive.
    const row = key.startsWith(V1_FILTER_PREFIX) ? { filters: { [key.slice(V1_FILTER_PREFIX.length)]: values[i] } } : { [key]: values[i] };
    const check = validateSettings(row);
    if (!check.ok) return;
    if (key.startsWith(V1_FILTER_PREFIX)) {
      const name = key.slice(V1_FILTER_PREFIX.length) as keyof Settings['filters'];
      (settings.filters as unknown as Record<string, unknown>)[name] = check.settings.filters[name];
    } else {
      (settings as unknown as Record<string, unknown>)[key] = check.settings[key as keyof Settings];
    }
  });
  db.createObjectStore('settings');
  await tx.objectStore('settings').put(settings, SETTINGS_KEY);
  db.deleteObjectStore('kv');
}

async function wrapImportedDataset(tx: AnyTransaction): Promise<void> {
  const store = tx.objectStore('dataset');
  const imported: unknown = await store.get(IMPORTED_DATASET_KEY);
  if (imported === undefined) return;
  await store.put({ dataset: imported, importedAt: null }, IMPORTED_DATASET_KEY);
}
