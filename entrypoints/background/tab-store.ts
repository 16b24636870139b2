// Per-tab records in memory, mirrored to storage.session (cleared on browser exit) so that a
// service worker that went to sleep rebuilds them on wake. Private-window tabs stay in memory only.
import browser from 'webextension-polyfill';
import { selectPersistable, type TabRecord, type TabRecords } from '../../lib/tab-state';

const STORAGE_KEY = 'tabs';

export interface TabStore {
  get(tabId: number): TabRecord | undefined;
  set(tabId: number, record: TabRecord): void;
  delete(tabId: number): void;
  entries(): Array<[number, TabRecord]>;
}

export async function restoreTabStore(): Promise<TabStore> {
  const records: TabRecords = {};
  try {
    const stored = (await browser.storage.session.get(STORAGE_KEY))[STORAGE_KEY];
    if (typeof stored === 'object' && stored !== null) Object.assign(records, stored as TabRecords);
  } catch {
    // storage.session unavailable: start empty; content scripts re-report on their next change.
  }
  let pending: ReturnType<typeof setTimeout> | null = null;
  const persist = () => {
    // Writes coalesce: a page reporting mentions in bursts costs one write.
    if (pending !== null) return;
    pending = setTimeout(() => {
      pending = null;
      void browser.storage.session.set({ [STORAGE_KEY]: selectPersistable(records) }).catch(() => undefined);
    }, 50);
  };
  return {
    get: (tabId) => records[String(tabId)],
    set(tabId, record) {
      records[String(tabId)] = record;
      if (!record.incognito) persist();
    },
    delete(tabId) {
      const had = records[String(tabId)];
      delete records[String(tabId)];
      if (had && !had.incognito) persist();
    },
    entries: () => Object.entries(records).map(([id, record]) => [Number(id), record]),
  };
}
