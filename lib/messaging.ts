// One typed protocol between the content script, the background and the extension pages.
// The background validates every incoming message (shape and sender) with isRequest() before acting.
import browser from 'webextension-polyfill';
import type { Entity, Finding } from './dataset/types';
import type { DomainMatch } from './matcher/types';

/** Per-vendor mention summary a content script reports for its page. */
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

export type Request =
  /** Content script start-up: is this page annotated, and with what catalog. */
  | { type: 'page-hello'; url: string }
  /** Content script: the vendors mentioned on its page so far (replaces the previous report). */
  | { type: 'page-mentions'; url: string; mentions: VendorMentions[] }
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
  /** Entities the matcher needs (aliases, products, rules); omitted when disabled. */
  entities?: Entity[];
  marksPerCompany: number;
  lang: 'en' | 'fr';
}

export interface VendorFindingsResponse {
  vendor: Entity | null;
  findings: Finding[];
  totalFindings: number;
}

export interface TabStateResponse {
  url: string | null;
  vendors: TabVendor[];
}

export type ResponseFor<R extends Request> = R extends { type: 'page-hello' }
  ? PageHelloResponse
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

const REQUEST_TYPES = new Set(['page-hello', 'page-mentions', 'vendor-findings', 'tab-state', 'settings-changed', 'open-popup']);

/** Shape check for anything arriving on runtime.onMessage; strings are bounded so a page cannot flood us. */
export function isRequest(value: unknown): value is Request {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  if (typeof m.type !== 'string' || !REQUEST_TYPES.has(m.type)) return false;
  const shortString = (v: unknown, max = 8192) => typeof v === 'string' && v.length <= max;
  switch (m.type) {
    case 'page-hello':
      return shortString(m.url);
    case 'page-mentions':
      return (
        shortString(m.url) &&
        Array.isArray(m.mentions) &&
        m.mentions.length <= 500 &&
        m.mentions.every(
          (v: unknown) =>
            typeof v === 'object' && v !== null &&
            shortString((v as VendorMentions).vendor, 100) &&
            Number.isSafeInteger((v as VendorMentions).count) &&
            typeof (v as VendorMentions).aliases === 'object' && (v as VendorMentions).aliases !== null,
        )
      );
    case 'vendor-findings':
    case 'open-popup':
      return shortString(m.vendor, 100);
    case 'tab-state':
      return Number.isSafeInteger(m.tabId);
    default:
      return true;
  }
}
