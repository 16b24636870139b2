// Runs axe-core (the npm package, pinned) in a page and returns its violations, all impacts, as short
// lines. The script is evaluated through the driver (DevTools protocol), not injected as a <script>,
// so extension pages keep their content security policy untouched.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** The rules whose outcome depends on colours: all that can change between light and dark. */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * Violations of every impact within `include` (CSS selectors; the whole document by default), with
 * every rule, or only `rules` when given.
 */
export async function findAxeViolations(page: Page, include: string[] = [], rules?: string[]): Promise<string[]> {
  const source = await axeSource;
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(source);
  const violations = await page.evaluate(async ({ selectors, rules }) => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[]; passes: unknown[] }> } }).axe;
    const context = selectors.length ? { include: selectors.map((selector) => [selector]) } : document;
    const result = await axe.run(context, { resultTypes: ['violations'], ...(rules ? { runOnly: { type: 'rule', values: rules } } : {}) });
    // A scan that looked at nothing would pass anything: make sure rules did apply.
    if (result.passes.length === 0) throw new Error(`axe applied no rule to ${JSON.stringify(selectors)}`);
    return result.violations;
  }, { selectors: include, rules });
  return violations.flatMap((violation) => violation.nodes.map((node) =>
    `${violation.impact ?? 'n/a'} ${violation.id} (${violation.help}) at ${JSON.stringify(node.target)}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`));
}

/**
 * Text whose contrast with its background is below WCAG AA (4.5:1, or 3:1 for large text), inside the
 * open shadow root of `hostSelector`. axe cannot settle contrast there (it reports it "incomplete"), so
 * this measures it directly: the computed text colour against the nearest opaque background below it.
 */
export async function findLowContrastInShadow(page: Page, hostSelector: string): Promise<{ checked: number; low: string[] }> {
  // tsx names the arrow functions below through a __name() helper the page lacks: give it one.
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  return page.evaluate((selector) => {
    const root = document.querySelector(selector)?.shadowRoot;
    if (!root) return { checked: 0, low: [`no open shadow root on ${selector}`] };
    const rgb = (value: string) => (value.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
      const channel = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const low: string[] = [];
    let checked = 0;
    for (const element of root.querySelectorAll('*')) {
      const text = [...element.childNodes].filter((node) => node.nodeType === 3).map((node) => node.textContent ?? '').join('').trim();
      if (!text) continue;
      checked += 1;
      const style = getComputedStyle(element);
      let background: number[] | null = null;
      for (let node: Element | null = element; node && !background; node = node.parentElement) {
        const colour = rgb(getComputedStyle(node).backgroundColor);
        if (colour.length === 3 || (colour.length === 4 && colour[3] === 1)) background = colour.slice(0, 3);
      }
      const [l1, l2] = [luminance(rgb(style.color)), luminance(background ?? [255, 255, 255])].sort((a, b) => b - a);
      const ratio = (l1! + 0.05) / (l2! + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) low.push(`${ratio.toFixed(2)}:1 for “${text.slice(0, 40)}” (${style.color} on rgb(${background?.join(', ')}))`);
    }
    return { checked, low };
  }, hostSelector);
}
