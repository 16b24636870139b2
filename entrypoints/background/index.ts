// Background wiring: answers the typed messages (validated shape and sender), reads the pages' text
// (matching runs here, not in the page), keeps per-tab state and sets the badge. Listeners are
// registered synchronously so a sleeping service worker wakes on them. Nothing is parsed or compiled
// at start: `page-hello` needs the settings only; the dataset loads on first need, the matcher compiles
// on first use (catalog.ts); both reload on `settings-changed`.
import browser, { type Runtime, type Tabs } from 'webextension-polyfill';
import {
  classifySender,
  isRequest,
  type Broadcast,
  type PageHelloResponse,
  type PageTextResponse,
  type Request,
  type TabStateResponse,
  type VendorFindingsResponse,
} from '../../lib/messaging';
import { pickLang } from '../../lib/i18n';
import { PageDocument } from '../../lib/page-document';
import { createStoryScanner, STORY_CHARS_PER_PAGE } from '../../lib/reports/story-index';
import type { Settings } from '../../lib/settings';
import {
  computeBadgeText, isEnabledOn, isSameDocument, listMatchedVendors, startTab, withMentions, withStoryTerms, type TabRecord,
} from '../../lib/tab-state';
import { showBadge, styleBadge } from './badge';
import { describeReports, describeTab, describeVendor, loadCatalog, loadSettings, type Catalog } from './catalog';
import { ensureLookupMenu, listenToLookupMenu } from './lookup-menu';
import { injectContentScript, injectIntoOpenTabs, isInjectable } from './page-injection';
import { restoreTabStore, type TabStore } from './tab-store';

/**
 * Benchmarks only (`wxt build --mode bench`): when the worker finished its start and when it first
 * received and answered `page-hello` and `page-text`, in ms since the worker started
 * (tests/bench/catalog-bench.ts reads `__dualUseBench`). The shipped build folds this to `undefined`.
 */
const benchTimes: Record<string, number> | undefined =
  import.meta.env.MODE === 'bench'
    ? ((globalThis as typeof globalThis & { __dualUseBench?: Record<string, number> }).__dualUseBench = {})
    : undefined;

const noteTime = (name: string) => {
  if (benchTimes) benchTimes[name] ??= performance.now();
};

export default defineBackground(() => {
  let settings: Promise<Settings> = loadSettings();
  let loadedCatalog: Promise<Catalog> | null = null;
  /** The catalog, loaded on first need (not at start: answering `page-hello` needs only the settings). */
  const catalogNow = (): Promise<Catalog> => (loadedCatalog ??= loadCatalog(settings));
  const tabs: Promise<TabStore> = restoreTabStore();
  /** The document each tab's frame is reading, by "tabId:frameId" (memory only: see documentFor). */
  const documents = new Map<string, PageDocument>();
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('') };

  styleBadge();
  listenToLookupMenu();
  const titleLookupMenu = () => settings.then((current) => ensureLookupMenu(pickLang(current.language, browser.i18n.getUILanguage())));
  void titleLookupMenu();

  async function refreshBadge(tabId: number, record: TabRecord | undefined): Promise<void> {
    const current = await catalogNow();
    await showBadge(tabId, computeBadgeText(record, (vendor) => current.visibleFindings(vendor).length > 0));
  }

  /** The record for a tab's document, started afresh when the tab shows another document. */
  async function recordFor(tabId: number, url: string, incognito: boolean): Promise<TabRecord> {
    const store = await tabs;
    const current = await catalogNow();
    // Read and written with no await between: two calls for one tab (a load step, a batch) share one record.
    const known = store.get(tabId);
    if (known && isSameDocument(known.url, url)) return known;
    const fresh = startTab(url, incognito, current.matcher.attributeUrl(url));
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
    // The page has loaded: now, and not before, the content script enters it (page-injection.ts).
    if (change.status === 'complete' && isInjectable(tab.url)) void injectContentScript(tabId);
  });
  browser.runtime.onInstalled.addListener(() => void injectIntoOpenTabs());

  function forgetTab(tabId: number): void {
    void tabs.then((store) => store.delete(tabId));
    for (const key of documents.keys()) if (key.startsWith(`${tabId}:`)) documents.delete(key);
  }
  browser.tabs.onRemoved.addListener((tabId: number) => forgetTab(tabId));
  browser.tabs.onReplaced.addListener((_added: number, removed: number) => forgetTab(removed));

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isRequest(message)) return undefined;
    const origin = classifySender(message, sender, self);
    if (!origin) return undefined;
    switch (message.type) {
      case 'page-hello':
      case 'page-text':
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
    message: Extract<Request, { type: 'page-hello' | 'page-text' | 'vendor-findings' }>,
    sender: Runtime.MessageSender,
  ): Promise<PageHelloResponse | PageTextResponse | VendorFindingsResponse | null | void> {
    const tab = sender.tab!;
    const tabId = tab.id!;
    const topFrame = sender.frameId === 0 || sender.frameId === undefined;
    switch (message.type) {
      case 'page-hello': {
        noteTime('helloReceived');
        const current = await settings;
        // The badge needs the catalog: set it after answering, the page need not wait for it.
        if (topFrame) void recordFor(tabId, message.url, tab.incognito).then((record) => refreshBadge(tabId, record));
        noteTime('helloAnswered');
        return {
          enabled: isEnabledOn(current, message.url),
          marksPerCompany: current.marksPerCompany,
          lang: pickLang(current.language, browser.i18n.getUILanguage()),
        };
      }
      case 'page-text': {
        noteTime('textReceived');
        const answer = await readPageText(message, tabId, sender.frameId ?? 0, tab.incognito);
        noteTime('textAnswered');
        return answer;
      }
      case 'vendor-findings': {
        const current = await catalogNow();
        const vendor = current.matcher.vendorOf(message.vendor);
        const record = (await tabs).get(tabId) ?? null;
        const mentions = record?.mentions.find((m) => m.vendor === vendor) ?? null;
        const described = describeVendor(current, vendor, mentions, record);
        return { ...described, names: namesOf(current, described.findings.flatMap((f) => (f.customer ? [f.customer] : []))) };
      }
    }
  }

  /**
   * The one place where each batch of a page's text is read, per tab and frame: matched against the
   * catalog in the document it belongs to, counted for the tab (top frame only, as the badge counts
   * the tab's own document), answered with what to mark. The story scanner (lib/reports: which
   * findings this page reports) reads the same batches of the top frame: only the terms found are kept.
   */
  async function readPageText(
    message: Extract<Request, { type: 'page-text' }>,
    tabId: number,
    frameId: number,
    incognito: boolean,
  ): Promise<PageTextResponse | null> {
    const current = await catalogNow();
    // A page the reader switched off is not read, and reports nothing that counts.
    if (!isEnabledOn(current.settings, message.url)) return null;
    const topFrame = frameId === 0;
    const store = await tabs;
    const document = documentFor(current, store, `${tabId}:${frameId}`, message, topFrame ? tabId : null);
    const reading = document.read(current.matcher, message.texts);
    if (topFrame) {
      const record = await recordFor(tabId, message.url, incognito);
      let updated = record;
      // A story is told in a page's first pages of text: past STORY_CHARS_PER_PAGE its terms are not looked for.
      if (document.storyChars < STORY_CHARS_PER_PAGE) {
        const scanner = createStoryScanner(current.reports.stories, record.storyTerms ?? []);
        for (const text of message.texts) {
          if (document.storyChars >= STORY_CHARS_PER_PAGE) break;
          scanner.add(text.text);
          document.storyChars += text.text.length;
        }
        updated = withStoryTerms(record, scanner.found());
      }
      // The first batch of a walk replaces what an earlier walk of this tab counted (a repaint starts over).
      if (reading.marks.length || reading.released.length || document.batches === 1) {
        const known = document
          .mentions()
          .map((mention) => ({ ...mention, vendor: current.matcher.vendorOf(mention.vendor) }))
          .filter((mention) => current.entities.get(mention.vendor)?.type === 'vendor');
        updated = withMentions(updated, known);
      }
      store.set(tabId, updated);
      // The badge counts companies: it changes only when one is added.
      if (listMatchedVendors(updated).length !== listMatchedVendors(record).length) await refreshBadge(tabId, updated);
    }
    const ids = [...reading.marks, ...reading.pending].flatMap((m) => [m.vendor, m.entity]);
    return { ...reading, names: namesOf(current, ids) };
  }

  /**
   * The document a batch belongs to. A new walk (a new page, a repaint, a single-page navigation)
   * starts a new one. A batch after the first of a document this worker never saw (it slept and
   * restarted meanwhile) carries over what the tab's stored record counted, and its vendors stand
   * as corroborated: the earlier batches' candidates are gone with the old worker.
   */
  function documentFor(current: Catalog, store: TabStore, key: string, message: Extract<Request, { type: 'page-text' }>, tabId: number | null): PageDocument {
    const known = documents.get(key);
    if (known?.id === message.document) return known;
    const domain = current.matcher.attributeUrl(message.url)?.vendor;
    const record = tabId === null ? undefined : store.get(tabId);
    const carried = message.batch > 0 && record && isSameDocument(record.url, message.url) ? record.mentions : [];
    const corroborating = [...(domain ? [domain] : []), ...carried.map((m) => m.vendor)];
    const document = new PageDocument(message.document, corroborating, carried);
    documents.set(key, document);
    return document;
  }

  /** Display names of entity ids, for the content script (which holds no catalog). */
  function namesOf(current: Catalog, ids: readonly string[]): Record<string, string> {
    const names: Record<string, string> = {};
    for (const id of ids) {
      const name = current.entities.get(id)?.name;
      if (name) names[id] = name;
    }
    return names;
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
      const current = await catalogNow();
      const datasetVersion = current.dataset.version;
      const describe = (record: TabRecord): TabStateResponse => ({
        url: record.url, vendors: describeTab(current, record), reports: describeReports(current, record), datasetVersion,
      });
      const record = (await tabs).get(message.tabId);
      if (record) return describe(record);
      // Unknown to us (opened before install, or a page we cannot see): start from its URL.
      const tab = await browser.tabs.get(message.tabId).catch(() => null);
      if (!tab?.url) return { url: null, vendors: [], reports: [], datasetVersion };
      return describe(await recordFor(message.tabId, tab.url, tab.incognito));
    }
    settings = loadSettings();
    loadedCatalog = null;
    // Content scripts walk their pages again (a new document each) after the `refresh` below.
    documents.clear();
    const current = await catalogNow();
    await titleLookupMenu();
    const store = await tabs;
    // Mentions and story terms found on a site the reader has just switched off no longer count.
    for (const [tabId, record] of store.entries()) {
      if ((record.mentions.length || record.storyTerms?.length) && !isEnabledOn(current.settings, record.url)) {
        store.set(tabId, withStoryTerms(withMentions(record, []), []));
      }
    }
    // Tabs we have no record for may still carry a stale badge: clear every tab's.
    const everyTab = await browser.tabs.query({});
    await Promise.all(everyTab.map((tab) => (tab.id === undefined ? undefined : refreshBadge(tab.id, store.get(tab.id)))));
    const refresh: Broadcast = { type: 'refresh' };
    await Promise.all(
      everyTab.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, refresh).catch(() => undefined))),
    );
  }
  noteTime('started');
});
