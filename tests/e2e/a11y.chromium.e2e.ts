// Accessibility, measured: axe-core finds no violation of any impact on the popup (with findings,
// with a search), the options page, the explore pages (list, company, customer, finding) and the
// in-page tooltip, each in the light and the dark colour scheme (every rule in light; in dark, the
// rules about colour, the only ones a colour scheme can change: the page's structure is the same).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { COLOUR_RULES, findAxeViolations, findLowContrastInShadow } from './axe';
import { launchChromium, openPopup, readChromiumBadge, suiteWith, waitFor } from './harness';

const { session, fixtures } = suiteWith(() => launchChromium());
const SCHEMES = ['light', 'dark'] as const;

async function expectNoViolations(page: Page, what: string, include: string[] = [], everyRuleInDark = false): Promise<void> {
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    const violations = await findAxeViolations(page, include, scheme === 'dark' && !everyRuleInDark ? COLOUR_RULES : undefined);
    assert.deepEqual(violations, [], `${what} (${scheme}): ${violations.length} violation(s)\n${violations.join('\n')}`);
  }
}

test('the popup, with findings and with a search', async () => {
  const article = await session.context.newPage();
  await article.goto(fixtures.url('/popup-palantir-microsoft.html'));
  const tabId = await session.tabIdOf(fixtures.url('/popup-palantir-microsoft.html'));
  await waitFor(() => readChromiumBadge(session, tabId), (text) => text === '2', 'the page to report its companies');
  const popup = await openPopup(session, tabId);
  await popup.setViewportSize({ width: 400, height: 600 });
  await waitFor(() => popup.locator('.company').count(), (n) => n >= 2, 'the companies of the page');
  await expectNoViolations(popup, 'popup with findings');
  await popup.fill('#query', 'Tsahal');
  await waitFor(() => popup.textContent('#results-count'), (text) => /match/.test(text ?? ''), 'search results');
  await expectNoViolations(popup, 'popup with a search');
  await popup.close();
  await article.close();
});

test('the options page', async () => {
  const page = await session.context.newPage();
  await page.goto(session.extensionUrl('options.html'));
  await page.locator('#filters .count').waitFor();
  await expectNoViolations(page, 'options');
  await page.close();
});

test('the explore pages: list, company, customer, finding', async () => {
  const page = await session.context.newPage();
  for (const [name, hash] of [
    ['list', ''], ['company', '#vendor=microsoft'], ['customer', '#customer=israel-defense-forces'],
    ['finding', '#finding=microsoft-azure-idf-units-2023-2025'],
  ] as const) {
    await page.goto(session.extensionUrl(`explore.html${hash}`));
    await page.waitForSelector('main[aria-busy="false"]');
    // With the filters unfolded, so their controls are checked too.
    await page.locator('#filters > summary').click();
    await expectNoViolations(page, `explore ${name}`);
  }
  await page.close();
});

test('the tooltip on a page', async () => {
  const page = await session.context.newPage();
  await page.goto(fixtures.url('/annotate-article.html'));
  await page.waitForFunction(() => ((CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get('dual-use')?.size ?? 0) > 0);
  await page.keyboard.press('Alt+Shift+KeyU');
  await page.waitForFunction(() => /finding/.test(document.querySelector('dual-use-tooltip')?.shadowRoot?.textContent ?? ''));
  // axe leaves the contrast of text in the shadow root undetermined; it is measured separately below.
  await expectNoViolations(page, 'tooltip', ['dual-use-tooltip'], true);
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    const contrast = await findLowContrastInShadow(page, 'dual-use-tooltip');
    assert.ok(contrast.checked >= 5, `the tooltip's texts were measured (${contrast.checked})`);
    assert.deepEqual(contrast.low, [], `tooltip text contrast (${scheme})`);
  }
  await page.close();
});
