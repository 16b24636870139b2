// In-page annotations in Chromium: the shared checks of annotate.e2e.ts through playwright-core.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defineAnnotateChecks, readHighlights, type AnnotateEnv } from './annotate.e2e';
import { launchChromium, openPopup, suiteWith, waitFor } from './harness';
import { playwrightPage } from './page-drivers';

const { session, fixtures } = suiteWith(() => launchChromium());


const env = (): AnnotateEnv => ({
  newPage: async () => playwrightPage(await session.context.newPage()),
  url: (path) => fixtures.url(path),
  switchSite: async (pageUrl, on) => {
    const popup = await openPopup(session, await session.tabIdOf(pageUrl));
    const toggle = popup.locator('#site-switch');
    await toggle.waitFor({ state: 'visible' });
    if ((await toggle.isChecked()) !== on) await toggle.click();
    await popup.waitForTimeout(300);
    await popup.close();
  },
});

for (const [name, check] of defineAnnotateChecks(env)) test(name, check);

// Chromium only (page-session.ts, listen): leaving a page takes its highlights out first, so the next
// page does not pay for them; a page that stays (a cancelled navigation, a download) gets them back.
test('at beforeunload the marks are unpainted, and painted again when the page stays', async () => {
  const page = await session.context.newPage();
  try {
    await page.goto(fixtures.url('/annotate-article.html?leave'));
    const marks = await waitFor(() => readHighlights(playwrightPage(page)), (m) => m.length >= 5, 'marks');
    await page.evaluate(() => window.dispatchEvent(new Event('beforeunload')));
    assert.equal(await page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('dual-use')), false, 'unpainted');
    const again = await waitFor(() => readHighlights(playwrightPage(page)), (m) => m.length >= 5, 'the marks back', 5_000);
    assert.deepEqual([...again].sort(), [...marks].sort());
  } finally {
    await page.close();
  }
});
