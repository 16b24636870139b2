// Background wiring: answers the typed messages (validated shape and sender), keeps per-tab state
// and sets the badge. Listeners are registered synchronously so a sleeping service worker wakes on them;
// settings, dataset and matcher load once per wake and reload on `settings-changed`.
import browser, { type Runtime, type Tabs } from 'webextension-polyfill';
import {
  classifySender,
  isRequest,
  type Broadcast,
  type PageHelloResponse,
  type Request,
  type TabStateResponse,
  type VendorFindingsResponse,
} from '../../lib/messaging';
import { pickLang } from '../../lib/i18n';
import { computeBadgeText, isEnabledOn, isSameDocument, startTab, withMentions, type TabRecord } from '../../lib/tab-state';
import { showBadge, styleBadge } from './badge';
import { describeTab, describeVendor, loadCatalog, type Catalog } from './catalog';
import { restoreTabStore, type TabStore } from './tab-store';

export default defineBackground(() => {
  let catalog: Promise<Catalog> = loadCatalog();
  const tabs: Promise<TabStore> = restoreTabStore();
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('') };

  styleBadge();

  async function refreshBadge(tabId: number, record: TabRecord | undefined): Promise<void> {
    const current = await catalog;
    await showBadge(tabId, computeBadgeText(record, (vendor) => current.visibleFindings(vendor).length > 0));
  }

  /** The record for a tab's document, started afresh when the tab shows another document. */
  async function recordFor(tabId: number, url: string, incognito: boolean): Promise<TabRecord> {
    const store = await tabs;
    const known = store.get(tabId);
    if (known && isSameDocument(known.url, url)) return known;
    const fresh = startTab(url, incognito, (await catalog).matcher.attributeUrl(url));
    store.set(tabId, fresh);
    return fresh;
  }

  browser.tabs.onUpdated.addListener((tabId: number, change: Tabs.OnUpdatedChangeInfoType, tab: Tabs.Tab) => {
    void (async () => {
      const url = change.url ?? tab.url;
      if (!url) return;
      const store = await tabs;
      const known = store.get(tabId);
      const record = change.url || !known ? await recordFor(tabId, url, tab.incognito) : known;
      // Chromium resets a tab's badge when it navigates: set it again on every load step.
      if (change.url || change.status) await refreshBadge(tabId, record);
    })();
  });

  browser.tabs.onRemoved.addListener((tabId: number) => {
    void tabs.then((store) => store.delete(tabId));
  });

  browser.tabs.onReplaced.addListener((_added: number, removed: number) => {
    void tabs.then((store) => store.delete(removed));
  });

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isRequest(message)) return undefined;
    const origin = classifySender(message, sender, self);
    if (!origin) return undefined;
    switch (message.type) {
      case 'page-hello':
      case 'page-mentions':
      case 'vendor-findings':
        return origin.from === 'content-script' ? answerContentScript(message, sender) : undefined;
      case 'open-popup':
        // The tooltip's "see all findings": a content script cannot know its own tab id, we can.
        return origin.from === 'content-script' ? openFullList(sender.tab!) : undefined;
      case 'tab-state':
      case 'settings-changed':
        return origin.from === 'extension-page' ? answerExtensionPage(message) : undefined;
    }
  });

  async function answerContentScript(
    message: Extract<Request, { type: 'page-hello' | 'page-mentions' | 'vendor-findings' }>,
    sender: Runtime.MessageSender,
  ): Promise<PageHelloResponse | VendorFindingsResponse | void> {
    const tab = sender.tab!;
    const tabId = tab.id!;
    const topFrame = sender.frameId === 0 || sender.frameId === undefined;
    const current = await catalog;
    switch (message.type) {
      case 'page-hello': {
        if (topFrame) await refreshBadge(tabId, await recordFor(tabId, message.url, tab.incognito));
        const enabled = isEnabledOn(current.settings, message.url);
        return {
          enabled,
          ...(enabled ? { entities: current.dataset.entities, topics: current.dataset.topics } : {}),
          marksPerCompany: current.settings.marksPerCompany,
          lang: pickLang(current.settings.language, browser.i18n.getUILanguage()),
        };
      }
      case 'page-mentions': {
        // Frames report their own text; the tab's state is its top document's. A page the reader
        // switched off reports nothing that counts.
        if (!topFrame || !isEnabledOn(current.settings, message.url)) return;
        const record = await recordFor(tabId, message.url, tab.incognito);
        const known = message.mentions
          .map((mention) => ({ ...mention, vendor: current.matcher.vendorOf(mention.vendor) }))
          .filter((mention) => current.entities.get(mention.vendor)?.type === 'vendor');
        const updated = withMentions(record, known);
        (await tabs).set(tabId, updated);
        await refreshBadge(tabId, updated);
        return;
      }
      case 'vendor-findings': {
        const vendor = current.matcher.vendorOf(message.vendor);
        const mentions = (await tabs).get(tabId)?.mentions.find((m) => m.vendor === vendor) ?? null;
        return describeVendor(current, vendor, mentions);
      }
    }
  }

  async function openFullList(tab: Tabs.Tab): Promise<void> {
    await browser.tabs.create({
      url: browser.runtime.getURL(`/popup.html?tab=${tab.id}`),
      index: tab.index + 1,
      ...(tab.windowId === undefined ? {} : { windowId: tab.windowId }),
    });
  }

  async function answerExtensionPage(
    message: Extract<Request, { type: 'tab-state' | 'settings-changed' }>,
  ): Promise<TabStateResponse | void> {
    if (message.type === 'tab-state') {
      const current = await catalog;
      const record = (await tabs).get(message.tabId);
      if (record) return { url: record.url, vendors: describeTab(current, record) };
      // Unknown to us (opened before install, or a page we cannot see): start from its URL.
      const tab = await browser.tabs.get(message.tabId).catch(() => null);
      if (!tab?.url) return { url: null, vendors: [] };
      return { url: tab.url, vendors: describeTab(current, await recordFor(message.tabId, tab.url, tab.incognito)) };
    }
    catalog = loadCatalog();
    const { settings } = await catalog;
    const store = await tabs;
    // Mentions found on a site the reader has just switched off no longer count.
    for (const [tabId, record] of store.entries()) {
      if (record.mentions.length && !isEnabledOn(settings, record.url)) store.set(tabId, withMentions(record, []));
    }
    // Tabs we have no record for may still carry a stale badge: clear every tab's.
    const everyTab = await browser.tabs.query({});
    await Promise.all(everyTab.map((tab) => (tab.id === undefined ? undefined : refreshBadge(tab.id, store.get(tab.id)))));
    const refresh: Broadcast = { type: 'refresh' };
    await Promise.all(
      everyTab.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, refresh).catch(() => undefined))),
    );
  }
});
