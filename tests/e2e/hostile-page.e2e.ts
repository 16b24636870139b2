// Hostile pages in real browsers (tests/fixtures/hostile-page.html?mode=…), where the page's own
// world and the content script's isolated world (Chromium) or Xray-wrapped view (Firefox) really are
// apart: a page that freezes the DOM prototypes and makes the methods we use throw, one that defines
// <dual-use-tooltip> as its own custom element, one that removes our elements as soon as they
// appear, and one that navigates (pushState) while the scan of a long page is under way. Marks,
// keyboard access and the tooltip must keep working where the page lets them, and nothing of ours
// may break the page. hostile-page.chromium.e2e.ts and hostile-page.firefox.e2e.ts run these checks.
import assert from 'node:assert/strict';
import { waitFor } from './harness';
import { readHighlights, type AnnotatePage } from './annotate.e2e';

export interface HostileEnv {
  newPage(): Promise<AnnotatePage>;
  url(path: string): string;
}

const LEAD = ['Google', 'Microsoft Azure', 'Palantir'];


/** Our tooltip, whatever tag of our family it had to use: visible, and its text. */
function readTooltip(page: AnnotatePage) {
  return page.evaluate(() => {
    const host = [...document.querySelectorAll('*')].find((el) => el.tagName.startsWith('DUAL-USE-TOOLTIP') && el.shadowRoot?.querySelector('.card')) as HTMLElement | undefined;
    return {
      tag: host?.tagName.toLowerCase() ?? '',
      visible: !!host && getComputedStyle(host).display !== 'none',
      text: host?.shadowRoot?.querySelector('.card')?.textContent ?? '',
    };
  }, null);
}

/** A value the fixture page keeps on its window. */
function pageValue<T>(page: AnnotatePage, name: string): Promise<T> {
  return page.evaluate((key: string) => (window as unknown as Record<string, T>)[key] as T, name);
}

export function defineHostileChecks(env: () => HostileEnv): Array<[string, () => Promise<void>]> {
  const open = async (mode: string) => {
    const page = await env().newPage();
    await page.goto(env().url(`/hostile-page.html?mode=${mode}`));
    return page;
  };
  const nextMark = (page: AnnotatePage) => page.press(['Alt', 'Shift'], 'KeyU');
  return [
    ['a page with frozen prototypes and throwing DOM methods: marks, keyboard and tooltip still work', async () => {
      const page = await open('frozen');
      try {
        await waitFor(() => readHighlights(page), (m) => m.length >= LEAD.length, 'marks');
        assert.deepEqual([...(await readHighlights(page))].sort(), LEAD);
        await nextMark(page);
        const tooltip = await waitFor(() => readTooltip(page), (t) => t.visible && /finding/.test(t.text), 'the tooltip');
        assert.match(tooltip.text, /Palantir/);
        assert.deepEqual(await pageValue(page, '__pageErrors'), []);
      } finally {
        await page.close();
      }
    }],
    ['a page that defines <dual-use-tooltip> itself: the tooltip is still ours', async () => {
      const page = await open('hijack');
      try {
        await waitFor(() => readHighlights(page), (m) => m.length >= LEAD.length, 'marks');
        await nextMark(page);
        const tooltip = await waitFor(() => readTooltip(page), (t) => t.visible && /finding/.test(t.text), 'the tooltip');
        // Where the browser upgrades our element with the page's definition, we must have moved to a tag of our own.
        if ((await pageValue<number>(page, '__hijacked')) > 0) assert.match(tooltip.tag, /^dual-use-tooltip-[a-z0-9]+$/);
        assert.deepEqual(await pageValue(page, '__pageErrors'), []);
      } finally {
        await page.close();
      }
    }],
    ['a page that removes our elements: marks stay, keyboard navigation still moves, nothing breaks', async () => {
      const page = await open('remover');
      try {
        await waitFor(() => readHighlights(page), (m) => m.length >= LEAD.length, 'marks');
        await nextMark(page);
        await waitFor(() => readHighlights(page, 'dual-use-current'), (c) => c[0] === 'Palantir', 'the first mark to be current');
        await nextMark(page);
        await waitFor(() => readHighlights(page, 'dual-use-current'), (c) => c[0] === 'Microsoft Azure', 'the second mark');
        assert.ok((await pageValue<number>(page, '__removed')) >= 1, 'the page removed our tooltip host');
        await page.press([], 'Escape');
        await waitFor(() => readHighlights(page, 'dual-use-current'), (c) => c.length === 0, 'Escape to clear the current mark');
        assert.deepEqual([...(await readHighlights(page))].sort(), LEAD);
        assert.deepEqual(await pageValue(page, '__pageErrors'), []);
      } finally {
        await page.close();
      }
    }],
    ['a page that navigates in the middle of the scan ends up with the new view marked, only', async () => {
      const page = await open('spa');
      try {
        await waitFor(() => pageValue<number | null>(page, '__navigatedAt'), (n) => n !== null, 'the page to navigate');
        assert.ok((await pageValue<number>(page, '__navigatedAt')) > 0, 'it navigated once marks existed');
        await waitFor(() => readHighlights(page), (m) => m.length === 1 && m[0] === 'Oracle', 'only the new view marked');
        assert.deepEqual(await pageValue(page, '__pageErrors'), []);
      } finally {
        await page.close();
      }
    }],
  ];
}
