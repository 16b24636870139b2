// Takes the README screenshot: the popup for a fixture article, rendered by the built Chrome extension
// in Debian's Chromium. Run after `npm run build`: npx tsx scripts/screenshot.ts [fixture.html] [out.png]
import { join } from 'node:path';
import { launchChromium, openPopup, ROOT, serveFixtures } from '../tests/e2e/harness';

const fixture = process.argv[2] ?? 'index.html';
const out = process.argv[3] ?? join(ROOT, 'docs/popup.png');

const fixtures = await serveFixtures();
const session = await launchChromium();
try {
  const article = await session.context.newPage();
  await article.goto(fixtures.url(`/${fixture}`));
  await article.waitForTimeout(1500); // the content script scans and reports its mentions
  const popup = await openPopup(session, await session.tabIdOf(fixtures.url(`/${fixture}`)));
  await popup.setViewportSize({ width: 420, height: 640 });
  await popup.waitForLoadState('load');
  await popup.waitForTimeout(800);
  await popup.screenshot({ path: out });
  console.log(out);
} finally {
  await session.close();
  await fixtures.close();
}
