// In-page annotations, the same checks in Chromium (playwright-core) and Firefox (puppeteer-core):
// mentions marked and negatives not, page DOM unchanged, form fields and editable areas untouched,
// late content marked, tooltip on hover and by keyboard, the site switch honoured.
// The browser-specific files (annotate.chromium.e2e.ts, annotate.firefox.e2e.ts) adapt their driver to AnnotatePage.
import assert from 'node:assert/strict';
import { waitFor } from './harness';

/** The few page operations the checks need, implemented by each browser's driver. */
export interface AnnotatePage {
  goto(url: string): Promise<void>;
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  mouseMove(x: number, y: number): Promise<void>;
  /** Presses a key with modifiers, e.g. ['Alt', 'Shift'], 'KeyU'. */
  press(modifiers: string[], key: string): Promise<void>;
  close(): Promise<void>;
}

export interface AnnotateEnv {
  newPage(): Promise<AnnotatePage>;
  url(path: string): string;
  /** Turns annotations on or off for the fixture site through the popup's site switch. */
  switchSite(pageUrl: string, on: boolean): Promise<void>;
}

/** Texts of the ranges in a named highlight, read from the page's main world. */
export async function readHighlights(page: AnnotatePage, name = 'dual-use'): Promise<string[]> {
  return page.evaluate((highlightName: string) => {
    const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
    const highlight = registry?.get(highlightName);
    return highlight ? [...highlight].map((range) => range.toString()) : [];
  }, name);
}


const sorted = (list: string[]) => [...list].sort();

async function readTooltip(page: AnnotatePage) {
  return page.evaluate(() => {
    const host = document.querySelector('dual-use-tooltip') as HTMLElement | null;
    const card = host?.shadowRoot?.querySelector('.card');
    return {
      visible: !!host && getComputedStyle(host).display !== 'none',
      text: card?.textContent ?? '',
      role: card?.getAttribute('role') ?? '',
      label: card?.getAttribute('aria-label') ?? '',
      focused: !!host && host.shadowRoot?.activeElement === card,
      live: host?.shadowRoot?.querySelector('[role="status"]')?.textContent ?? '',
      links: [...(host?.shadowRoot?.querySelectorAll('a') ?? [])].map((a) => (a as HTMLAnchorElement).href),
    };
  }, null);
}

/** Every check, as named steps; each browser file registers them with node:test. */
export function defineAnnotateChecks(env: () => AnnotateEnv): Array<[string, () => Promise<void>]> {
  const EXPECTED = sorted(['Palantir', 'Palantir', 'Palantir', 'Microsoft Azure', 'Google']);
  return [
    ['mentions are marked (first 3 per company), negatives and untouchable text are not', async () => {
      const page = await env().newPage();
      try {
        await page.goto(env().url('/annotate-article.html'));
        const marks = await waitFor(() => readHighlights(page), (m) => m.length >= EXPECTED.length, 'marks');
        // Give late slices a moment: nothing more may appear.
        await new Promise((resolve) => setTimeout(resolve, 500));
        assert.deepEqual(sorted(await readHighlights(page)), EXPECTED);
        for (const never of ['Amazon', 'azure', 'windows', 'Oracle', 'Intel', 'Cisco', 'Nvidia', 'Anthropic', 'OpenAI', 'Anduril']) {
          assert.ok(!marks.some((m) => m.includes(never)), `${never} must not be marked`);
        }
      } finally {
        await page.close();
      }
    }],
    ['the page DOM, form fields and editable areas are left exactly as they were', async () => {
      const page = await env().newPage();
      try {
        await page.goto(env().url('/annotate-article.html'));
        await waitFor(() => readHighlights(page), (m) => m.length >= EXPECTED.length, 'marks');
        const state = await page.evaluate(() => ({
          same: document.body.innerHTML === (window as unknown as { __initialBody: string }).__initialBody,
          notes: (document.getElementById('notes') as HTMLTextAreaElement).value,
          field: (document.getElementById('field') as HTMLInputElement).value,
          editor: document.getElementById('editor')!.innerHTML,
          ownElementsInBody: document.body.querySelectorAll('dual-use-mark, dual-use-tooltip').length,
        }), null);
        assert.deepEqual(state, {
          same: true,
          notes: 'Oracle wrote this in a textarea',
          field: 'Intel in an input',
          editor: '<p>Nvidia inside an editable area</p>',
          ownElementsInBody: 0,
        });
      } finally {
        await page.close();
      }
    }],
    ['content added later (infinite scroll, single-page navigation) is marked', async () => {
      const page = await env().newPage();
      try {
        await page.goto(env().url('/annotate-late.html'));
        await waitFor(() => readHighlights(page), (m) => m.includes('Anduril'), 'the late post to be marked');
        await waitFor(() => readHighlights(page), (m) => m.includes('Oracle'), 'the second view to be marked');
      } finally {
        await page.close();
      }
    }],
    ['hovering a mark shows the tooltip with findings and https sources', async () => {
      const page = await env().newPage();
      try {
        await page.goto(env().url('/annotate-article.html'));
        await waitFor(() => readHighlights(page), (m) => m.length >= EXPECTED.length, 'marks');
        const point = await page.evaluate(() => {
          const highlight = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('dual-use')!;
          const range = [...highlight].find((r) => r.toString() === 'Microsoft Azure')!;
          const rect = range.getBoundingClientRect();
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }, null);
        await page.mouseMove(point.x - 40, point.y + 200);
        await page.mouseMove(point.x, point.y);
        const tooltip = await waitFor(() => readTooltip(page), (t) => t.visible && /finding/.test(t.text), 'the tooltip');
        assert.match(tooltip.text, /Microsoft/);
        assert.match(tooltip.text, /“Microsoft Azure” → Microsoft/, 'why it matched');
        assert.equal(tooltip.role, 'dialog');
        assert.match(tooltip.label, /Microsoft/);
        assert.ok(tooltip.links.length > 0 && tooltip.links.every((href) => href.startsWith('https://')), 'https source links');
        await page.mouseMove(5, 5);
        await waitFor(() => readTooltip(page), (t) => !t.visible, 'the tooltip to close when the pointer leaves');
      } finally {
        await page.close();
      }
    }],
    ['Alt+Shift+U moves to the next mark and opens the tooltip; Escape closes it', async () => {
      const page = await env().newPage();
      try {
        await page.goto(env().url('/annotate-article.html'));
        await waitFor(() => readHighlights(page), (m) => m.length >= EXPECTED.length, 'marks');
        await page.press(['Alt', 'Shift'], 'KeyU');
        const first = await waitFor(() => readTooltip(page), (t) => t.visible && /finding/.test(t.text), 'the tooltip');
        assert.ok(first.focused, 'the tooltip takes focus');
        assert.match(first.live, /Palantir: \d+ findings?/);
        assert.deepEqual(await readHighlights(page, 'dual-use-current'), ['Palantir']);
        await page.press(['Alt', 'Shift'], 'KeyU');
        await waitFor(() => readHighlights(page, 'dual-use-current'), (c) => c[0] === 'Microsoft Azure', 'the second mark');
        await page.press([], 'Escape');
        await waitFor(() => readTooltip(page), (t) => !t.visible, 'Escape to close the tooltip');
        assert.deepEqual(await readHighlights(page, 'dual-use-current'), []);
      } finally {
        await page.close();
      }
    }],
    ['a page that reports "complete" again (a fragment navigation) keeps its copy of the script: not walked again', async () => {
      const page = await env().newPage();
      try {
        await page.goto(env().url('/annotate-article.html'));
        await waitFor(() => readHighlights(page), (m) => m.length >= EXPECTED.length, 'marks');
        await page.evaluate(() => {
          (window as unknown as { __marksBefore: unknown }).__marksBefore = (CSS as unknown as { highlights: Map<string, unknown> }).highlights.get('dual-use');
          location.hash = 'again';
        }, null);
        await new Promise((resolve) => setTimeout(resolve, 2000));
        const same = await page.evaluate(
          () => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.get('dual-use') === (window as unknown as { __marksBefore: unknown }).__marksBefore,
          null,
        );
        assert.equal(same, true, 'the same highlight, not a new copy\'s');
        assert.deepEqual(sorted(await readHighlights(page)), EXPECTED);
      } finally {
        await page.close();
      }
    }],
    ['the site switch: off removes the marks and keeps the page untouched on reload; on marks it again', async () => {
      const page = await env().newPage();
      try {
        const url = env().url('/annotate-article.html');
        await page.goto(url);
        await waitFor(() => readHighlights(page), (m) => m.length >= EXPECTED.length, 'marks');
        await env().switchSite(url, false);
        await waitFor(() => readHighlights(page), (m) => m.length === 0, 'marks to be removed');
        await page.goto(url);
        await new Promise((resolve) => setTimeout(resolve, 1500));
        const registered = await page.evaluate(
          () => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('dual-use'),
          null,
        );
        assert.equal(registered, false, 'no highlight registered on a switched-off site');
        await env().switchSite(url, true);
        await waitFor(() => readHighlights(page), (m) => m.length === EXPECTED.length, 'marks to come back');
      } finally {
        await page.close();
      }
    }],
  ];
}
