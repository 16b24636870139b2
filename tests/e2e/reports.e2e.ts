// "This page reports" (issue 14), the same checks in Chromium and Firefox: the seed article's story
// (tests/fixtures/seed-story.html, its facts in our own words) puts its own findings first in the
// popup and the tooltip; a page served at a source's AMP address with tracking parameters is "cited";
// the "Report a problem" links carry the finding id. The browser files map www.next.ink to the
// fixture server and adapt their driver (reports.chromium.e2e.ts, reports.firefox.e2e.ts).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, waitFor } from './harness';
import type { AnnotatePage } from './annotate.e2e';

export const SEED_URL = 'https://next.ink/167498/israel-hamas-microsoft-a-largement-fourni-larmee-israelienne-en-cloud-et-ia/';
/** The three findings the seed article reports (issue 14). */
export const SEED_OWN = ['microsoft-azure-idf-units-2023-2025', 'microsoft-idf-engineering-support-10m', 'microsoft-rolling-stone-population-registry'];
/** Where the fixture copy of a source is served: its AMP address, on the mapped host. */
export const SOURCE_VARIANT_PATH = '/167498/israel-hamas-microsoft-a-largement-fourni-larmee-israelienne-en-cloud-et-ia/amp/?utm_source=mastodon&fbclid=x1#commentaires';

/** The findings of the shipped dataset that list the seed article among their sources. */
export function findingsCitingSeed(): string[] {
  const dir = join(ROOT, 'assets/dataset/findings');
  const files = ['amazon', 'google', 'microsoft'].map((vendor) => JSON.parse(readFileSync(join(dir, `${vendor}.json`), 'utf8')) as Array<{ id: string; sources: Array<{ url: string }> }>);
  return files.flat().filter((finding) => finding.sources.some((source) => source.url === SEED_URL)).map((finding) => finding.id).sort();
}

export interface PopupReading {
  busy: boolean;
  citedHeading: string;
  cited: string[];
  storyHeading: string;
  story: string[];
  /** finding id → "Found on this page: …" */
  terms: Record<string, string>;
  reportLinks: Array<{ finding: string; href: string; target: string; rel: string }>;
  copyButtons: number;
  /** Company name → its "Suggest this page as a source" address, for the companies that have one. */
  suggest: Record<string, string>;
}

/**
 * Runs in the popup page: what its report sections show. Self-contained, and without named inner
 * functions (tsx would wrap them in a __name() helper the page lacks).
 */
export function readPopupInPage(): PopupReading {
  const suggest: Record<string, string> = {};
  for (const company of document.querySelectorAll('.company')) {
    const link = company.querySelector('.suggest a') as HTMLAnchorElement | null;
    if (link) suggest[company.querySelector('h3 > span')?.textContent ?? ''] = link.href;
  }
  const terms: Record<string, string> = {};
  for (const node of document.querySelectorAll('.report-group article')) {
    terms[(node as HTMLElement).dataset.finding ?? ''] = node.querySelector('.terms')?.textContent ?? '';
  }
  return {
    busy: document.querySelector('main')?.getAttribute('aria-busy') !== 'false',
    citedHeading: document.querySelector('.report-cited h3')?.textContent ?? '',
    cited: [...document.querySelectorAll('.report-cited article')].map((node) => (node as HTMLElement).dataset.finding ?? ''),
    storyHeading: document.querySelector('.report-story h3')?.textContent ?? '',
    story: [...document.querySelectorAll('.report-story article')].map((node) => (node as HTMLElement).dataset.finding ?? ''),
    terms,
    reportLinks: [...document.querySelectorAll('a.report-problem')].map((node) => ({
      finding: (node.closest('article') as HTMLElement | null)?.dataset.finding ?? '',
      href: (node as HTMLAnchorElement).href,
      target: node.getAttribute('target') ?? '',
      rel: node.getAttribute('rel') ?? '',
    })),
    copyButtons: document.querySelectorAll('button.copy-text, button.copy-markdown').length,
    suggest,
  };
}

export interface ReportsEnv {
  newPage(): Promise<AnnotatePage>;
  url(path: string): string;
  /** The fixture server under the name of the seed article's site (www.next.ink mapped to it). */
  sourceHostUrl(path: string): string;
  /** Opens popup.html?tab=<the tab showing pageUrl>, reads it once it has rendered, closes it. */
  readPopup(pageUrl: string): Promise<PopupReading>;
}

async function readTooltipFindings(page: AnnotatePage) {
  return page.evaluate(() => {
    const host = document.querySelector('dual-use-tooltip') as HTMLElement | null;
    const root = host?.shadowRoot;
    return {
      visible: !!host && getComputedStyle(host).display !== 'none',
      titles: [...(root?.querySelectorAll('li .title') ?? [])].map((node) => node.textContent ?? ''),
      reported: [...(root?.querySelectorAll('li .page-report') ?? [])].map((node) => node.textContent ?? ''),
    };
  }, null);
}

const sorted = (list: readonly string[]) => [...list].sort();

export function defineReportChecks(env: () => ReportsEnv): Array<[string, () => Promise<void>]> {
  return [
    ['the seed story: its own findings first in the popup (with their terms) and in the tooltip; report links carry the finding id', async () => {
      const page = await env().newPage();
      try {
        const url = env().url('/seed-story.html');
        await page.goto(url);
        const popup = await waitFor(() => env().readPopup(url), (reading) => !reading.busy && reading.story.length >= 3, 'the popup to list the stories', 15_000);
        assert.deepEqual(sorted(popup.story.slice(0, 3)), sorted(SEED_OWN), `stories: ${popup.story.join(', ')}`);
        assert.equal(popup.cited.length, 0, 'a fixture address cites nothing');
        assert.match(popup.storyHeading, /This page appears to report/);
        assert.match(popup.terms['microsoft-azure-idf-units-2023-2025'] ?? '', /Unit 8200.*|Ofek/);
        for (const word of ['Ofek', 'Matspen', 'Sapir', 'Unit 8200']) assert.ok(popup.terms['microsoft-azure-idf-units-2023-2025']?.includes(word), word);
        assert.match(popup.terms['microsoft-idf-engineering-support-10m'] ?? '', /19,000 hours/);
        assert.match(popup.terms['microsoft-rolling-stone-population-registry'] ?? '', /Rolling Stone/);
        for (const id of SEED_OWN) {
          const link = popup.reportLinks.find((entry) => entry.finding === id);
          assert.ok(link, `a report link on ${id}`);
          const issue = new URL(link.href);
          assert.equal(`${issue.origin}${issue.pathname}`, 'https://github.com/dual-use/dual-use/issues/new');
          assert.match(issue.searchParams.get('body') ?? '', new RegExp(`^Finding: ${id}\\nPage: ${url.replace(/[.?]/g, '\\$&')}\\nDataset version: \\d+\\.\\d+\\.\\d+`));
          assert.equal(link.target, '_blank');
          assert.match(link.rel, /noopener/);
        }
        assert.ok(popup.copyButtons >= 6, 'copy buttons on each finding');
        // Microsoft's stories are told here; Amazon, Google and OpenAI are named without one of theirs: they may be offered the page.
        assert.deepEqual(Object.keys(popup.suggest).sort(), ['Amazon', 'Google', 'OpenAI']);
        const suggestion = new URL(popup.suggest.Google ?? '');
        assert.equal(`${suggestion.origin}${suggestion.pathname}`, 'https://github.com/dual-use/dual-use/issues/new');
        assert.match(suggestion.searchParams.get('body') ?? '', /^Company: google\nPage: http:\/\/127\.0\.0\.1:\d+\/seed-story\.html\nDataset version: /);

        // The tooltip, opened by keyboard on the first mark (Microsoft), leads with the stories.
        await page.press(['Alt', 'Shift'], 'KeyU');
        const tooltip = await waitFor(() => readTooltipFindings(page), (t) => t.visible && t.reported.length > 0, 'the tooltip to show reported findings');
        assert.equal(tooltip.reported.length, Math.min(3, tooltip.titles.length), `tooltip: ${JSON.stringify(tooltip)}`);
        assert.ok(tooltip.reported.every((text) => /This page reports it: /.test(text)), tooltip.reported.join(' / '));
      } finally {
        await page.close();
      }
    }],
    ['a page served at a source’s AMP address, with tracking parameters, is cited by every finding listing that source', async () => {
      const page = await env().newPage();
      try {
        const url = env().sourceHostUrl(SOURCE_VARIANT_PATH);
        await page.goto(url);
        const tabUrl = await page.evaluate(() => location.href, null);
        const expected = findingsCitingSeed();
        assert.ok(expected.length >= 3);
        const popup = await waitFor(() => env().readPopup(tabUrl), (reading) => !reading.busy && reading.cited.length > 0, 'the popup to list the citing findings', 15_000);
        assert.deepEqual(sorted(popup.cited), expected);
        assert.equal(popup.citedHeading, `This page is cited by ${expected.length} findings`);
      } finally {
        await page.close();
      }
    }],
  ];
}
