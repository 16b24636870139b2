// The popup's lookup opened in a tab of its own (the context menu's "Look up … in Dual Use"):
// popup.html?q=<selection>[&tab=<the page's tab>], so clearing the search shows that page's findings.

/** The most of a selection the lookup takes (a selection can be a whole page). */
export const LOOKUP_MAX_CHARS = 200;

/** The extension path of the lookup for a selection, or null when the selection holds no word. */
export function lookupPath(selection: string, tabId?: number): string | null {
  const query = selection.replace(/\s+/gu, ' ').trim().slice(0, LOOKUP_MAX_CHARS).trim();
  if (!/[\p{L}\p{N}]/u.test(query)) return null;
  const params = new URLSearchParams({ q: query });
  if (tabId !== undefined && Number.isSafeInteger(tabId) && tabId >= 0) params.set('tab', String(tabId));
  return `/popup.html?${params.toString()}`;
}
