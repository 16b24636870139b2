// @vitest-environment happy-dom
// Hostile pages against the whole session (PageSession): pages that remove or replace our tooltip
// host, lose their body, break DOM methods (attachShadow, appendChild, insertBefore throwing),
// hijack our tag name with a custom element, redefine customElements, and pages that navigate or
// lose the extension context in the middle of a scan; a page left (beforeunload) and one that names no company. In happy-dom the "page" shares our world,
// which is harsher than a real browser's isolated world. Frozen prototypes are tested in a real browser
// only (tests/e2e/hostile-page.chromium.e2e.ts): frozen, they break happy-dom itself.
// Nothing may throw (vitest fails on uncaught errors and unhandled rejections) and, where the
// page still lets us, it is left exactly as it was.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readDatasetBundle } from '../dataset/bundle-file';
import { parseBundledDataset } from '../dataset/bundled';
import type { Request } from '../messaging';
import { PageSession, type SessionHost } from './page-session';
import { createLocalReader } from './test-reader';
import { Tooltip, TOOLTIP_TAG } from './tooltip';

const BUNDLED = parseBundledDataset(readDatasetBundle());
const mention = { vendor: 'microsoft', entity: 'microsoft', alias: 'Microsoft', start: 0, end: 9 };
const rect = () => new DOMRect(10, 10, 40, 16);

function makeTooltip() {
  return new Tooltip({ document, lang: 'en', nameOf: (id) => id, onOpenList: () => undefined, onClose: () => undefined });
}

/** Our tooltip hosts in the page: elements of our tag family carrying our card in an open shadow root. */
function ourHosts(): Element[] {
  return [...document.querySelectorAll('*')].filter((el) => el.tagName.startsWith('DUAL-USE-TOOLTIP') && el.shadowRoot?.querySelector('.card'));
}

interface Harness {
  session: PageSession;
  controller: AbortController;
  sent: Request[];
  slices: number[];
  /** Errors that escaped into a timer callback (uncaught in a real page): must stay empty. */
  uncaught: unknown[];
  /** Errors the session caught and reported (a page breaking the DOM under our walk). */
  reported: unknown[];
  navigate: () => void;
  runFor: (ms: number) => Promise<void>;
}

const harnesses: Harness[] = [];

function startSession(options: { send?: (r: Request) => Promise<unknown>; pageUrl?: string; unpaintBeforeUnload?: boolean } = {}): Harness {
  const controller = new AbortController();
  const sent: Request[] = [];
  const slices: number[] = [];
  const uncaught: unknown[] = [];
  const reported: unknown[] = [];
  const guard = (fn: () => unknown) => () => {
    try {
      fn();
    } catch (error) {
      uncaught.push(error);
    }
  };
  let onLocation: (() => void) | null = null;
  const reader = createLocalReader(BUNDLED.entities, { topics: BUNDLED.topics });
  const answer = (request: Request): Promise<unknown> => {
    if (request.type === 'page-text') return reader.read(request);
    return Promise.resolve(request.type === 'vendor-findings' ? { vendor: null, findings: [], totalFindings: 0, names: {} } : undefined);
  };
  const host: SessionHost = {
    window: window as unknown as Window & typeof globalThis,
    signal: controller.signal,
    isValid: () => !controller.signal.aborted,
    // Like WXT's ctx timers: nothing runs once the context is gone.
    setTimeout: (handler, ms) => window.setTimeout(guard(() => controller.signal.aborted || handler()), ms),
    requestAnimationFrame: (callback) => window.setTimeout(guard(() => controller.signal.aborted || callback()), 0),
    send: ((request: Request) => {
      sent.push(request);
      return (options.send ?? answer)(request);
    }) as SessionHost['send'],
    onLocationChange: (callback) => void (onLocation = callback),
    onSlice: (ms) => slices.push(ms),
    onError: (error) => reported.push(error),
    ...(options.unpaintBeforeUnload ? { unpaintBeforeUnload: true } : {}),
  };
  const session = new PageSession(host, { enabled: true, marksPerCompany: 3, lang: 'en' });
  const harness: Harness = {
    session, controller, sent, slices, uncaught, reported,
    navigate: () => onLocation?.(),
    runFor: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
  harnesses.push(harness);
  return harness;
}

function article(paragraphs: number): void {
  document.body.replaceChildren();
  for (let i = 0; i < paragraphs; i += 1) {
    const p = document.createElement('p');
    p.append(`Paragraph ${i}: `, Object.assign(document.createElement('b'), { textContent: 'Palantir' }), ' and Microsoft Azure and Google.');
    document.body.append(p);
  }
}

/** Text node by text node, attributes included. */
function dump(root: Node): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === 3) parts.push(JSON.stringify((node as Text).data));
    else if (node.nodeType === 1) {
      const el = node as Element;
      parts.push(`<${el.tagName}${[...el.attributes].map((a) => ` ${a.name}=${JSON.stringify(a.value)}`).join('')}>`);
      node.childNodes.forEach(visit);
      parts.push(`</${el.tagName}>`);
    }
  };
  visit(root);
  return parts.join('');
}

const restorers: (() => void)[] = [];
/** Overrides a method for one test (the page's own monkey-patching). */
function patch<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): void {
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { value, configurable: true, writable: true });
  restorers.push(() => (descriptor ? Object.defineProperty(target, key, descriptor) : delete target[key]));
}
afterEach(() => {
  for (const harness of harnesses.splice(0)) {
    harness.controller.abort();
    expect(harness.uncaught).toEqual([]);
    expect(harness.reported).toEqual([]);
  }
  restorers.splice(0).reverse().forEach((restore) => restore());
  document.querySelectorAll('*').forEach((el) => el.tagName.startsWith('DUAL-USE-TOOLTIP') && el.remove());
  vi.restoreAllMocks();
});

describe('pages that fight our tooltip', () => {
  it('recreates the host after the page removes it', () => {
    const tooltip = makeTooltip();
    tooltip.show(mention, rect(), null, false);
    document.querySelector(TOOLTIP_TAG)?.remove();
    expect(() => tooltip.show(mention, rect(), null, false)).not.toThrow();
    expect(ourHosts()).toHaveLength(1);
  });

  it('recreates the host after the page replaces it with its own element, leaving that element alone', () => {
    const tooltip = makeTooltip();
    tooltip.show(mention, rect(), null, false);
    const fake = document.createElement(TOOLTIP_TAG);
    fake.textContent = 'page content';
    document.querySelector(TOOLTIP_TAG)?.replaceWith(fake);
    tooltip.show(mention, rect(), null, false);
    expect(ourHosts()).toHaveLength(1);
    expect(fake.isConnected && fake.textContent).toBe('page content');
    expect(tooltip.contains(fake)).toBe(false);
  });

  it('still works on a page without a body', () => {
    const tooltip = makeTooltip();
    const body = document.body;
    body.remove();
    try {
      expect(() => tooltip.show(mention, rect(), null, false)).not.toThrow();
      expect(ourHosts()).toHaveLength(1);
      expect(document.documentElement.lastElementChild?.tagName).toBe(TOOLTIP_TAG.toUpperCase());
      tooltip.dispose();
      expect(ourHosts()).toHaveLength(0);
    } finally {
      document.documentElement.append(body);
    }
  });

  it('does not throw when the page has no document element at all', () => {
    const tooltip = makeTooltip();
    const root = document.documentElement;
    root.remove();
    try {
      expect(() => tooltip.show(mention, rect(), null, false)).not.toThrow();
      expect(tooltip.isOpen).toBe(false);
    } finally {
      document.append(root);
    }
  });

  it('does not throw when attachShadow throws (the tooltip is simply not shown)', () => {
    patch(Element.prototype, 'attachShadow', () => {
      throw new Error('page says no');
    });
    const tooltip = makeTooltip();
    expect(() => tooltip.show(mention, rect(), null, false)).not.toThrow();
    expect(tooltip.isOpen).toBe(false);
    expect(document.querySelectorAll(TOOLTIP_TAG)).toHaveLength(0);
  });

  it('uses a tag of its own when the page defined <dual-use-tooltip> as a custom element', () => {
    const stolen: ShadowRoot[] = [];
    customElements.define(TOOLTIP_TAG, class extends HTMLElement {
      constructor() {
        super();
        stolen.push(this.attachShadow({ mode: 'closed' }));
      }
    });
    const tooltip = makeTooltip();
    expect(() => tooltip.show(mention, rect(), null, false)).not.toThrow();
    expect(tooltip.isOpen).toBe(true);
    const hosts = ourHosts();
    expect(hosts).toHaveLength(1);
    expect(hosts[0]?.tagName).toMatch(/^DUAL-USE-TOOLTIP-/);
    expect(stolen.every((root) => root.childNodes.length === 0)).toBe(true);
  });
});

describe('pages that break DOM methods or globals', () => {
  it('survives a page whose customElements is redefined to throw', async () => {
    Object.defineProperty(window, 'customElements', { configurable: true, get: () => { throw new Error('no registry'); } });
    restorers.push(() => delete (window as unknown as Record<string, unknown>).customElements);
    article(3);
    const { session, controller } = startSession();
    await session.start();
    expect(session.marks.length).toBeGreaterThan(0);
    controller.abort();
  });

  it.each([
    ['Node.prototype.appendChild', () => patch(Node.prototype, 'appendChild', () => { throw new Error('appendChild broken'); })],
    ['Node.prototype.insertBefore', () => patch(Node.prototype, 'insertBefore', () => { throw new Error('insertBefore broken'); })],
    ['Range.prototype.surroundContents', () => patch(Range.prototype, 'surroundContents', () => { throw new Error('surround broken'); })],
    ['Document.prototype.createTreeWalker', () => patch(Document.prototype, 'createTreeWalker', () => { throw new Error('walker broken'); })],
    ['Node.prototype.normalize', () => patch(Node.prototype, 'normalize', () => { throw new Error('normalize broken'); })],
  ])('never throws when the page breaks %s; stop() still leaves nothing of ours', async (_name, breakIt) => {
    article(5);
    breakIt();
    const { session, controller, reported } = startSession();
    await session.start(); // resolves: a broken walk ends its run instead of wedging the annotator
    controller.abort();
    restorers.splice(0).reverse().forEach((restore) => restore());
    reported.length = 0; // caught and reported is the expected outcome here
    expect(document.querySelectorAll('dual-use-mark')).toHaveLength(0);
    expect(document.body.textContent).toContain('Paragraph 4: Palantir and Microsoft Azure and Google.');
  });
});

describe('pages that navigate, or lose the extension, mid-scan', () => {
  it('stops between two slices when the context dies, and leaves the page exactly as it was', async () => {
    article(400);
    const before = dump(document.body);
    const { session, controller, slices, sent } = startSession();
    void session.start();
    // Abort after the second slice, from inside the page's own tasks.
    await vi.waitFor(() => expect(slices.length).toBeGreaterThanOrEqual(2), { timeout: 5_000, interval: 1 });
    controller.abort();
    const sliceCount = slices.length;
    const sentCount = sent.length;
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(slices.length).toBe(sliceCount);
    expect(sent.length).toBe(sentCount);
    expect(session.marks).toHaveLength(0);
    expect(dump(document.body)).toBe(before);
    expect(ourHosts()).toHaveLength(0);
  });

  it('restarts cleanly when the page navigates (single-page app) in the middle of the scan', async () => {
    article(400);
    const { session, controller, navigate } = startSession();
    const first = session.start();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const p = document.createElement('p');
    p.textContent = 'New view: Oracle hosts it.';
    document.body.replaceChildren(p);
    navigate();
    await first;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(session.marks.map((m) => m.range.toString())).toEqual(['Oracle']);
    expect(document.querySelectorAll('dual-use-mark')).toHaveLength(1);
    controller.abort();
    expect(dump(document.body)).toBe(dump(p.parentNode!));
    expect(document.body.childNodes).toHaveLength(1);
    expect(p.childNodes).toHaveLength(1);
  });

  it('swallows "Extension context invalidated" from every message it sends', async () => {
    article(3);
    const { session, controller, sent } = startSession({ send: () => Promise.reject(new Error('Extension context invalidated.')) });
    await session.start();
    expect(sent.some((r) => r.type === 'page-text')).toBe(true);
    expect(session.marks).toHaveLength(0);
    controller.abort();
  });

  it('does not throw when the page removes its document element before the scan ends', async () => {
    article(50);
    const { session, controller } = startSession();
    const done = session.start();
    const root = document.documentElement;
    root.remove();
    await done;
    document.append(root);
    controller.abort();
  });
});

describe('leaving a page (Chromium: the marks are unpainted at beforeunload)', () => {
  const beforeUnloadListeners = () => {
    const added = vi.spyOn(window, 'addEventListener');
    return () => added.mock.calls.filter(([type]) => type === 'beforeunload').length;
  };

  it('adds no beforeunload listener to a page that names no company', async () => {
    document.body.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'Nothing here names a company.' }));
    const count = beforeUnloadListeners();
    const { session } = startSession({ unpaintBeforeUnload: true });
    await session.start();
    expect(session.marks).toHaveLength(0);
    expect(count()).toBe(0);
  });

  it('adds one with the first mark, once (the unpainting itself: tests/e2e/annotate.chromium.e2e.ts)', async () => {
    article(3);
    const count = beforeUnloadListeners();
    const { session } = startSession({ unpaintBeforeUnload: true });
    await session.start();
    expect(session.marks.length).toBeGreaterThan(0);
    expect(count()).toBe(1);
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'Later: Oracle.' }));
    await vi.waitFor(() => expect(session.marks.map((m) => m.range.toString())).toContain('Oracle'), { timeout: 5_000 });
    expect(count()).toBe(1);
  });
});
