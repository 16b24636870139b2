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

/** Violations of every impact within `include` (CSS selectors; the whole document by default). */
export async function findAxeViolations(page: Page, include: string[] = []): Promise<string[]> {
  const source = await axeSource;
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(source);
  const violations = await page.evaluate(async (selectors) => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[]; passes: unknown[] }> } }).axe;
    const context = selectors.length ? { include: selectors.map((selector) => [selector]) } : document;
    const result = await axe.run(context, { resultTypes: ['violations'] });
    // A scan that looked at nothing would pass anything: make sure rules did apply.
    if (result.passes.length === 0) throw new Error(`axe applied no rule to ${JSON.stringify(selectors)}`);
    return result.violations;
  }, include);
  return violations.flatMap((violation) => violation.nodes.map((node) =>
    `${violation.impact ?? 'n/a'} ${violation.id} (${violation.help}) at ${JSON.stringify(node.target)}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`));
}
