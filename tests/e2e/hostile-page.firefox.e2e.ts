// Hostile pages in Firefox ESR: the shared checks of hostile-page.e2e.ts through puppeteer-core.
import { test } from 'node:test';
import { launchFirefox, suiteWith } from './harness';
import { defineHostileChecks } from './hostile-page.e2e';
import { puppeteerPage } from './page-drivers';

const { session, fixtures } = suiteWith(() => launchFirefox());


const env = () => ({ newPage: async () => puppeteerPage(await session.browser.newPage()), url: (path: string) => fixtures.url(path) });

for (const [name, check] of defineHostileChecks(env)) test(name, check);
