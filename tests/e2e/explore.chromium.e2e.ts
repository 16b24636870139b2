// The explore page in Chromium: Microsoft's timeline has one mark per Microsoft finding (its
// subsidiaries' included) and its table the same rows; a customer page lists the companies that
// supply it; the filters narrow all of them; search ignores accents; the list renders only what is
// on screen; marks open their finding from the keyboard; CSV and JSON exports; the popup's links.
// Expected values come from the dataset through lib/ (tests/e2e/explore-expectations.ts).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { CSV_COLUMNS } from '../../lib/dataset/csv';
import { selectFindings } from '../../lib/explore/view-model';
import { defaultSettings } from '../../lib/settings';
import { customerVendorIds, loadExploreIndex, parseCsv, vendorFindingIds } from './explore-expectations';
import { launchChromium, openPopup, readChromiumBadge, suiteWith, waitFor } from './harness';

const { session, fixtures } = suiteWith(() => launchChromium());

async function openExplore(hash = '', page?: Page): Promise<Page> {
  const explore = page ?? (await session.context.newPage());
  await explore.goto(session.extensionUrl(`explore.html${hash}`));
  await explore.waitForSelector('main[aria-busy="false"]');
  return explore;
}

const markIds = (page: Page) => page.$$eval('svg.timeline [data-finding]', (marks) => marks.map((mark) => mark.getAttribute('data-finding') ?? '').sort());
const tableIds = (page: Page) => page.$$eval('#timeline-table tbody tr', (rows) => rows.map((row) => row.getAttribute('data-finding-row') ?? '').sort());
const linkedIds = (page: Page, list: string, prefix: string) => page.$$eval(`#${list} a`, (links, p) =>
  links.map((link) => decodeURIComponent(link.getAttribute('href') ?? '').replace(p, '')).sort(), prefix);

test('Microsoft’s timeline has one mark per Microsoft finding, subsidiaries included, and the table the same rows', async () => {
  const expected = (await vendorFindingIds('microsoft')).sort();
  // Counted independently of the view model: every finding whose vendor is Microsoft or one of its subsidiaries.
  const index = await loadExploreIndex();
  const family = new Set(index.dataset.entities.filter((entity) => index.topOf(entity.id) === 'microsoft').map((entity) => entity.id));
  assert.ok(family.has('github') && family.has('linkedin'), 'subsidiaries belong to the family');
  assert.deepEqual(expected, index.dataset.findings.filter((finding) => family.has(finding.vendor)).map((finding) => finding.id).sort());
  const page = await openExplore('#vendor=microsoft');
  assert.deepEqual(await markIds(page), expected);
  assert.deepEqual(await tableIds(page), expected);
  assert.equal(await page.locator('svg.timeline a[data-finding]').count(), expected.length, 'every mark is a link');
  assert.match((await page.locator('svg.timeline').getAttribute('aria-label')) ?? '', /Microsoft/);
  // Drawn again for a narrower window: every mark still inside the visible box, one per finding.
  const widthBefore = Number(await page.locator('svg.timeline').getAttribute('width'));
  await page.setViewportSize({ width: 700, height: 800 });
  await waitFor(() => page.locator('svg.timeline').getAttribute('width'), (width) => Number(width) < widthBefore, 'the timeline to be laid out again');
  const outside = await page.evaluate(() => {
    const box = document.querySelector('.timeline-scroll')!.getBoundingClientRect();
    return [...document.querySelectorAll('svg.timeline [data-finding]')]
      .filter((mark) => mark.getBoundingClientRect().right > box.right + 1).map((mark) => mark.getAttribute('data-finding'));
  });
  assert.deepEqual(outside, []);
  assert.deepEqual(await markIds(page), expected);
  await page.close();
});

test('a customer page lists the companies that supply it', async () => {
  const page = await openExplore('#customer=israel-defense-forces');
  const expected = await customerVendorIds('israel-defense-forces');
  assert.ok(expected.length >= 2);
  assert.deepEqual(await linkedIds(page, 'vendor-list', '#vendor='), expected);
  // Its timeline has a row per company, and a mark per finding.
  assert.equal(await page.locator('svg.timeline [data-finding]').count(), await page.locator('#timeline-table tbody tr').count());
  await page.close();
});

test('the filters narrow the list, the timeline, the table and the customer page', async () => {
  const filters = { ...defaultSettings.filters, kinds: ['ai' as const] };
  const index = await loadExploreIndex();
  const page = await openExplore('#vendor=microsoft');
  await page.locator('#filters > summary').click();
  await page.locator('#filters fieldset', { hasText: 'Kinds' }).getByLabel(/^AI/).check();
  const expected = (await vendorFindingIds('microsoft', filters)).sort();
  assert.ok(expected.length > 0 && expected.length < (await vendorFindingIds('microsoft')).length);
  await waitFor(() => markIds(page), (ids) => ids.length === expected.length, 'the timeline to narrow');
  assert.deepEqual(await markIds(page), expected);
  assert.deepEqual(await tableIds(page), expected);

  await openExplore('#customer=israel-defense-forces', page);
  assert.deepEqual(await linkedIds(page, 'vendor-list', '#vendor='), await customerVendorIds('israel-defense-forces', filters));

  await openExplore('', page);
  const listed = selectFindings(index, filters, '', 'date-desc').length;
  await waitFor(() => page.textContent('#view-count'), (text) => (text ?? '').startsWith(`${listed} of `), 'the list count');
  // The reader's filters are the same everywhere: the options page counts the same.
  const options = await session.context.newPage();
  await options.goto(session.extensionUrl('options.html'));
  assert.match((await options.locator('#filters .count').textContent()) ?? '', new RegExp(`^${listed} of `));
  await options.close();
  await page.locator('#filters > summary').click();
  await page.locator('#clear-filters').click();
  await waitFor(() => page.textContent('#view-count'), (text) => text === `${index.dataset.findings.length} findings`, 'all findings again');
  await page.close();
});

test('search covers titles, summaries, units, products and publishers, ignoring accents and case', async () => {
  const index = await loadExploreIndex();
  const page = await openExplore();
  const count = async (query: string) => {
    await page.fill('#explore-query', query);
    const expected = selectFindings(index, defaultSettings.filters, query, 'date-desc').length;
    const text = await waitFor(() => page.textContent('#view-count'), (t) => t === (expected === 0 ? 'No finding matches.' : expected === 1 ? '1 finding' : `${expected} findings`), `the count for ${query}`);
    return { expected, text };
  };
  // Queries taken from the dataset itself: an accented word of a French summary, a unit, a publisher.
  const word = index.dataset.findings.flatMap((finding) => finding.summary.fr.split(/[^\p{L}]+/u))
    .find((candidate) => candidate.length >= 6 && /[éèêàç]/.test(candidate))!;
  const plain = word.normalize('NFD').replace(/\p{M}/gu, '');
  const unit = index.dataset.findings.find((finding) => finding.units?.length)!.units![0]!;
  const publisher = index.dataset.findings[0]!.sources[0]!.publisher;
  const accented = await count(word);
  assert.ok(accented.expected > 0, `"${word}" is found`);
  assert.equal((await count(plain)).expected, accented.expected, `accents ignored (${plain})`);
  assert.equal((await count(word.toLocaleUpperCase('fr'))).expected, accented.expected, 'case ignored');
  assert.ok((await count(unit)).expected > 0, `units (${unit})`);
  assert.ok((await count(publisher)).expected > 0, `publishers (${publisher})`);
  assert.equal((await count('zzzz-nothing')).expected, 0);
  await page.close();
});

test('the list renders only the rows on screen, each saying its place, and sorts', async () => {
  const index = await loadExploreIndex();
  const page = await openExplore();
  await page.setViewportSize({ width: 1000, height: 700 });
  const total = index.dataset.findings.length;
  const rendered = await page.locator('#finding-list > li').count();
  assert.ok(rendered > 0 && rendered < total, `${rendered} of ${total} rows in the document`);
  assert.equal(await page.locator('#finding-list > li').first().getAttribute('aria-setsize'), String(total));
  // Tab walks row after row past the ones rendered at first: each focused row brings the next ones in.
  await page.locator('#finding-list > li[aria-posinset="1"] a').focus();
  for (let presses = 0; presses < rendered + 5; presses++) await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('aria-posinset')), String(rendered + 6));
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await waitFor(() => page.locator(`#finding-list > li[aria-posinset="${total}"]`).count(), (n) => n === 1, 'the last row after scrolling');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.selectOption('#explore-sort', 'amount');
  const first = selectFindings(index, defaultSettings.filters, '', 'amount')[0]!;
  await waitFor(() => page.locator('#finding-list > li[aria-posinset="1"] a').textContent(), (text) => text === first.title.en, 'amount order');
  await page.close();
});

test('a timeline mark is reached with Tab and opens its finding with Enter', async () => {
  const page = await openExplore('#vendor=microsoft');
  let focused = '';
  for (let presses = 0; presses < 120 && !focused; presses++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.getAttribute('data-finding') ?? '');
  }
  assert.ok(focused, 'Tab reaches a mark');
  const index = await loadExploreIndex();
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => location.hash === `#finding=${id}`, focused);
  await waitFor(() => page.evaluate(() => document.activeElement?.tagName ?? ''), (tag) => tag === 'H1', 'focus on the finding’s title');
  assert.equal(await page.locator('h1').textContent(), index.findingsById.get(focused)!.title.en);
  const sources = await page.$$eval('.finding-card .sources a', (links) => links.map((link) => (link as HTMLAnchorElement).href));
  assert.ok(sources.length > 0 && sources.every((href) => href.startsWith('https://')));
  assert.equal(await page.locator('.permalink').getAttribute('href'), `#finding=${focused}`);
  // Copy citation, as in the popup: the finding's title first, its sources after, announced.
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.click('.finding-card button.copy-text');
  await page.waitForFunction(() => document.getElementById('announce')?.textContent === 'Citation copied.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.startsWith(index.findingsById.get(focused)!.title.en), copied.slice(0, 80));
  assert.match(copied, /\nSources:\n- .+, “.+”, .+, https:\/\//u);
  await page.close();
});

test('the CSV export has the columns, one row per finding, and the accents; the JSON export the same findings', async () => {
  const index = await loadExploreIndex();
  const expected = await vendorFindingIds('microsoft');
  const page = await openExplore('#vendor=microsoft');
  const download = async (button: string) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
  };
  const csv = await download('#export-csv');
  assert.match(csv.name, /^dual-use-vendor-microsoft-\d{4}-\d{2}-\d{2}\.csv$/);
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  const rows = parseCsv(csv.bytes.toString('utf8').slice(1));
  assert.deepEqual(rows[0], [...CSV_COLUMNS]);
  assert.deepEqual(rows.slice(1).map((row) => row[0]).sort(), [...expected].sort());
  const titleFr = rows[0]!.indexOf('title_fr');
  for (const row of rows.slice(1)) {
    assert.equal(row.length, CSV_COLUMNS.length);
    assert.equal(row[titleFr], index.findingsById.get(row[0]!)!.title.fr, 'French titles as written');
  }
  assert.ok(rows.some((row) => /[éèàçù]/.test(row[titleFr] ?? '')), 'accented titles survive');

  const json = JSON.parse((await download('#export-json')).bytes.toString('utf8')) as { format: string; findings: { id: string }[] };
  assert.equal(json.format, 'dual-use-explore');
  assert.deepEqual(json.findings.map((finding) => finding.id), expected);
  await page.close();
});

test('the popup links each company to its timeline and the whole record to the explore page', async () => {
  const article = await session.context.newPage();
  await article.goto(fixtures.url('/popup-palantir-microsoft.html'));
  const tabId = await session.tabIdOf(fixtures.url('/popup-palantir-microsoft.html'));
  await waitFor(() => readChromiumBadge(session, tabId), (text) => text === '2', 'the page to report its companies');
  const popup = await openPopup(session, tabId);
  await waitFor(() => popup.locator('.company').count(), (n) => n >= 1, 'a company in the popup');
  const hrefs = await popup.$$eval('.timeline-link', (links) => links.map((link) => link.getAttribute('href')));
  assert.ok(hrefs.includes('explore.html#vendor=microsoft'), hrefs.join(', '));
  assert.equal(await popup.locator('#open-explore').getAttribute('href'), 'explore.html');
  const [opened] = await Promise.all([
    session.context.waitForEvent('page'),
    popup.locator('.company', { hasText: 'Microsoft' }).locator('.timeline-link').click(),
  ]);
  await opened.waitForSelector('main[aria-busy="false"]');
  assert.equal(await opened.locator('h1').textContent(), 'Microsoft');
  await opened.close();
  await popup.close();
  await article.close();
});
