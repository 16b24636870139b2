// Content script: waits for the page's load event and an idle moment, asks the background whether
// this page is annotated (one `page-hello`), and only then hands the page to lib/annotate. Before load
// it only registers its load listener (the manifest injects no stylesheet: the highlight styles are
// added with the first mark), and nothing touches the page's DOM before the answer says enabled
// (except removing what an older copy of this very script left: our own highlights and tooltip).
//
// It is not in the manifest: the background injects it once the page has loaded
// (entrypoints/background/page-injection.ts says why), again after each full load, and into the tabs
// already open when the extension is installed or updated. It is not injected into a page that a
// live copy already reads (page-injection.ts looks for `__dualUseSession` first).

import { browser } from 'wxt/browser';
import { PageSession, removeLeftovers } from '~/lib/annotate/page-session';
import type { PageHelloResponse, Request, ResponseFor } from '~/lib/messaging';

/**
 * Sends one request; every failure is a rejection. Once the extension is reloaded or updated, an old
 * content script's `browser.runtime` is gone and calling it throws synchronously: inside this async
 * function that becomes a rejection too.
 */
async function sendRequest<R extends Request>(request: R): Promise<ResponseFor<R>> {
  return (await browser.runtime.sendMessage(request)) as ResponseFor<R>;
}

/**
 * Benchmarks only: `wxt build --mode bench` (tests/bench/page-bench.ts) lets the page know when this
 * script starts ("dual-use:started") and when its work is done ("dual-use:idle"). The shipped build
 * folds this to `undefined`, so no page can detect the extension by it.
 */
const announce =
  import.meta.env.MODE === 'bench'
    ? (type: 'started' | 'idle', detail: string) => document.dispatchEvent(new CustomEvent(`dual-use:${type}`, { detail }))
    : undefined;

/** How long the first idle moment after load may wait before we start anyway (a page that is never idle). */
const START_IDLE_TIMEOUT_MS = 2000;

async function sayHello(): Promise<PageHelloResponse | null> {
  try {
    const hello = await sendRequest({ type: 'page-hello', url: location.href });
    return hello?.enabled ? hello : null;
  } catch {
    return null; // background not ready or extension reloaded: leave the page alone
  }
}

/** Where this copy says it is live, for the background's check before injecting (the content scripts' own world, never the page's). */
const running = globalThis as typeof globalThis & { __dualUseSession?: { isValid: boolean } };

export default defineContentScript({
  matches: ['<all_urls>'],
  // Injected by the background (page-injection.ts); `matches` becomes the host permission.
  registration: 'runtime',
  async main(ctx) {
    // A copy left by an older version of the extension is no longer valid: this one takes over
    // (WXT's context has already told it to stop).
    running.__dualUseSession = ctx;
    announce?.('started', String(performance.now()));
    // After the load event, in the page's first idle moment.
    if (document.readyState !== 'complete') {
      await new Promise<void>((loaded) => ctx.addEventListener(window, 'load', () => loaded(), { once: true }));
    }
    const hasIdle = typeof window.requestIdleCallback === 'function';
    await new Promise<void>((idle) => {
      if (hasIdle) ctx.requestIdleCallback(() => idle(), { timeout: START_IDLE_TIMEOUT_MS });
      else ctx.setTimeout(() => idle(), 0);
    });
    if (ctx.isInvalid) return;
    // An older copy of this script (before a reload or update) may have left marks and a tooltip behind.
    removeLeftovers(window);
    let session: PageSession | null = null;
    const begin = (hello: PageHelloResponse) => {
      session = new PageSession(
        {
          window,
          signal: ctx.signal,
          isValid: () => ctx.isValid,
          setTimeout: (handler, ms) => ctx.setTimeout(handler, ms),
          ...(hasIdle ? { requestIdleCallback: (callback, options) => ctx.requestIdleCallback(callback, options) } : {}),
          requestAnimationFrame: (callback) => ctx.requestAnimationFrame(() => callback()),
          send: sendRequest,
          onLocationChange: (callback) => ctx.addEventListener(window, 'wxt:locationchange', () => callback()),
          // In Firefox a beforeunload listener would keep every page out of the back-forward cache.
          unpaintBeforeUnload: !import.meta.env.FIREFOX,
          ...(announce ? { onIdle: (detail: string) => announce('idle', detail) } : {}),
        },
        hello,
      );
      void session.start();
    };

    /** Asks again whether and how this page is annotated, and reads it again (or leaves it). */
    const renew = () => {
      void sayHello().then((hello) => {
        if (ctx.isInvalid) return;
        if (!hello) {
          session?.stop();
          session = null;
        } else if (session) void session.repaint(hello);
        else begin(hello);
      });
    };
    const onMessage = (message: unknown) => {
      if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'refresh') renew();
    };
    browser.runtime.onMessage.addListener(onMessage);
    // Back from the back-forward cache: the tab's record in the background is the next page's by now,
    // and a cached page missed any `refresh` (the settings may have changed): read it again, as after one.
    ctx.addEventListener(window, 'pageshow', (event) => {
      if (event.persisted) renew();
    });
    ctx.onInvalidated(() => {
      session?.stop();
      // After a reload or update `browser.runtime` is gone (and its listeners with it).
      browser.runtime?.onMessage.removeListener(onMessage);
    });

    const hello = await sayHello();
    if (hello && ctx.isValid) begin(hello);
  },
});
