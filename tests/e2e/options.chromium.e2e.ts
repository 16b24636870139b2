// Options page in Chromium: a refused import shows role="alert" and changes nothing; a filter
// change is saved and survives a reload; a valid settings import applies.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from './harness';

let session: ChromiumSession;

before(async () => {
  session = await launchChromium();
});

after(async () => {
  await session?.close();
});

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
