// What pages report, on the real dataset: the seed article's story (retold in our own words in
// tests/fixtures/seed-story.html) ranks its own findings first; at its address every finding citing
// it is "cited"; pages that only name our companies (product news, a shop) report nothing. Then the
// scoring rules on a small dataset, with English and French figures.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileScanContext, scanDocument } from '../cli/scan';
import { readDatasetBundle } from '../dataset/bundle-file';
import { parseBundledDataset } from '../dataset/bundled';
import { makeFinding, sampleDataset } from '../present/test-data';
import { extractVisibleText } from '../text/html-to-text';
import { buildReportIndex, listPageReports, reportTermLabels } from './page-reports';
import { createStoryScanner, STORY_CHARS_PER_PAGE } from './story-index';

const bundledDataset = parseBundledDataset(readDatasetBundle());
const context = compileScanContext(bundledDataset);
const SEED_URL = 'https://next.ink/167498/israel-hamas-microsoft-a-largement-fourni-larmee-israelienne-en-cloud-et-ia/';
const SEED_OWN = ['microsoft-azure-idf-units-2023-2025', 'microsoft-idf-engineering-support-10m', 'microsoft-rolling-stone-population-registry'];
const seedText = extractVisibleText(readFileSync(new URL('../../tests/fixtures/seed-story.html', import.meta.url), 'utf8'));

const PRODUCT_NEWS = `Microsoft showed new Copilot features for Windows 11 and Teams on Tuesday, and said Azure OpenAI
Service now offers GPT-4o in more regions at lower prices. HoloLens 2 gets a software update. Google answered with
Gemini 2.5 on Google Cloud and Vertex AI, while Amazon Web Services cut prices for its Bedrock service. Oracle and
IBM reported quarterly results; analysts had expected $70 billion in revenue across the sector in October 2025.`;

const SHOP_PAGE = `Deals of the week. Microsoft Surface Pro 11, 256 GB: $999. Xbox Series X: $449. HoloLens 2 Industrial
Edition: $4,950, free delivery. Amazon Echo Dot (5th gen): $29.99. Google Pixel 9 with Gemini: €799. Office 365
Personal, 12 months: €99. Add to cart — customers who bought this also bought a USB-C hub. Offre valable jusqu'au
31 décembre 2025, dans la limite des stocks : 10 % de remise sur Windows 11 Pro.`;

describe('the seed article', () => {
  it('as a page, ranks its own three findings first, all as stories', () => {
    const { reports, vendors } = scanDocument(context, 'seed', null, seedText);
    expect(vendors).toEqual(expect.arrayContaining(['microsoft', 'google', 'amazon']));
    expect(reports.slice(0, 3).map((report) => report.finding).sort()).toEqual([...SEED_OWN].sort());
    expect(reports.every((report) => report.why === 'story')).toBe(true);
    const units = reports.find((report) => report.finding === 'microsoft-azure-idf-units-2023-2025');
    expect(units?.terms).toEqual(expect.arrayContaining(['Unit 8200', 'Ofek', 'Matspen', 'Sapir']));
    const hours = reports.find((report) => report.finding === 'microsoft-idf-engineering-support-10m');
    expect(hours?.terms.slice(0, 2).sort()).toEqual(['$10 million', '19,000 hours']);
  });

  it('at its address with tracking parameters, lists every finding citing it as cited, its own first', () => {
    const { reports } = scanDocument(context, 'seed', `${SEED_URL}?utm_source=mastodon&utm_medium=social#commentaires`, seedText);
    const citing = bundledDataset.findings.filter((finding) => finding.sources.some((source) => source.url === SEED_URL)).map((finding) => finding.id);
    expect(citing.length).toBeGreaterThanOrEqual(3);
    const cited = reports.filter((report) => report.why === 'cited').map((report) => report.finding);
    expect([...cited].sort()).toEqual([...citing].sort());
    expect(reports.slice(0, cited.length).every((report) => report.why === 'cited')).toBe(true);
    expect(cited.slice(0, 3).sort()).toEqual([...SEED_OWN].sort());
  });

  it('is read for its story in the first STORY_CHARS_PER_PAGE characters of a page, as the extension reads it', () => {
    // Filler of words no story has, then the seed text: past the limit, its story is not read.
    const sentence = 'A weather report on local gardens and bridges. ';
    const filler = sentence.repeat(Math.ceil(STORY_CHARS_PER_PAGE / sentence.length));
    const late = scanDocument(context, 'late', null, `${filler}\n${seedText}`);
    expect(late.reports).toEqual([]);
    expect(late.vendors).toEqual(expect.arrayContaining(['microsoft'])); // its names are still read
    const early = scanDocument(context, 'early', null, `${seedText}\n${filler}`);
    expect(early.reports.slice(0, 3).map((report) => report.finding).sort()).toEqual([...SEED_OWN].sort());
  });

  it('in French labels, the terms read as French does', () => {
    const index = buildReportIndex(bundledDataset);
    const scanner = createStoryScanner(index.stories);
    scanner.add(seedText);
    const [units] = listPageReports(index, { url: null, found: scanner.found(), candidates: SEED_OWN });
    expect(units?.finding).toBe('microsoft-azure-idf-units-2023-2025');
    const hours = listPageReports(index, { url: null, found: scanner.found(), candidates: ['microsoft-idf-engineering-support-10m'] })[0]!;
    expect(reportTermLabels(index, hours.terms, 'fr')).toEqual(expect.arrayContaining(['19 000 heures', '10 millions de dollars']));
  });
});

describe('pages that only name our companies report nothing', () => {
  it.each([
    ['product news', PRODUCT_NEWS],
    ['a shopping page', SHOP_PAGE],
  ])('%s', (_name, text) => {
    const { vendors, findings, reports } = scanDocument(context, 'page', 'https://shop.example.com/deals', text);
    expect(vendors.length).toBeGreaterThanOrEqual(3);
    expect(findings.length).toBeGreaterThan(10);
    expect(reports).toEqual([]);
  });
});

describe('scoring, English and French figures', () => {
  const dataset = {
    entities: sampleDataset.entities,
    findings: [
      makeFinding({
        id: 'hours', vendor: 'microsoft', products: ['Azure'],
        title: { en: 'Ministry bought 19,000 hours of support', fr: 'Le ministère a acheté 19 000 heures de support' },
        summary: { en: 'It paid $10 million.', fr: 'Il a payé 10 millions de dollars.' },
      }),
      makeFinding({ id: 'units', vendor: 'microsoft', units: ['Unit 8200', 'Ofek'], products: ['Azure'], date: '2025-01-23' }),
      makeFinding({ id: 'nimbus', vendor: 'google', products: ['Nimbus'], amount: { value: 1_200_000_000, currency: 'USD', shared: true }, date: '2021-04' }),
      ...['a', 'b', 'c', 'd'].map((id) => makeFinding({ id: `filler-${id}`, vendor: 'microsoft', products: ['Azure'] })),
    ],
  };
  const index = buildReportIndex(dataset);
  const reportsOf = (text: string, candidates = dataset.findings.map((finding) => finding.id)) => {
    const scanner = createStoryScanner(index.stories);
    for (const chunk of text.split('\n')) scanner.add(chunk);
    return listPageReports(index, { url: null, found: scanner.found(), candidates }).map((report) => `${report.finding}: ${reportTermLabels(index, report.terms, 'en').join(', ')}`);
  };

  it.each([
    ['English figures', 'The ministry spent $10 million on 19,000 hours of Azure support.', ['hours: 19,000 hours, $10 million, Azure']],
    ['French figures', 'Le ministère a dépensé 10 millions de dollars pour 19 000 heures de support Azure.', ['hours: 19,000 hours, $10 million, Azure']],
    ['French figures with narrow no-break spaces', 'payé 10\u00a0millions de dollars pour 19\u202f000 heures', ['hours: 19,000 hours, $10 million']],
    ['compact English', 'US$10M for 19,000 hours', ['hours: 19,000 hours, $10 million']],
    ['units, across chunks', 'Unit 8200 moved its data.\nThe Ofek unit too, as Tsahal said.', ['units: Unit 8200, Ofek, Israel Defense Forces']],
    ['French units', "l'unité 8200 et l'unité Ofek", ['units: Unit 8200, Ofek']],
    ['one figure alone is not enough', 'It paid $10 million.', []],
    ['a different figure tells nothing', 'It paid $12 million for 19,500 hours.', []],
    ['products and customers alone tell nothing', 'Azure, Azure and the IDF (Tsahal).', []],
    ['a shared programme and its shared figure', 'Nimbus, a $1.2 billion contract', ['nimbus: $1.2B, Nimbus']],
  ])('%s', (_name, text, expected) => {
    expect(reportsOf(text)).toEqual(expected);
  });

  it('only the companies on the page are candidates', () => {
    expect(reportsOf('Unit 8200 and Ofek', ['hours', 'nimbus'])).toEqual([]);
  });
});
