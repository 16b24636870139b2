// Options page in Chromium: a refused import shows role="alert" and changes nothing; a filter
// change is saved and survives a reload; a valid settings import applies; a company filtered out
// in the options disappears from the badge and the popup of an open tab without reloading it.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { launchChromium, openPopup, readChromiumBadge, suiteWith } from './harness';

const { session, fixtures } = suiteWith(() => launchChromium());

const readBadge = (tabId: number) => readChromiumBadge(session, tabId);

async function waitForBadge(tabId: number, accept: (text: string) => boolean, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = await readBadge(tabId);
  while (!accept(text) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    text = await readBadge(tabId);
  }
  return text;
}

/** Findings of one company the popup of a tab shows (it may still name the company with "0 of N shown"). */
async function countFindingsShown(tabId: number, company: string): Promise<number> {
  const popup = await openPopup(session, tabId);
  await popup.waitForSelector('main[aria-busy="false"]');
  const shown = await popup.$$eval('section.company', (sections, name) => sections
    .filter((section) => section.querySelector('h3 > span:first-child')?.textContent === name)
    .reduce((n, section) => n + section.querySelectorAll('article.finding').length, 0), company);
  await popup.close();
  return shown;
}

async function openOptions(): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(session.extensionUrl('options.html'));
  await page.locator('#filters .count').waitFor();
  return page;
}

/** Everything a refused import must leave untouched: dataset facts, the count, every control's state. */
async function snapshot(page: Page): Promise<string> {
  return page.evaluate(() => {
    const facts = document.querySelector('.facts')?.textContent ?? '';
    const count = document.querySelector('#filters .count')?.textContent ?? '';
    const controls = [...document.querySelectorAll('input, select')].map((c) => {
      const input = c as HTMLInputElement;
      return input.type === 'checkbox' || input.type === 'radio' ? String(input.checked) : input.type === 'file' ? '' : input.value;
    });
    return JSON.stringify({ facts, count, controls });
  });
}

const badFiles: [string, Buffer, RegExp][] = [
  ['truncated JSON', Buffer.from('{"version": "x", "entities": [{"id": "a"'), /truncated|tronqué/],
  ['binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), /binary|binaire/],
  ['wrong shape', Buffer.from('{"hello": "world"}'), /neither|ni un/],
  ['hostile markup', Buffer.from(JSON.stringify({ format: 'dual-use-settings', version: 1, settings: { sites: ['<img src=x onerror=alert(1)>'] } })), /markup|balisage/],
  ['unknown setting', Buffer.from(JSON.stringify({ format: 'dual-use-settings', version: 1, settings: { telemetry: true } })), /telemetry/],
];

for (const [name, content, message] of badFiles) {
  test(`a refused import (${name}) is named in role=alert and nothing changes`, async () => {
    const page = await openOptions();
    const before = await snapshot(page);
    await page.setInputFiles('#import-file', { name: 'import.json', mimeType: 'application/json', buffer: content });
    const alert = page.getByRole('alert');
    await alert.filter({ hasText: /./ }).waitFor();
    assert.match((await alert.textContent()) ?? '', message);
    assert.equal(await page.locator('img').count(), 0, 'nothing from the file became markup');
    assert.equal(await snapshot(page), before);
    await page.reload();
    await page.locator('#filters .count').waitFor();
    assert.equal(await snapshot(page), before, 'the stored data is unchanged too');
    await page.close();
  });
}

test('a filter change is saved and survives a reload', async () => {
  const page = await openOptions();
  const count = page.locator('#filters .count');
  const before = await count.textContent();
  const firstKind = page.locator('#filters fieldset').nth(1).locator('input[type=checkbox]').first();
  await firstKind.check();
  await page.getByRole('status').filter({ hasText: /Saved|Enregistré/ }).waitFor();
  const after = await count.textContent();
  assert.notEqual(after, before, 'the live count follows the filter');
  await page.reload();
  await count.waitFor();
  assert.equal(await count.textContent(), after);
  assert.equal(await page.locator('#filters fieldset').nth(1).locator('input[type=checkbox]').first().isChecked(), true);
  await page.getByRole('button', { name: /Clear all filters|Effacer tous les filtres/ }).click();
  await page.waitForFunction((text) => document.querySelector('#filters .count')?.textContent === text, before);
  await page.close();
});

test('a valid settings file is imported and applied', async () => {
  const page = await openOptions();
  const settings = { format: 'dual-use-settings', version: 1, settings: { siteMode: 'only-on', sites: ['example.org'] } };
  await page.setInputFiles('#import-file', { name: 'settings.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(settings)) });
  await page.getByRole('status').filter({ hasText: /Settings imported|Réglages importés/ }).waitFor();
  assert.equal(await page.locator('.site-list li').count(), 1);
  assert.equal(await page.locator('[role=alert]').textContent(), '', 'no refusal shown');
  await page.close();
});

test('a company filtered out in the options leaves the badge and the popup of an open tab', async () => {
  // Back to default settings (an earlier test limits marks to example.org) through a settings import.
  const options = await openOptions();
  const defaults = { format: 'dual-use-settings', version: 1, settings: {} };
  await options.setInputFiles('#import-file', { name: 'defaults.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(defaults)) });
  await options.getByRole('status').filter({ hasText: /Settings imported|Réglages importés/ }).waitFor();

  const article = await session.context.newPage();
  await article.goto(fixtures.url('/popup-palantir-microsoft.html'));
  const tabId = await session.tabIdOf(fixtures.url('/popup-palantir-microsoft.html'));
  const before = await waitForBadge(tabId, (text) => text !== '');
  assert.notEqual(before, '', 'Microsoft is counted before filtering');
  assert.ok((await countFindingsShown(tabId, 'Microsoft')) > 0, 'the popup shows Microsoft findings before filtering');

  // Show only Google: Microsoft (and anything else the page names) is filtered out.
  await options.bringToFront();
  await options.locator('#filters fieldset').first().getByLabel(/^Google/).check();
  await options.getByRole('status').filter({ hasText: /Saved|Enregistré/ }).waitFor();
  assert.equal(await waitForBadge(tabId, (text) => text === ''), '', 'the badge empties without a reload');
  assert.equal(await countFindingsShown(tabId, 'Microsoft'), 0, 'no Microsoft finding in the popup');

  await options.getByRole('button', { name: /Clear all filters|Effacer tous les filtres/ }).click();
  assert.equal(await waitForBadge(tabId, (text) => text === before), before, 'clearing the filter brings it back');
  await options.close();
  await article.close();
});

test('a valid dataset file is imported, and one click resets to the bundled dataset', async () => {
  const page = await openOptions();
  const bundledFacts = await page.locator('.facts').textContent();
  const dataset = {
    version: '9.8.7',
    publishers: [{ id: 'associated-press', name: 'Associated Press', domains: ['apnews.com'], kind: 'news-agency' }],
    entities: [{ id: 'microsoft', name: 'Microsoft', type: 'vendor', country: 'US', parent: null, aliases: ['Microsoft'], products: [], domains: ['microsoft.com'], ambiguous: [] }],
    findings: [{
      id: 'microsoft-e2e', vendor: 'microsoft', customer: null, kind: 'policy', title: { en: 'T', fr: 'T' }, summary: { en: 'S', fr: 'S' },
      date: '2024', status: 'reported', reviewed: '2026-01-01',
      sources: [{ publisher: 'Associated Press', publisherId: 'associated-press', title: 'Headline', url: 'https://apnews.com/x', date: '2024-02-01', lang: 'en', original: true, verified: 'read' }],
    }],
  };
  await page.setInputFiles('#import-file', { name: 'dataset.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(dataset)) });
  await page.getByRole('status').filter({ hasText: /Dataset 9.8.7 imported|Données 9.8.7 importées/ }).waitFor();
  assert.match((await page.locator('#filters .count').textContent()) ?? '', /^1 of 1 /);
  assert.match((await page.locator('.facts').textContent()) ?? '', /9\.8\.7/);
  await page.getByRole('button', { name: /Reset to the bundled dataset|Revenir aux données fournies/ }).click();
  await page.getByRole('status').filter({ hasText: /bundled dataset is active|fournies avec l’extension/ }).waitFor();
  assert.equal(await page.locator('.facts').textContent(), bundledFacts);
  assert.equal(await page.getByRole('button', { name: /Reset to the bundled dataset/ }).isDisabled(), true);
  await page.close();
});

test('sites are added as registrable domains and removed by keyboard', async () => {
  const page = await openOptions();
  const input = page.getByLabel(/Site \(for example/);
  await input.fill('https://www.News.Example.co.uk/article?id=1');
  await input.press('Enter');
  await page.locator('.site-list li', { hasText: 'example.co.uk' }).waitFor();
  await input.fill('not a site');
  await input.press('Enter');
  assert.match((await page.locator('.field-error').first().textContent()) ?? '', /not a web site/);
  await page.reload();
  await page.locator('#filters .count').waitFor();
  const remove = page.getByRole('button', { name: 'Remove example.co.uk' });
  await remove.focus();
  await page.keyboard.press('Enter');
  await page.locator('.site-list li', { hasText: 'example.co.uk' }).waitFor({ state: 'detached' });
  await page.close();
});

test('settings and the active dataset export as JSON files that import back', async () => {
  const page = await openOptions();
  const readDownload = async (button: RegExp) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), json: JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown> };
  };
  const settings = await readDownload(/Export settings|Exporter les réglages/);
  assert.equal(settings.name, 'dual-use-settings.json');
  assert.equal(settings.json.format, 'dual-use-settings');
  const dataset = await readDownload(/Export dataset|Exporter les données/);
  assert.match(dataset.name, /^dual-use-dataset-.+\.json$/);
  assert.ok(Array.isArray(dataset.json.findings) && dataset.json.findings.length > 0);
  assert.match((await page.locator('.facts').textContent()) ?? '', new RegExp(String(dataset.json.version).replace(/\./g, '\\.')));
  // The exported dataset is accepted back as it is.
  await page.setInputFiles('#import-file', { name: 'again.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(dataset.json)) });
  await page.getByRole('status').filter({ hasText: /imported|importées/ }).waitFor();
  assert.equal(await page.locator('[role=alert]').textContent(), '');
  await page.getByRole('button', { name: /Reset to the bundled dataset/ }).click();
  await page.close();
});
