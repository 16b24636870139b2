// Hostile shapes and senders against the background's message checks: isRequest() must refuse
// everything but the exact protocol, never throw, and classifySender() must refuse wrong senders.
import { describe, expect, it } from 'vitest';
import { classifySender, isRequest, MESSAGE_LIMITS, type Request, type SenderLike } from './messaging';

const text = { id: 1, text: 'Microsoft Azure' };
const pageText = (texts: unknown, extra: object = {}) => ({ type: 'page-text', url: 'https://example.org/', document: 'd1', batch: 0, texts, ...extra });
const polluted = JSON.parse('{"type": "tab-state", "tabId": 1, "__proto__": {"isAdmin": true}}') as unknown;
const pollutedText = JSON.parse('{"id": 1, "text": "x", "__proto__": {"polluted": 1}}') as unknown;
const deep = (depth: number): unknown => (depth === 0 ? {} : { a: deep(depth - 1) });
const throwingGetter = Object.defineProperty({ type: 'tab-state' }, 'tabId', { enumerable: true, get: () => { throw new Error('boom'); } });
const revoked = Proxy.revocable({}, {});
revoked.revoke();
const inherited = Object.create({ type: 'settings-changed' }) as unknown;
class Impostor { type = 'settings-changed'; }

const accepted: [string, unknown][] = [
  ['page-hello', { type: 'page-hello', url: 'https://example.org/a?b#c' }],
  ['page-text', pageText([text])],
  ['page-text, a window of a long node', pageText([{ id: 2, text: 'x'.repeat(300), from: 10, to: 290 }], { batch: 7 })],
  ['page-text, empty', pageText([])],
  ['page-text at the limits', pageText(Array.from({ length: 4 }, (_, id) => ({ id, text: 'x'.repeat(MESSAGE_LIMITS.batchChars / 4) })), { document: 'd'.repeat(MESSAGE_LIMITS.document) })],
  ['page-text, most texts', pageText(Array.from({ length: MESSAGE_LIMITS.texts }, (_, id) => ({ id, text: 'x' })))],
  ['vendor-findings', { type: 'vendor-findings', vendor: 'google' }],
  ['open-popup', { type: 'open-popup', vendor: 'google' }],
  ['tab-state', { type: 'tab-state', tabId: 0 }],
  ['settings-changed', { type: 'settings-changed' }],
  ['a null-prototype object', Object.assign(Object.create(null) as object, { type: 'settings-changed' })],
];

const refused: [string, unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ['a string', 'page-hello'],
  ['a number', 42],
  ['NaN', Number.NaN],
  ['a function', () => ({ type: 'settings-changed' })],
  ['an array', [{ type: 'settings-changed' }]],
  ['an array with a type', Object.assign([], { type: 'settings-changed' })],
  ['an empty object', {}],
  ['unknown type', { type: 'delete-everything' }],
  ['type from Object.prototype', { type: 'constructor' }],
  ['type toString', { type: 'toString' }],
  ['type __proto__', JSON.parse('{"type": "__proto__"}')],
  ['type of the wrong case', { type: 'Page-Hello', url: 'https://x.org/' }],
  ['type not a string', { type: ['page-hello'], url: 'https://x.org/' }],
  ['inherited type', inherited],
  ['class instance', new Impostor()],
  ['__proto__ key (polluting JSON)', polluted],
  ['extra field', { type: 'settings-changed', also: 1 }],
  ['extra field on page-hello', { type: 'page-hello', url: 'https://x.org/', entities: [] }],
  ['symbol key', { type: 'settings-changed', [Symbol('x')]: 1 }],
  ['throwing getter', throwingGetter],
  ['revoked proxy', revoked.proxy],
  ['page-hello without url', { type: 'page-hello' }],
  ['page-hello url not a string', { type: 'page-hello', url: { href: 'https://x.org/' } }],
  ['page-hello empty url', { type: 'page-hello', url: '' }],
  ['page-hello huge url', { type: 'page-hello', url: `https://x.org/${'a'.repeat(MESSAGE_LIMITS.url)}` }],
  ['page-hello 1 MB url', { type: 'page-hello', url: 'x'.repeat(1 << 20) }],
  ['vendor-findings huge vendor', { type: 'vendor-findings', vendor: 'v'.repeat(MESSAGE_LIMITS.vendor + 1) }],
  ['vendor-findings vendor a number', { type: 'vendor-findings', vendor: 7 }],
  ['vendor-findings empty vendor', { type: 'vendor-findings', vendor: '' }],
  ['open-popup vendor null', { type: 'open-popup', vendor: null }],
  ['tab-state NaN', { type: 'tab-state', tabId: Number.NaN }],
  ['tab-state Infinity', { type: 'tab-state', tabId: Number.POSITIVE_INFINITY }],
  ['tab-state -Infinity', { type: 'tab-state', tabId: Number.NEGATIVE_INFINITY }],
  ['tab-state fraction', { type: 'tab-state', tabId: 1.5 }],
  ['tab-state negative (TAB_ID_NONE)', { type: 'tab-state', tabId: -1 }],
  ['tab-state beyond safe integers', { type: 'tab-state', tabId: 2 ** 53 }],
  ['tab-state numeric string', { type: 'tab-state', tabId: '1' }],
  ['tab-state bigint', { type: 'tab-state', tabId: 1n }],
  ['page-text not a list', pageText({ 0: text, length: 1 })],
  ['page-text too many texts', pageText(Array.from({ length: MESSAGE_LIMITS.texts + 1 }, (_, id) => ({ id, text: 'x' })))],
  ['page-text a text too long', pageText([{ id: 1, text: 'x'.repeat(MESSAGE_LIMITS.textChars + 1) }])],
  ['page-text too many characters', pageText(Array.from({ length: 5 }, (_, id) => ({ id, text: 'x'.repeat(MESSAGE_LIMITS.textChars) })))],
  ['page-text null entry', pageText([null])],
  ['page-text array entry', pageText([[1, 'Microsoft']])],
  ['page-text id negative', pageText([{ ...text, id: -1 }])],
  ['page-text id a string', pageText([{ ...text, id: '1' }])],
  ['page-text text not a string', pageText([{ ...text, text: 42 }])],
  ['page-text from without to', pageText([{ ...text, from: 0 }])],
  ['page-text from after to', pageText([{ ...text, from: 5, to: 2 }])],
  ['page-text from NaN', pageText([{ ...text, from: Number.NaN, to: 3 }])],
  ['page-text extra field in a text', pageText([{ ...text, payload: 'x' }])],
  ['page-text __proto__ in a text', pageText([pollutedText])],
  ['page-text deeply nested', pageText(deep(5000))],
  ['page-text document empty', pageText([text], { document: '' })],
  ['page-text document too long', pageText([text], { document: 'd'.repeat(MESSAGE_LIMITS.document + 1) })],
  ['page-text batch fraction', pageText([text], { batch: 0.5 })],
  ['page-text batch missing', { type: 'page-text', url: 'https://example.org/', document: 'd1', texts: [] }],
  ['page-text extra top-level field', pageText([text], { tabId: 3 })],
];

describe('isRequest', () => {
  it.each(accepted)('accepts %s', (_name, value) => {
    expect(isRequest(value)).toBe(true);
  });
  it.each(refused)('refuses %s', (_name, value) => {
    expect(() => isRequest(value)).not.toThrow();
    expect(isRequest(value)).toBe(false);
  });
  it('leaves Object.prototype alone after reading polluting messages', () => {
    isRequest(polluted);
    isRequest(pageText([pollutedText]));
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('classifySender', () => {
  const self = { id: 'our-id', origin: 'chrome-extension://our-id/' };
  const tab = { id: 7 };
  const page = 'https://example.org/';
  const content: Request = { type: 'page-hello', url: page };
  const mentions: Request = { type: 'page-text', url: page, document: 'd1', batch: 0, texts: [] };
  const settings: Request = { type: 'settings-changed' };
  const tabState: Request = { type: 'tab-state', tabId: 7 };
  const cases: [string, Request, SenderLike, ReturnType<typeof classifySender>][] = [
    ['our content script, top frame', content, { id: 'our-id', url: page, tab, frameId: 0 }, { from: 'content-script', tabId: 7, topFrame: true }],
    ['our content script in a frame', mentions, { id: 'our-id', url: 'https://ads.example/', tab, frameId: 3 }, { from: 'content-script', tabId: 7, topFrame: false }],
    ['our popup', settings, { id: 'our-id', url: `${self.origin}popup.html` }, { from: 'extension-page' }],
    ['our popup opened as a tab', tabState, { id: 'our-id', url: `${self.origin}popup.html?tab=7`, tab: { id: 9 }, frameId: 0 }, { from: 'extension-page' }],
    ['another extension’s content script', content, { id: 'evil-id', url: page, tab, frameId: 0 }, null],
    ['another extension’s page', settings, { id: 'evil-id', url: 'chrome-extension://evil-id/x.html' }, null],
    ['no sender id', content, { url: page, tab, frameId: 0 }, null],
    ['a content-script type from outside a tab', content, { id: 'our-id', url: page }, null],
    ['a content-script type from a tab with no id', content, { id: 'our-id', url: page, tab: {}, frameId: 0 }, null],
    ['a content-script type from TAB_ID_NONE', content, { id: 'our-id', url: page, tab: { id: -1 }, frameId: 0 }, null],
    ['a content-script type from our own page', { type: 'open-popup', vendor: 'google' }, { id: 'our-id', url: `${self.origin}popup.html`, tab }, null],
    ['settings-changed from a content script', settings, { id: 'our-id', url: page, tab, frameId: 0 }, null],
    ['tab-state from a content script in a frame', tabState, { id: 'our-id', url: page, tab, frameId: 2 }, null],
    ['tab-state from a page spoofing our origin as a path', tabState, { id: 'our-id', url: `https://evil.example/${self.origin}`, tab }, null],
    ['settings-changed with no url', settings, { id: 'our-id' }, null],
  ];
  it.each(cases)('%s', (_name, request, sender, expected) => {
    expect(classifySender(request, sender, self)).toEqual(expected);
  });
});
