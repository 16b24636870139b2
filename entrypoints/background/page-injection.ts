// The content script is not declared in the manifest: the worker injects it into a tab's page once
// the page has loaded. A manifest content script, even one that did nothing but wait for the load
// event at document_start, made Chromium yield its parser and lay the page out before
// DOMContentLoaded: on the ~500 kB article DOMContentLoaded went from 43 to 64 ms, on the ~2 MB
// page from ~90 to ~360 ms (tests/bench/page-bench.ts; figures in the closing note of issue 13).
// Injected after load, nothing of ours exists in the page while it loads.
import browser from 'webextension-polyfill';

/** The built content script (entrypoints/annotate.content), relative to the extension's root. */
export const CONTENT_SCRIPT_FILE = '/content-scripts/annotate.js';

/** Pages a content script may run in (the browser refuses the others: its own pages, the stores). */
export function isInjectable(url: string | undefined): boolean {
  return url !== undefined && /^(https?|file):/iu.test(url);
}

/**
 * Whether a live copy of the content script already reads the page. Run in the content scripts' own
 * world, where each copy keeps its context as `__dualUseSession`; a copy left by an older version of
 * the extension is no longer valid. Self-contained: the browser runs it from its source.
 */
function hasLiveCopy(): boolean {
  return (globalThis as typeof globalThis & { __dualUseSession?: { isValid: boolean } }).__dualUseSession?.isValid === true;
}

/**
 * Runs the content script in the tab's top frame, unless a live copy already reads the page (a tab
 * that reports `complete` twice); a page it cannot enter is left alone. The check is made here, not in
 * the script: WXT's context for a new copy invalidates the older one as it starts, so a second copy
 * would always take over and walk the whole page again.
 */
export async function injectContentScript(tabId: number): Promise<void> {
  try {
    const [probe] = await browser.scripting.executeScript({ target: { tabId }, func: hasLiveCopy });
    if (probe?.result === true) return;
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
  } catch {
    // A page the extension may not script (the web store, a PDF viewer, a page closed meanwhile).
  }
}

/** After an install or update: the tabs already open get the content script too, without a reload. */
export async function injectIntoOpenTabs(): Promise<void> {
  const open = await browser.tabs.query({ status: 'complete' });
  await Promise.all(open.map((tab) => (tab.id !== undefined && isInjectable(tab.url) ? injectContentScript(tab.id) : undefined)));
}
