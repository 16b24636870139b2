// Wiring of the context menu's one item on selected text, "Look up “…” in Dual Use", titled in the
// reader's language; a click opens the popup's lookup in a tab of its own (lib/lookup-link.ts).
import browser, { type Menus, type Tabs } from 'webextension-polyfill';
import type { Lang } from '../../lib/dataset/types';
import { translator } from '../../lib/i18n';
import { menuMessages } from '../../lib/i18n/menus';
import { lookupPath } from '../../lib/lookup-link';

const LOOKUP_MENU_ID = 'dual-use-lookup';

/** Makes the item, or retitles it when it exists (menus outlive a sleeping background). Never throws. */
export async function ensureLookupMenu(lang: Lang): Promise<void> {
  const title = translator(menuMessages, lang)('lookUpSelection');
  try {
    await browser.contextMenus.update(LOOKUP_MENU_ID, { title });
  } catch {
    browser.contextMenus.create({ id: LOOKUP_MENU_ID, title, contexts: ['selection'] }, () => void browser.runtime.lastError);
  }
}

/** Registered synchronously with the other listeners, so a click wakes the background. */
export function listenToLookupMenu(): void {
  browser.contextMenus.onClicked.addListener((info: Menus.OnClickData, tab?: Tabs.Tab) => {
    if (info.menuItemId !== LOOKUP_MENU_ID) return;
    const path = lookupPath(info.selectionText ?? '', tab?.id);
    if (!path) return;
    void browser.tabs
      .create({
        url: browser.runtime.getURL(path),
        ...(tab?.index === undefined ? {} : { index: tab.index + 1 }),
        ...(tab?.windowId === undefined ? {} : { windowId: tab.windowId }),
      })
      .catch(() => undefined);
  });
}
