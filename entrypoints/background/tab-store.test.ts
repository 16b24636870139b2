// The tab store on WXT's fake browser: normal tabs are mirrored to storage.session and come back after a
// restart; tabs of private windows live in memory only and are never written anywhere.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startTab, withMentions, type TabRecord } from '../../lib/tab-state';
import { restoreTabStore } from './tab-store';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

const PRIVATE_URL = 'https://private.example/visited-in-a-private-window';
const NORMAL_URL = 'https://normal.example/article';
const mentioned = (url: string, incognito: boolean): TabRecord =>
  withMentions(startTab(url, incognito, null), [{ vendor: 'palantir', count: 2, aliases: { Palantir: 2 } }]);

/** Longer than the store's write coalescing. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 120));

/** Everything the extension could have written: every storage area and every IndexedDB database. */
async function everythingWritten(): Promise<string> {
  const areas = await Promise.all(
    (['session', 'local', 'sync'] as const).map(async (area) => `${area}: ${JSON.stringify(await fakeBrowser.storage[area].get(null))}`),
  );
  return [...areas, `indexedDB: ${JSON.stringify(await indexedDB.databases())}`].join('\n');
}

describe('restoreTabStore with private-window tabs', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('writes nothing at all for a private tab, set, updated or closed', async () => {
    const store = await restoreTabStore();
    store.set(7, startTab(PRIVATE_URL, true, null));
    store.set(7, mentioned(PRIVATE_URL, true));
    await settle();
    expect(store.get(7)?.mentions).toHaveLength(1); // kept in memory for the badge and popup
    store.delete(7);
    await settle();
    expect(await everythingWritten()).toBe('session: {}\nlocal: {}\nsync: {}\nindexedDB: []');
  });

  it('writes normal tabs beside a private one without the private one', async () => {
    const store = await restoreTabStore();
    store.set(7, mentioned(PRIVATE_URL, true));
    store.set(8, mentioned(NORMAL_URL, false));
    await settle();
    const { tabs } = await fakeBrowser.storage.session.get('tabs');
    expect(Object.keys(tabs as object)).toEqual(['8']);
    store.delete(8); // a write after the private tab is still known
    store.set(9, mentioned(NORMAL_URL, false));
    await settle();
    const written = await everythingWritten();
    expect(written).toContain(NORMAL_URL);
    expect(written).not.toContain('private.example');
  });

  it('a restarted worker gets the normal tabs back, and no private one', async () => {
    const first = await restoreTabStore();
    first.set(7, mentioned(PRIVATE_URL, true));
    first.set(8, mentioned(NORMAL_URL, false));
    await settle();
    const restarted = await restoreTabStore();
    expect(restarted.get(8)).toEqual(mentioned(NORMAL_URL, false));
    expect(restarted.get(7)).toBeUndefined();
    expect(restarted.entries().map(([id]) => id)).toEqual([8]);
  });
});
