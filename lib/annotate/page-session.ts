// One page's annotation session: walks the body in idle slices and sends its text to the
// background in short batches (which matches and counts it: the page carries no catalog), marks what
// the answers say, follows later content, and drives the tooltip from pointer and keyboard. Every listener, timer and observer is bound to `host.signal`: when the extension
// context dies (or annotations are switched off) stop() leaves the page exactly as it was. Nothing
// tells an old content script that the extension was reloaded or updated, so every entry point (page
// events, mutations, navigation) first asks `host.isValid()`, which aborts `host.signal` if it is dead.
import type { Lang } from '../dataset/types';
import type { PageHelloResponse, Request, ResponseFor, TextReading, VendorFindingsResponse } from '../messaging';
import { Annotator, type TextBatch } from './annotator';
import { findHighlightApi, HighlightRegistry, removeStaleMarks, type Mark } from './highlight-registry';
import { adoptHighlightStyles, removeStaleStyles } from './highlight-styles';
import { findMarkAtPoint, pickNextMark, readNavigationKey } from './interaction';
import { MarkBudget } from './mark-budget';
import { MutationQueue } from './mutation-queue';
import type { IdleDeadlineLike } from './slice-runner';
import { isTooltipHost, Tooltip } from './tooltip';

/** What the session needs from its surroundings (WXT's ctx and the messaging wrapper in the extension). */
export interface SessionHost {
  window: Window & typeof globalThis;
  signal: AbortSignal;
  /** WXT's `ctx.isValid`: false once the extension was reloaded, updated or removed (and then `signal` is aborted). */
  isValid: () => boolean;
  setTimeout: (handler: () => void, ms: number) => number;
  /** ctx.requestIdleCallback where the browser has one (our slices run in the page's idle time), else absent. */
  requestIdleCallback?: (callback: (deadline: IdleDeadlineLike) => void, options: { timeout: number }) => number;
  requestAnimationFrame: (callback: () => void) => number;
  send: <R extends Request>(request: R) => Promise<ResponseFor<R>>;
  /**
   * Take the marks' highlights out at `beforeunload` (page-session.ts, listen). Only where a
   * beforeunload listener leaves the page eligible for the back-forward cache: Chromium, not Firefox.
   */
  unpaintBeforeUnload?: boolean;
  /** Single-page-app navigation (WXT's `wxt:locationchange`, which only fires through ctx.addEventListener). */
  onLocationChange: (callback: () => void) => void;
  /** Benchmarks: each slice's duration. */
  onSlice?: (ms: number) => void;
  /** Tests: an error our work hit on this page (it is otherwise dropped with the root it came from). */
  onError?: (error: unknown) => void;
  /** Benchmarks: called with a JSON summary each time the queued work is done. */
  onIdle?: (detail: string) => void;
}

/** A page still there this long after beforeunload is staying (the navigation was cancelled, or it was a download). */
const REPAINT_AFTER_LEAVING_MS = 2000;
/** An idle slice waits at most this long for the page to go idle (then runs as a short timer slice would). */
const IDLE_TIMEOUT_MS = 1000;

/**
 * Removes what an earlier copy of the content script left on the page. Firefox drops a reloaded or updated
 * extension's old scripts without running any of their code (no invalidation, no cleanup), then runs the new
 * one in the same tab: the old highlights and an open tooltip would stay, dead and impossible to close.
 * Touches only our own highlight names and elements.
 */
export function removeLeftovers(win: Window & typeof globalThis): void {
  removeStaleMarks(win);
  removeStaleStyles(win.document);
  // The tooltip host is a child of <html>.
  const root = win.document.documentElement;
  for (const host of root ? [...root.children] : []) if (isTooltipHost(host)) host.remove();
}

const HOVER_OPEN_MS = 120;
const HOVER_CLOSE_MS = 300;

export class PageSession {
  private readonly doc: Document;
  /** Display names the background sent with its answers (companies marked, customers in findings). */
  private readonly names = new Map<string, string>();
  private readonly registry: HighlightRegistry;
  private readonly budget: MarkBudget;
  private readonly annotator: Annotator;
  private readonly queue: MutationQueue;
  private tooltip: Tooltip;
  private readonly controller = new AbortController();
  /** Removes our highlight stylesheet (adopted with the first mark). */
  private removeStyles: (() => void) | null = null;
  private readonly findings = new Map<string, Promise<VendorFindingsResponse | null>>();
  private hoverTimer = 0;
  private hoverFrame = false;
  private lastPointer = { x: 0, y: 0 };
  private pointerMark: Mark | null = null;
  private focusBeforeTooltip: Element | null = null;
  /** performance.now() when the last queued work finished (benchmarks, e2e). */
  lastIdleAt = 0;
  /** performance.now() when the first mark was painted (benchmarks). */
  firstMarkAt = 0;
  /** Batches sent to the background (benchmarks). */
  batches = 0;
  /** Our own time slices so far: how many, the longest, the total (benchmarks). */
  readonly slices = { count: 0, longestMs: 0, totalMs: 0 };

  constructor(private readonly host: SessionHost, private hello: PageHelloResponse) {
    this.doc = host.window.document;
    host.signal.addEventListener('abort', () => this.stop(), { once: true });
    const signal = this.controller.signal;
    this.registry = new HighlightRegistry(findHighlightApi(host.window));
    this.budget = new MarkBudget(hello.marksPerCompany);
    this.tooltip = this.createTooltip(hello.lang);
    const idle = host.requestIdleCallback;
    this.annotator = new Annotator({
      read: (batch) => this.read(batch),
      budget: this.budget,
      registry: this.registry,
      signal,
      schedule: idle
        ? (next) => void idle((deadline) => next(deadline), { timeout: IDLE_TIMEOUT_MS })
        : (next) => void host.setTimeout(() => next(), 0),
      onMarked: () => {
        // In the task that painted the first mark, before the browser renders it.
        this.removeStyles ??= adoptHighlightStyles(this.doc);
        if (!this.firstMarkAt) this.listenForLeaving(signal);
        this.firstMarkAt ||= performance.now();
      },
      onPainted: () => this.queue.dropOwnRecords(),
      onError: (error) => host.onError?.(error),
      onSlice: (ms) => {
        this.slices.count += 1;
        this.slices.totalMs += ms;
        this.slices.longestMs = Math.max(this.slices.longestMs, ms);
        host.onSlice?.(ms);
      },
    });
    this.queue = new MutationQueue({
      onFlush: (roots) => {
        if (this.alive()) void this.track(this.annotator.enqueue(roots));
      },
      scheduleFrame: (callback) => void host.requestAnimationFrame(() => callback()),
      signal,
    });
    this.listen(signal);
  }

  /** Starts on the whole body and follows what the page adds later. */
  start(): Promise<void> {
    const body = this.doc.body;
    if (!body) return Promise.resolve();
    this.queue.observe(body);
    return this.track(this.annotator.enqueue([body]));
  }

  /** New settings or catalog (`refresh`): forget every mark and annotate again. */
  repaint(hello: PageHelloResponse): Promise<void> {
    this.hello = hello;
    this.findings.clear();
    this.tooltip.dispose();
    this.tooltip = this.createTooltip(hello.lang);
    return this.restart();
  }

  /** Removes every mark, the tooltip and every listener; the page is left as it was. */
  stop(): void {
    if (this.controller.signal.aborted) return;
    this.controller.abort();
    this.registry.dispose();
    this.removeStyles?.();
    this.removeStyles = null;
    this.tooltip.dispose();
  }

  get marks(): readonly Mark[] {
    return this.registry.list();
  }

  /** Whether this session still runs; noticing a dead extension context stops it (through `host.signal`). */
  private alive(): boolean {
    return !this.controller.signal.aborted && this.host.isValid();
  }

  /** One batch to the background; its answer's names are kept for the tooltip. */
  private async read(batch: TextBatch): Promise<TextReading | null> {
    if (!this.alive()) return null;
    this.batches += 1;
    const answer = await this.host.send({ type: 'page-text', url: this.host.window.location.href, ...batch });
    if (!answer) return null;
    for (const [id, name] of Object.entries(answer.names)) this.names.set(id, name);
    return answer;
  }

  private restart(): Promise<void> {
    this.tooltip.hide();
    // A new document for the background: its counts for this page start again.
    this.annotator.reset(this.hello.marksPerCompany);
    const body = this.doc.body;
    return body ? this.track(this.annotator.enqueue([body])) : Promise.resolve();
  }

  private track(work: Promise<void>): Promise<void> {
    return work.then(() => {
      this.lastIdleAt = performance.now();
      const onIdle = this.host.onIdle;
      if (!onIdle || this.controller.signal.aborted) return;
      onIdle(JSON.stringify({
        at: this.lastIdleAt, firstMarkAt: this.firstMarkAt, marks: this.registry.list().length, batches: this.batches, ...this.slices,
      }));
    });
  }

  private nameOf(id: string): string {
    return this.names.get(id) ?? id.replace(/-/g, ' ').replace(/\b\p{Ll}/gu, (c) => c.toUpperCase());
  }

  private createTooltip(lang: Lang): Tooltip {
    return new Tooltip({
      document: this.doc,
      lang,
      nameOf: (id) => this.nameOf(id),
      onOpenList: (vendor) => {
        if (this.alive()) this.host.send({ type: 'open-popup', vendor }).catch(() => undefined);
      },
      onClose: () => this.closeTooltip(),
    });
  }

  private loadFindings(vendor: string): Promise<VendorFindingsResponse | null> {
    let pending = this.findings.get(vendor);
    if (!pending) {
      pending = this.host.send({ type: 'vendor-findings', vendor }).then(
        (content) => {
          for (const [id, name] of Object.entries(content?.names ?? {})) this.names.set(id, name);
          return content;
        },
        () => null,
      );
      this.findings.set(vendor, pending);
    }
    return pending;
  }

  /** Shows the tooltip for a mark at once (loading state) and fills it when the findings arrive. */
  private openTooltip(mark: Mark, focus: boolean): void {
    const anchor = () => mark.range.getBoundingClientRect();
    this.tooltip.show(mark.mention, anchor(), null, focus);
    void this.loadFindings(mark.mention.vendor).then((content) => {
      if (this.controller.signal.aborted || this.tooltip.mention !== mark.mention) return;
      this.tooltip.show(mark.mention, anchor(), content ?? { vendor: null, findings: [], totalFindings: 0 }, focus);
    });
  }

  private closeTooltip(): void {
    this.tooltip.hide();
    this.registry.setCurrent(null);
    const previous = this.focusBeforeTooltip as HTMLElement | null;
    this.focusBeforeTooltip = null;
    previous?.focus?.({ preventScroll: true });
  }

  private listen(signal: AbortSignal): void {
    const win = this.host.window;
    const options = { signal, passive: true } as const;
    this.doc.addEventListener('pointermove', (event) => this.onPointerMove(event), options);
    this.doc.addEventListener('keydown', (event) => this.onKeyDown(event), { signal, capture: true });
    this.host.onLocationChange(() => {
      if (this.alive()) void this.restart();
    });
    win.addEventListener('scroll', () => {
      if (this.alive() && this.tooltip.isOpen && !this.registry.getCurrent()) this.tooltip.hide();
    }, options);
  }

  /**
   * Leaving the page: the marks are unpainted before the next page loads (HighlightRegistry.setUnpainted
   * says why). If the page stays (a cancelled navigation, a download), they come back. Listened for from
   * the first mark on: a `beforeunload` listener makes the browser ask the page before every navigation
   * away from it, and most pages name no company.
   */
  private listenForLeaving(signal: AbortSignal): void {
    if (!this.host.unpaintBeforeUnload) return;
    const win = this.host.window;
    const options = { signal, passive: true } as const;
    win.addEventListener('beforeunload', () => {
      this.registry.setUnpainted(true);
      this.host.setTimeout(() => {
        if (this.alive()) this.registry.setUnpainted(false);
      }, REPAINT_AFTER_LEAVING_MS);
    }, options);
    // Back from the back-forward cache (timers were frozen there): painted again at once.
    win.addEventListener('pageshow', (event) => {
      if (event.persisted && this.alive()) this.registry.setUnpainted(false);
    }, options);
  }

  /** Throttled to one caret lookup per frame; the tooltip opens after a short rest on a mark. */
  private onPointerMove(event: PointerEvent): void {
    if (!this.alive()) return;
    this.lastPointer = { x: event.clientX, y: event.clientY };
    if (this.tooltip.contains(event.target)) {
      this.clearHoverTimer();
      return;
    }
    if (this.hoverFrame || (!this.registry.hasMarks && !this.tooltip.isOpen)) return;
    this.hoverFrame = true;
    this.host.requestAnimationFrame(() => {
      this.hoverFrame = false;
      if (this.controller.signal.aborted) return;
      const mark = findMarkAtPoint(this.registry, this.doc, this.lastPointer.x, this.lastPointer.y);
      if (mark === this.pointerMark) return;
      this.pointerMark = mark;
      this.clearHoverTimer();
      if (mark) {
        if (this.tooltip.mention === mark.mention) return;
        this.hoverTimer = this.host.setTimeout(() => this.openTooltip(mark, false), HOVER_OPEN_MS);
      } else if (this.tooltip.isOpen && !this.registry.getCurrent()) {
        this.hoverTimer = this.host.setTimeout(() => this.tooltip.hide(), HOVER_CLOSE_MS);
      }
    });
  }

  private clearHoverTimer(): void {
    if (this.hoverTimer) this.host.window.clearTimeout(this.hoverTimer);
    this.hoverTimer = 0;
  }

  private onKeyDown(event: KeyboardEvent): void {
    // An orphaned script must neither open a tooltip nor swallow the page's own keys.
    if (!this.alive()) return;
    if (event.key === 'Escape' && this.tooltip.isOpen) {
      this.closeTooltip();
      return;
    }
    const direction = readNavigationKey(event);
    if (!direction) return;
    const mark = pickNextMark(this.registry.list(), this.registry.getCurrent(), direction === 'previous');
    if (!mark) return;
    event.preventDefault();
    event.stopPropagation();
    if (!this.tooltip.isOpen) this.focusBeforeTooltip = this.doc.activeElement;
    this.registry.setCurrent(mark);
    const target = mark.wrapper ?? mark.range.startContainer.parentElement;
    target?.scrollIntoView({ block: 'center', inline: 'nearest' });
    this.openTooltip(mark, true);
  }
}
