// Content script: waits for the page's load event and an idle moment, asks the background whether
// this page is annotated (one `page-hello`), and only then hands the page to lib/annotate. Nothing of
// ours runs before load (the manifest injects no stylesheet: the highlight styles are added with the
// first mark), and nothing touches the page's DOM before the answer says enabled (except removing
// what an older copy of this very script left: our own highlights and tooltip).
// It uses the browser's native promise-based API (`wxt/browser`), not webextension-polyfill: every
// kilobyte here is paid on every page.
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
 * Benchmarks only: `wxt build --mode bench` (tests/bench/page-bench.ts) lets the page know when the
 * work is done. The shipped build folds this to `undefined`, so no page can detect the extension by it.
 */
const announceIdle =
  import.meta.env.MODE === 'bench'
    ? (detail: string) => document.documentElement?.dispatchEvent(new CustomEvent('dual-use:idle', { detail }))
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

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  async main(ctx) {
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
          ...(announceIdle ? { onIdle: announceIdle } : {}),
        },
        hello,
      );
      void session.start();
    };

    const onMessage = (message: unknown) => {
      if (typeof message !== 'object' || message === null || (message as { type?: unknown }).type !== 'refresh') return;
      void sayHello().then((hello) => {
        if (ctx.isInvalid) return;
        if (!hello) {
          session?.stop();
          session = null;
        } else if (session) void session.repaint(hello);
        else begin(hello);
      });
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      session?.stop();
      // After a reload or update `browser.runtime` is gone (and its listeners with it).
      browser.runtime?.onMessage.removeListener(onMessage);
    });

    const hello = await sayHello();
    if (hello && ctx.isValid) begin(hello);
  },
});
