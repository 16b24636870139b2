// The only caller of browser.action: one sober colour, per-tab text (contract in DESIGN.md).
import browser from 'webextension-polyfill';

const BADGE_BACKGROUND = '#3d4b5c';
const BADGE_TEXT = '#ffffff';

export function styleBadge(): void {
  void browser.action.setBadgeBackgroundColor({ color: BADGE_BACKGROUND }).catch(() => undefined);
  // setBadgeTextColor is missing in older browsers; white on slate is their default anyway.
  const action = browser.action as typeof browser.action & {
    setBadgeTextColor?: (details: { color: string }) => Promise<void>;
  };
  void action.setBadgeTextColor?.({ color: BADGE_TEXT })?.catch(() => undefined);
}

/** Sets one tab's badge; a tab closed meanwhile is not an error worth reporting. */
export async function showBadge(tabId: number, text: string): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text });
  } catch {
    // The tab is gone.
  }
}
