// End-to-end harness: a static server for tests/fixtures and launchers that load the built extension
// into Debian's Chromium (playwright-core) and Firefox ESR (puppeteer-core). Nothing here downloads a browser.
//
// Test files are named *.chromium.e2e.ts or *.firefox.e2e.ts: scripts/test.sh runs each group with
// `node --import tsx --test` against its browser's build (a shared module may be named otherwise).
// Helpers:
//   serveFixtures()            → { origin, url(path), close() }: tests/fixtures on http://127.0.0.1:<random port>
//   launchChromium(path?, { extraArgs, backForwardCache }) → { context, extensionId, serviceWorker, extensionUrl(path), tabIdOf(url), close() }
//                                 loads .output/chrome-mv3; the extension id is the service worker URL's host
//   openPopup(chromium, tabId) → Page showing popup.html?tab=<tabId> in a tab of its own (DESIGN.md contract)
//   reloadChromiumExtension(chromium) → reloads the extension (as an update does) and waits for its new worker
//   allowChromiumIncognito(chromium) → lets the extension run in incognito windows (Chromium reloads it for that)
//   stopChromiumServiceWorker(chromium) → stops the worker as chrome://serviceworker-internals does (an idle stop)
//   runningChromiumWorker(chromium) → the extension's current service worker, started if need be
//   readChromiumBadge(chromium, tabId) → a tab's badge text, through that worker
//   launchFirefox(path?, { extraPrefs }) → { browser, extensionId, uuid, extensionUrl(path), tabIdOf(url), close() }
//                                 installs .output/firefox-mv3 as a temporary add-on; the moz-extension:// UUID
//                                 is fixed in advance through the `extensions.webextensions.uuids` preference
//   openFirefoxPopup(firefox, tabId) → puppeteer Page showing popup.html?tab=<tabId>
//   gotoFirefoxExtensionPage(page, url) → loads a moz-extension:// page (puppeteer's goto never sees it finish)
//   allowFirefoxPrivateBrowsing(firefox) → grants "Run in Private Windows" and reloads the add-on
//   reloadFirefoxAddon(firefox) → reloads the add-on as an update does (Firefox injects its content scripts again)
//   dumpIndexedDbInPage        → pass to evaluate() in an extension page or worker: every IndexedDB store as JSON
//   startRecordingProxy()      → { address, seen, close() }: a proxy that logs and refuses everything
// Both launchers fail with a message naming the package to install when the browser is missing.
import { createServer, type Server } from 'node:http';
import { after, before } from 'node:test';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import puppeteer, { type Browser as PuppeteerBrowser, type Page as PuppeteerPage } from 'puppeteer-core';

export const ROOT = resolve(import.meta.dirname, '../..');

/** Polls `read` every 100 ms until `ok` accepts its value; fails after `timeoutMs` with the last value seen. */
export async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  return last;
}
export const FIXTURES_DIR = join(ROOT, 'tests/fixtures');
export const CHROME_BUILD = join(ROOT, '.output/chrome-mv3');
export const FIREFOX_BUILD = join(ROOT, '.output/firefox-mv3');
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const FIREFOX_PATH = '/usr/bin/firefox-esr';
/** The gecko id declared in wxt.config.ts. */
export const FIREFOX_ADDON_ID = 'dual-use@dual-use.invalid';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** The slice of the tabs API the harness calls inside the browser (chrome.* in Chromium, browser.* in Firefox). */
interface TabsApi {
  tabs: { query(query: object): Promise<Array<{ id?: number; url?: string }>> };
}

export interface FixtureServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  url(path: string): string;
  /** Every path requested so far, in order (lets tests see what pages loaded). */
  requested: string[];
  close(): Promise<void>;
}

/** Serves tests/fixtures read-only on 127.0.0.1 at a random free port. */
export async function serveFixtures(dir = FIXTURES_DIR): Promise<FixtureServer> {
  const requested: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    requested.push(path);
    const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dir + sep)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(body);
      },
      () => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fixture server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (path) => new URL(path, origin).href,
    requested,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/**
 * Runs inside the browser (pass it to evaluate() in an extension page or worker): every record of every
 * IndexedDB store of that origin, one "db/store: JSON" string per store. Self-contained on purpose.
 */
export async function dumpIndexedDbInPage(): Promise<string[]> {
  const dump: string[] = [];
  for (const { name } of await indexedDB.databases()) {
    if (!name) continue;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    for (const store of db.objectStoreNames) {
      const all = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      dump.push(`${name}/${store}: ${JSON.stringify(all)}`);
    }
    db.close();
  }
  return dump;
}

export interface RecordingProxy {
  /** host:port to pass to --proxy-server. */
  address: string;
  /** Every request that reached the proxy: "METHOD url" (CONNECT shows host:port). */
  seen: string[];
  close(): Promise<void>;
}

/**
 * An HTTP proxy that records and refuses every request. With Chromium's --proxy-server pointing at it,
 * any request the browser sends beyond loopback (where the fixture server lives) is seen here.
 */
/** Firefox preferences that send every request except loopback through a proxy at `address` (host:port). */
export function firefoxProxyPrefs(address: string): Record<string, unknown> {
  const [host, port] = address.split(':');
  return {
    'network.proxy.type': 1,
    'network.proxy.http': host,
    'network.proxy.http_port': Number(port),
    'network.proxy.ssl': host,
    'network.proxy.ssl_port': Number(port),
    'network.proxy.share_proxy_settings': true,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': false,
  };
}

export async function startRecordingProxy(): Promise<RecordingProxy> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(502).end();
  });
  server.on('connect', (req, socket) => {
    seen.push(`CONNECT ${req.url}`);
    // Chromium may hang up first (ECONNRESET): the request is already recorded, nothing else to do.
    socket.on('error', () => undefined);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no port');
  return {
    address: `127.0.0.1:${address.port}`,
    seen,
    close: () => new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}

async function requireBuild(dir: string, browserName: string): Promise<void> {
  const manifest = join(dir, 'manifest.json');
  if (!existsSync(manifest)) {
    throw new Error(`${manifest} is missing: build the ${browserName} extension first (npm run build)`);
  }
}

function requireBrowser(path: string, debianPackage: string): void {
  if (!existsSync(path)) {
    throw new Error(`${path} is missing. Install it: apt-get update && apt-get install -y ${debianPackage}`);
  }
}

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  /** The worker found at launch; after a reload or stop, use runningChromiumWorker(). */
  serviceWorker: Worker;
  extensionUrl(path: string): string;
  /** Tab id of the first tab whose URL equals `url` (asked through the service worker). */
  tabIdOf(url: string): Promise<number>;
  close(): Promise<void>;
}

/** Launches headless Chromium with the built extension loaded (TOOLCHAIN.md recipe). */
export async function launchChromium(
  extensionPath = CHROME_BUILD,
  options: { extraArgs?: string[]; backForwardCache?: boolean } = {},
): Promise<ChromiumSession> {
  requireBrowser(CHROMIUM_PATH, 'chromium');
  await requireBuild(extensionPath, 'Chrome');
  const profile = await mkdtemp(join(tmpdir(), 'dual-use-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Playwright turns the back-forward cache off; a reader's browser has it on.
    ...(options.backForwardCache ? { ignoreDefaultArgs: ['--disable-back-forward-cache'] } : {}),
    args: [
      `--disable-extensions-except=${extensionPath}`,
      `--load-extension=${extensionPath}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.extraArgs ?? []),
    ],
  });
  try {
    const serviceWorker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    // The worker exists before its script has run: wait for it (its listeners registered), as in a
    // reader's running browser. A page that finishes loading while the extension is being installed
    // may miss both the install's injection and its own `complete`; it is scripted at its next load.
    await serviceWorker.evaluate(() => true);
    const extensionId = new URL(serviceWorker.url()).host;
    const session: ChromiumSession = {
      context,
      extensionId,
      serviceWorker,
      extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
      tabIdOf: async (url) => {
        const id = await (await runningChromiumWorker(session)).evaluate(
          async (wanted) => {
            const api = (globalThis as unknown as { chrome: TabsApi }).chrome;
            return (await api.tabs.query({})).find((tab) => tab.url === wanted)?.id ?? null;
          },
          url,
        );
        if (id === null) throw new Error(`no Chromium tab shows ${url}`);
        return id;
      },
      close: async () => {
        await context.close();
        await rm(profile, { recursive: true, force: true });
      },
    };
    return session;
  } catch (error) {
    await context.close();
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Reloads the extension the way an update does (chrome.runtime.reload() in its worker) and resolves with the
 * new worker. Chromium 156 disables a reloaded command-line extension ("unsupported developer extension")
 * unless developer mode is on, so this turns it on first. Old content scripts stay in their pages, cut off.
 */
export async function reloadChromiumExtension(session: ChromiumSession): Promise<Worker> {
  await configureChromiumExtension(session, null);
  return whileReloading(session, async (old) => {
    // The worker dies while answering: the evaluation itself may fail.
    await old.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
  });
}

/** Lets the extension run in incognito windows ("spanning": the same worker sees both); resolves with its new worker. */
export async function allowChromiumIncognito(session: ChromiumSession): Promise<Worker> {
  return whileReloading(session, () => configureChromiumExtension(session, { incognitoAccess: true }));
}

/** Turns developer mode on, then applies `change` to the extension, through chrome://extensions' own API. */
async function configureChromiumExtension(session: ChromiumSession, change: object | null): Promise<void> {
  type DeveloperPrivate = {
    updateProfileConfiguration(c: object): Promise<void>;
    updateExtensionConfiguration(c: object): Promise<void>;
  };
  const settings = await session.context.newPage();
  try {
    await settings.goto('chrome://extensions/');
    await settings.evaluate(async ({ extensionId, change }) => {
      const api = (globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } }).chrome.developerPrivate;
      await api.updateProfileConfiguration({ inDeveloperMode: true });
      if (change) await api.updateExtensionConfiguration({ extensionId, ...change });
    }, { extensionId: session.extensionId, change });
  } finally {
    await settings.close();
  }
}

async function whileReloading(session: ChromiumSession, reload: (old: Worker) => Promise<void>): Promise<Worker> {
  const old = await runningChromiumWorker(session);
  const next = session.context.waitForEvent('serviceworker', { predicate: (w) => w !== old, timeout: 15_000 });
  await reload(old);
  const worker = await next;
  session.serviceWorker = worker;
  return worker;
}

/**
 * Stops the extension's service worker with chrome://serviceworker-internals' Stop button, as Chromium does to
 * an idle worker (CDP's ServiceWorker.stopAllWorkers and Target.closeTarget leave extension workers running).
 * Resolves once the page reports it STOPPED; the next event or message starts a fresh worker.
 */
export async function stopChromiumServiceWorker(session: ChromiumSession): Promise<void> {
  const internals = await session.context.newPage();
  try {
    await internals.goto('chrome://serviceworker-internals/');
    const scope = `chrome-extension://${session.extensionId}/`;
    const entry = internals.locator('.serviceworker-registration').filter({ hasText: scope });
    await entry.getByRole('button', { name: 'Stop' }).first().click();
    await internals.waitForFunction(
      (wanted) => [...document.querySelectorAll('.serviceworker-registration')]
        .some((node) => node.textContent?.includes(wanted) && /Running Status:\s*STOPPED/.test((node as HTMLElement).innerText)),
      scope,
      { timeout: 10_000 },
    );
  } finally {
    await internals.close();
  }
}

/** The extension's running service worker: the newest one that answers (a stopped worker's handle never does). */
export async function runningChromiumWorker(session: ChromiumSession, timeoutMs = 10_000): Promise<Worker> {
  const deadline = Date.now() + timeoutMs;
  const prefix = `chrome-extension://${session.extensionId}/`;
  while (Date.now() < deadline) {
    const workers = session.context.serviceWorkers().filter((w) => w.url().startsWith(prefix)).reverse();
    for (const worker of workers) {
      const alive = await Promise.race([
        worker.evaluate(() => true).catch(() => false),
        new Promise<boolean>((done) => setTimeout(() => done(false), 500)),
      ]);
      if (alive) return worker;
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`no running service worker for ${prefix} within ${timeoutMs} ms`);
}

/** A tab's badge text, read through the extension's running worker (Chromium shows it to nothing else). */
export async function readChromiumBadge(session: ChromiumSession, tabId: number): Promise<string> {
  const worker = await runningChromiumWorker(session);
  return worker.evaluate(
    (id) => (globalThis as unknown as { chrome: { action: { getBadgeText(d: { tabId: number }): Promise<string> } } }).chrome.action.getBadgeText({ tabId: id }),
    tabId,
  );
}

/** Opens popup.html?tab=<tabId> in a new tab (the popup contract lets tests drive it outside the toolbar). */
export async function openPopup(session: ChromiumSession, tabId?: number): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(session.extensionUrl(tabId === undefined ? 'popup.html' : `popup.html?tab=${tabId}`));
  return page;
}

export interface FirefoxSession {
  browser: PuppeteerBrowser;
  /** The add-on id Firefox reports after installing (the gecko id). */
  extensionId: string;
  /** Host of the extension's moz-extension:// URLs, fixed by preference before launch. */
  uuid: string;
  extensionUrl(path: string): string;
  /** Tab id of the first tab whose URL equals `url` (asked from an extension page). */
  tabIdOf(url: string): Promise<number>;
  close(): Promise<void>;
}

/** Launches headless Firefox ESR and installs the built extension as a temporary add-on. */
export async function launchFirefox(
  extensionPath = FIREFOX_BUILD,
  options: { extraPrefs?: Record<string, unknown> } = {},
): Promise<FirefoxSession> {
  requireBrowser(FIREFOX_PATH, 'firefox-esr');
  await requireBuild(extensionPath, 'Firefox');
  // Firefox picks a random moz-extension:// UUID per profile unless this preference names one.
  const uuid = crypto.randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // WebDriver BiDi refuses to navigate to moz-extension:// pages unless system access is allowed.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: uuid }),
      // Keep Firefox quiet on the network: no telemetry, updates, or captive-portal probes.
      'app.update.enabled': false,
      'network.captive-portal-service.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      ...options.extraPrefs,
    },
  });
  try {
    const extensionId = await browser.installExtension(extensionPath);
    const extensionUrl = (path: string) => `moz-extension://${uuid}/${path.replace(/^\//, '')}`;
    return {
      browser,
      extensionId,
      uuid,
      extensionUrl,
      tabIdOf: async (url) => {
        const page = await browser.newPage();
        try {
          await gotoFirefoxExtensionPage(page, extensionUrl('popup.html'));
          const id = await page.evaluate(async (wanted: string) => {
            const api = (globalThis as unknown as { browser: TabsApi }).browser;
            return (await api.tabs.query({})).find((tab) => tab.url === wanted)?.id ?? null;
          }, url);
          if (id === null) throw new Error(`no Firefox tab shows ${url}`);
          return id;
        } finally {
          await page.close();
        }
      },
      close: async () => {
        await browser.close();
      },
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * Grants the add-on "Run in Private Windows" as about:addons does, then reloads it (its UUID stays).
 */
export function allowFirefoxPrivateBrowsing(session: FirefoxSession): Promise<void> {
  return inAboutAddons(session, { id: session.extensionId, grantPrivate: true });
}

/** Reloads the add-on (what an update does): its pages and content scripts start again; its UUID stays. */
export function reloadFirefoxAddon(session: FirefoxSession): Promise<void> {
  return inAboutAddons(session, { id: session.extensionId, grantPrivate: false });
}

/**
 * Runs AddonManager code in about:addons, a privileged page: with --remote-allow-system-access, puppeteer
 * can evaluate its chrome code. Optionally grants private browsing (ExtensionPermissions), then reloads.
 */
async function inAboutAddons(session: FirefoxSession, task: { id: string; grantPrivate: boolean }): Promise<void> {
  const page = await session.browser.newPage();
  try {
    // The page moves to the parent process: puppeteer's goto reports a detached frame, the page loads anyway.
    page.goto('about:addons', { timeout: 10_000 }).catch(() => undefined);
    const deadline = Date.now() + 15_000;
    while ((await page.evaluate(() => 'ChromeUtils' in globalThis && document.readyState === 'complete').catch(() => false)) !== true) {
      if (Date.now() > deadline) throw new Error('about:addons did not load with chrome privileges within 15 s');
      await new Promise((done) => setTimeout(done, 100));
    }
    await page.evaluate(async ({ id, grantPrivate }: { id: string; grantPrivate: boolean }) => {
      type Module = Record<string, { add?(id: string, p: object): Promise<void>; getAddonByID?(id: string): Promise<{ reload(): Promise<void> }> }>;
      // No named inner functions: tsx would wrap them in a __name() helper that this page lacks.
      const chromeUtils = (globalThis as unknown as { ChromeUtils: { importESModule(url: string): Module } }).ChromeUtils;
      const { ExtensionPermissions } = chromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
      const { AddonManager } = chromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
      if (grantPrivate) await ExtensionPermissions!.add!(id, { permissions: ['internal:privateBrowsingAllowed'], origins: [] });
      await (await AddonManager!.getAddonByID!(id)).reload();
    }, task);
  } finally {
    await page.close();
  }
}

/** Opens popup.html?tab=<tabId> in a new Firefox tab. */
export async function openFirefoxPopup(session: FirefoxSession, tabId?: number): Promise<PuppeteerPage> {
  const page = await session.browser.newPage();
  await gotoFirefoxExtensionPage(page, session.extensionUrl(tabId === undefined ? 'popup.html' : `popup.html?tab=${tabId}`));
  return page;
}

/**
 * Navigates a Firefox tab to a moz-extension:// page. The page loads in the extension process and
 * puppeteer never sees that navigation finish (page.url() stays about:blank), so we start it
 * without waiting and poll the document itself until it is the page we asked for, fully loaded.
 */
export async function gotoFirefoxExtensionPage(page: PuppeteerPage, url: string): Promise<void> {
  page.goto(url, { timeout: 10_000 }).catch(() => undefined);
  const deadline = Date.now() + 15_000;
  // Evaluations can fail while the tab switches process; those attempts just count as "not yet".
  while (Date.now() < deadline) {
    const state = await page
      .evaluate(() => `${document.readyState} ${location.href}`)
      .catch(() => null);
    if (state === `complete ${url}`) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`Firefox did not finish loading ${url} within 15 s`);
}

/**
 * The browser session and the fixture server of a whole test file: launched before its first test,
 * closed after its last. Both are read inside tests (a use before the suite started throws).
 */
export function suiteWith<S extends { close(): Promise<void> }>(launch: () => Promise<S>): { session: S; fixtures: FixtureServer } {
  let session: S | null = null;
  let fixtures: FixtureServer | null = null;
  before(async () => {
    fixtures = await serveFixtures();
    session = await launch();
  });
  after(async () => {
    await session?.close();
    await fixtures?.close();
  });
  const started = <T extends object>(read: () => T | null, what: string): T =>
    new Proxy({} as T, {
      get: (_target, key) => {
        const value = read();
        if (!value) throw new Error(`${what} is used before the suite started`);
        return Reflect.get(value, key) as unknown;
      },
    });
  return { session: started(() => session, 'the browser session'), fixtures: started(() => fixtures, 'the fixture server') };
}
