// The explore page in Firefox ESR: Microsoft's timeline has one mark per Microsoft finding and the
// table the same rows, and the CSV export (read from the blob the page hands to its download link)
// has the columns, a byte-order mark and the accents.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CSV_COLUMNS } from '../../lib/dataset/csv';
import { loadExploreIndex, parseCsv, vendorFindingIds } from './explore-expectations';
import { gotoFirefoxExtensionPage, launchFirefox, type FirefoxSession } from './harness';

let session: FirefoxSession;

before(async () => {
  session = await launchFirefox(process.env.DUAL_USE_FIREFOX_BUILD);
});

after(async () => {
  await session?.close();
});

test('Microsoft’s timeline and table, and its CSV export', async () => {
  const page = await session.browser.newPage();
  await gotoFirefoxExtensionPage(page, session.extensionUrl('explore.html#vendor=microsoft'));
  await page.waitForSelector('main[aria-busy="false"]');
  const expected = (await vendorFindingIds('microsoft')).sort();
  const marks = await page.$$eval('svg.timeline [data-finding]', (nodes) => nodes.map((node) => node.getAttribute('data-finding') ?? '').sort());
  assert.deepEqual(marks, expected);
  const rows = await page.$$eval('#timeline-table tbody tr', (nodes) => nodes.map((node) => node.getAttribute('data-finding-row') ?? '').sort());
  assert.deepEqual(rows, expected);

  // Catch the file the page offers: the Blob it turns into a URL for its <a download> (the page's CSP
  // forbids fetching blob: URLs). Anonymous functions: tsx would wrap named ones in a missing __name().
  await page.evaluate(() => {
    const saved = globalThis as unknown as { exported?: Promise<{ name: string; bytes: number[] }>; blob?: Blob };
    const createObjectURL = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      saved.blob = blob as Blob;
      return createObjectURL(blob);
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      const name = this.download;
      saved.exported = saved.blob!.arrayBuffer().then((buffer) => ({ name, bytes: [...new Uint8Array(buffer)] }));
    };
  });
  await page.click('#export-csv');
  const file = await page.evaluate(() => (globalThis as unknown as { exported: Promise<{ name: string; bytes: number[] }> }).exported);
  assert.match(file.name, /^dual-use-vendor-microsoft-.*\.csv$/);
  assert.deepEqual(file.bytes.slice(0, 3), [0xef, 0xbb, 0xbf]);
  const table = parseCsv(Buffer.from(file.bytes).toString('utf8').slice(1));
  assert.deepEqual(table[0], [...CSV_COLUMNS]);
  assert.deepEqual(table.slice(1).map((row) => row[0]).sort(), expected);
  const index = await loadExploreIndex();
  const titleFr = CSV_COLUMNS.indexOf('title_fr');
  for (const row of table.slice(1)) assert.equal(row[titleFr], index.findingsById.get(row[0]!)!.title.fr);
  await page.close();
});
