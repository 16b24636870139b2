// One typed protocol between the content script, the background and the extension pages.
// The background validates every incoming message with isRequest() (shape) and classifySender() (who) before acting.
import browser from 'webextension-polyfill';
import type { Entity, Finding, Localized } from './dataset/types';
import type { DomainMatch, Mention } from './matcher/types';

/** Per-vendor mention summary of a page (counted by the background as it reads the page's text). */
export interface VendorMentions {
  vendor: string;
  /** Total mentions of this vendor on the page. */
  count: number;
  /** Mentions per alias as written in the catalog: { "Azure": 3 }. */
  aliases: Record<string, number>;
}

/** Why a vendor is listed for a tab, and the findings that pass the filters. */
export interface TabVendor {
  vendor: Entity;
  domain: DomainMatch | null;
  mentions: VendorMentions | null;
  /** Findings passing the user's filters, most relevant first. */
  findings: Finding[];
  /** Findings before filtering (to say "3 of 7 shown"). */
  totalFindings: number;
}

/** A finding this page reports: its address is one of the finding's sources, or its text tells the story. */
export interface TabReport {
  finding: Finding;
  why: 'cited' | 'story';
  /** The story terms the page contains, heaviest first, in both languages. */
  terms: Localized[];
}

/** One text of the page (a segment of the walk), as the content script sends it. */
export interface PageText {
  /** Unique within its document: the answers refer to it. */
  id: number;
  text: string;
  /** A window of a long text node owns only the matches starting in [from, to) of `text`. */
  from?: number;
  to?: number;
}

/** A mention in one text of a batch; `key` names it in later answers. */
export interface FoundMention extends Mention {
  key: number;
  /** The PageText id it was found in; offsets refer to that text. */
  text: number;
}

/** What the background found in a batch of texts, the document so far considered. */
export interface TextReading {
  /** Mentions of this batch that count now: mark them (within the per-company cap). */
  marks: FoundMention[];
  /** Mentions of this batch waiting for corroboration elsewhere in the document: keep them for later. */
  pending: FoundMention[];
  /** Keys of earlier pending mentions that a text of this batch corroborated: mark them now. */
  released: number[];
}

export interface PageTextResponse extends TextReading {
  /** Display names of the companies in `marks` and `pending` (for the tooltip). */
  names: Record<string, string>;
}

export type Request =
  /** Content script start-up (after the page's load event): is this page annotated. */
  | { type: 'page-hello'; url: string }
  /**
   * Content script: the next batch of its page's visible text. `document` names one walk of one
   * document (a new one after a repaint or a single-page navigation), `batch` counts from 0 within it.
   */
  | { type: 'page-text'; url: string; document: string; batch: number; texts: PageText[] }
  /** Tooltip: the findings for one vendor, filtered and ranked. */
  | { type: 'vendor-findings'; vendor: string }
  /** Popup: everything known about a tab. */
  | { type: 'tab-state'; tabId: number }
  /** Options/popup: settings or dataset changed in the database; background re-reads and tells tabs. */
  | { type: 'settings-changed' }
  /** Tooltip: open the full list (popup.html?tab=<sender's tab>) in a tab of its own, on this vendor. */
  | { type: 'open-popup'; vendor: string };

export interface PageHelloResponse {
  enabled: boolean;
  marksPerCompany: number;
  lang: 'en' | 'fr';
}

export interface VendorFindingsResponse {
  vendor: Entity | null;
  findings: Finding[];
  totalFindings: number;
  /** Of this vendor's findings, those the page reports, most relevant first. */
  reports: TabReport[];
  /** Display names of the findings' customers (the content script holds no catalog). */
  names: Record<string, string>;
}

export interface TabStateResponse {
  url: string | null;
  vendors: TabVendor[];
  /** Findings this page reports (cited first, then stories), passing the filters. */
  reports: TabReport[];
  /** The dataset's version, carried by "Report a problem" links. */
  datasetVersion: string;
}

export type ResponseFor<R extends Request> = R extends { type: 'page-hello' }
  ? PageHelloResponse
  : R extends { type: 'page-text' }
    ? PageTextResponse | null
  : R extends { type: 'vendor-findings' }
    ? VendorFindingsResponse
    : R extends { type: 'tab-state' }
      ? TabStateResponse
      : void;

/** Background → content scripts: re-read settings (filters, sites, marks) now. */
export type Broadcast = { type: 'refresh' };

/**
 * Sends one request; every failure is a rejection. Once the extension is reloaded or updated, an old
 * content script's `browser.runtime` is gone and calling it throws synchronously: callers' `.catch`
 * would never see that error, so it must not escape as a throw.
 */
export async function sendRequest<R extends Request>(request: R): Promise<ResponseFor<R>> {
  return (await browser.runtime.sendMessage(request)) as ResponseFor<R>;
}

/** Bounds on what a page can make its content script send (a page can script its own DOM, not our code, but be strict anyway). */
export const MESSAGE_LIMITS = {
  url: 8192, vendor: 100,
  /** page-text: texts per batch, characters per text (a walk segment is at most 2 × 8000) and per batch, document id. */
  texts: 256, textChars: 16_000, batchChars: 64_000, document: 64,
} as const;

/** The fields each request type may carry, besides `type`: anything else is refused. */
const REQUEST_KEYS: Record<Request['type'], readonly string[]> = {
  'page-hello': ['url'],
  'page-text': ['url', 'document', 'batch', 'texts'],
  'vendor-findings': ['vendor'],
  'tab-state': ['tabId'],
  'settings-changed': [],
  'open-popup': ['vendor'],
};

/** A plain data object (what structured cloning delivers) with exactly these own keys, at most. */
function isRecordWith(value: unknown, allowed: readonly string[]): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  return Reflect.ownKeys(value).every((key) => typeof key === 'string' && allowed.includes(key));
}

const hasOwn = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);
const shortString = (v: unknown, max: number) => typeof v === 'string' && v.length > 0 && v.length <= max;
const count = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;

function isPageTexts(value: unknown): value is PageText[] {
  if (!Array.isArray(value) || value.length > MESSAGE_LIMITS.texts) return false;
  let chars = 0;
  for (let i = 0; i < value.length; i += 1) {
    const v: unknown = value[i];
    if (!isRecordWith(v, ['id', 'text', 'from', 'to'])) return false;
    if (!count(v.id) || typeof v.text !== 'string' || v.text.length > MESSAGE_LIMITS.textChars) return false;
    if (hasOwn(v, 'from') !== hasOwn(v, 'to')) return false;
    if (hasOwn(v, 'from') && !(count(v.from) && count(v.to) && (v.from as number) <= (v.to as number))) return false;
    chars += v.text.length;
  }
  return chars <= MESSAGE_LIMITS.batchChars;
}

/**
 * Shape check for anything arriving on runtime.onMessage: a known type, exactly its fields, bounded
 * strings and lists, whole non-negative numbers. Never throws, whatever it is handed.
 */
export function isRequest(value: unknown): value is Request {
  try {
    if (typeof value !== 'object' || value === null || !hasOwn(value, 'type')) return false;
    const type = (value as { type: unknown }).type;
    if (typeof type !== 'string' || !hasOwn(REQUEST_KEYS, type)) return false;
    const m = value as Record<string, unknown>;
    if (!isRecordWith(m, ['type', ...REQUEST_KEYS[type as Request['type']]])) return false;
    switch (type as Request['type']) {
      case 'page-hello':
        return shortString(m.url, MESSAGE_LIMITS.url);
      case 'page-text':
        return shortString(m.url, MESSAGE_LIMITS.url) && shortString(m.document, MESSAGE_LIMITS.document) && count(m.batch) && isPageTexts(m.texts);
      case 'vendor-findings':
      case 'open-popup':
        return shortString(m.vendor, MESSAGE_LIMITS.vendor);
      case 'tab-state':
        return count(m.tabId);
      case 'settings-changed':
        return true;
    }
  } catch {
    return false; // a revoked proxy or a throwing getter: not a message of ours
  }
  return false;
}

/** Who may send what: content scripts in tabs talk about their page; extension pages about settings and tabs. */
export type RequestOrigin = { from: 'content-script'; tabId: number; topFrame: boolean } | { from: 'extension-page' };

/** The sender fields we rely on (webextension-polyfill's Runtime.MessageSender). */
export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

const CONTENT_TYPES = new Set<Request['type']>(['page-hello', 'page-text', 'vendor-findings', 'open-popup']);
const PAGE_TYPES = new Set<Request['type']>(['tab-state', 'settings-changed']);

/**
 * Where a validated request comes from, or null when that sender may not send it: another extension,
 * a content-script type from an extension page or from outside a tab, a page type from a content script.
 */
export function classifySender(request: Request, sender: SenderLike, self: { id: string; origin: string }): RequestOrigin | null {
  if (sender.id !== self.id) return null;
  const fromExtensionPage = typeof sender.url === 'string' && sender.url.startsWith(self.origin);
  const tabId = sender.tab?.id;
  if (CONTENT_TYPES.has(request.type)) {
    if (fromExtensionPage || typeof tabId !== 'number' || !Number.isSafeInteger(tabId) || tabId < 0) return null;
    return { from: 'content-script', tabId, topFrame: sender.frameId === 0 || sender.frameId === undefined };
  }
  if (PAGE_TYPES.has(request.type)) return fromExtensionPage ? { from: 'extension-page' } : null;
  return null;
}
