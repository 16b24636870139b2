// Hostile pages in Chromium: the shared checks of hostile-page.e2e.ts through playwright-core.
import { test } from 'node:test';
import { launchChromium, suiteWith } from './harness';
import { defineHostileChecks } from './hostile-page.e2e';
import { playwrightPage } from './page-drivers';

const { session, fixtures } = suiteWith(() => launchChromium(process.env.DUAL_USE_CHROME_BUILD));


const env = () => ({ newPage: async () => playwrightPage(await session.context.newPage()), url: (path: string) => fixtures.url(path) });

for (const [name, check] of defineHostileChecks(env)) test(name, check);
