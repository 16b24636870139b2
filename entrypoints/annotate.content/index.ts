// Content script: asks the background whether this page is annotated (one `page-hello`), and only
// then hands the page to lib/annotate. Nothing touches the page's DOM before the answer says enabled
// (except removing what an older copy of this very script left: our own highlights and tooltip).
import browser from 'webextension-polyfill';
import '~/assets/annotate.css';
import { PageSession, removeLeftovers, type EnabledHello } from '~/lib/annotate/page-session';
import { sendRequest } from '~/lib/messaging';

/**
 * Benchmarks only: `wxt build --mode bench` (tests/bench/page-bench.ts) lets the page know when the
 * work is done. The shipped build folds this to `undefined`, so no page can detect the extension by it.
 */
const announceIdle =
  import.meta.env.MODE === 'bench'
    ? (detail: string) => document.documentElement?.dispatchEvent(new CustomEvent('dual-use:idle', { detail }))
    : undefined;

async function sayHello(): Promise<EnabledHello | null> {
  try {
    const hello = await sendRequest({ type: 'page-hello', url: location.href });
    return hello?.enabled && Array.isArray(hello.entities) && Array.isArray(hello.topics) ? (hello as EnabledHello) : null;
  } catch {
    return null; // background not ready or extension reloaded: leave the page alone
  }
}

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  async main(ctx) {
    // An older copy of this script (before a reload or update) may have left marks and a tooltip behind.
    removeLeftovers(window);
    let session: PageSession | null = null;
    const begin = (hello: EnabledHello) => {
      session = new PageSession(
        {
          window,
          signal: ctx.signal,
          isValid: () => ctx.isValid,
          setTimeout: (handler, ms) => ctx.setTimeout(handler, ms),
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
