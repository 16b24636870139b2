// Hostile shapes and senders against the background's message checks: isRequest() must refuse
// everything but the exact protocol, never throw, and classifySender() must refuse wrong senders.
import { describe, expect, it } from 'vitest';
import { classifySender, isRequest, MESSAGE_LIMITS, type Request, type SenderLike } from './messaging';

const mention = { vendor: 'microsoft', count: 2, aliases: { Azure: 1, Microsoft: 1 } };
const pageMentions = (mentions: unknown, extra: object = {}) => ({ type: 'page-mentions', url: 'https://example.org/', mentions, ...extra });
const polluted = JSON.parse('{"type": "tab-state", "tabId": 1, "__proto__": {"isAdmin": true}}') as unknown;
const pollutedMention = JSON.parse('{"vendor": "x", "count": 1, "aliases": {"__proto__": {"polluted": 1}}}') as unknown;
const deep = (depth: number): unknown => (depth === 0 ? {} : { a: deep(depth - 1) });
const throwingGetter = Object.defineProperty({ type: 'tab-state' }, 'tabId', { enumerable: true, get: () => { throw new Error('boom'); } });
const revoked = Proxy.revocable({}, {});
revoked.revoke();
const inherited = Object.create({ type: 'settings-changed' }) as unknown;
class Impostor { type = 'settings-changed'; }

const accepted: [string, unknown][] = [
  ['page-hello', { type: 'page-hello', url: 'https://example.org/a?b#c' }],
  ['page-mentions', pageMentions([mention])],
  ['page-mentions, none yet', pageMentions([])],
  ['page-mentions at the limits', pageMentions(Array.from({ length: MESSAGE_LIMITS.mentions }, () => ({ ...mention, aliases: Object.fromEntries(Array.from({ length: MESSAGE_LIMITS.aliases }, (_, i) => [`a${i}`, 1])) })))],
  ['page-text', { type: 'page-text', url: 'https://example.org/', chunks: ['Unit 8200', 'Ofek'] }],
  ['page-text at the limits', { type: 'page-text', url: 'https://example.org/', chunks: Array.from({ length: MESSAGE_LIMITS.chunks }, () => 'x'.repeat(MESSAGE_LIMITS.chunk)) }],
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
  ['page-text too many chunks', { type: 'page-text', url: 'https://example.org/', chunks: Array.from({ length: MESSAGE_LIMITS.chunks + 1 }, () => 'x') }],
  ['page-text chunk too long', { type: 'page-text', url: 'https://example.org/', chunks: ['x'.repeat(MESSAGE_LIMITS.chunk + 1)] }],
  ['page-text chunk not a string', { type: 'page-text', url: 'https://example.org/', chunks: [42] }],
  ['page-text chunks not a list', { type: 'page-text', url: 'https://example.org/', chunks: 'Unit 8200' }],
  ['page-mentions not a list', pageMentions({ 0: mention, length: 1 })],
  ['page-mentions too many', pageMentions(Array.from({ length: MESSAGE_LIMITS.mentions + 1 }, () => mention))],
  ['page-mentions null entry', pageMentions([null])],
  ['page-mentions array entry', pageMentions([['microsoft', 1, {}]])],
  ['page-mentions count NaN', pageMentions([{ ...mention, count: Number.NaN }])],
  ['page-mentions count Infinity', pageMentions([{ ...mention, count: Number.POSITIVE_INFINITY }])],
  ['page-mentions count negative', pageMentions([{ ...mention, count: -3 }])],
  ['page-mentions count a string', pageMentions([{ ...mention, count: '2' }])],
  ['page-mentions extra field in a mention', pageMentions([{ ...mention, payload: 'x'.repeat(1 << 16) }])],
  ['page-mentions aliases null', pageMentions([{ ...mention, aliases: null }])],
  ['page-mentions aliases an array', pageMentions([{ ...mention, aliases: [1, 2] }])],
  ['page-mentions aliases __proto__', pageMentions([pollutedMention])],
  ['page-mentions alias count NaN', pageMentions([{ ...mention, aliases: { Azure: Number.NaN } }])],
  ['page-mentions alias count nested object', pageMentions([{ ...mention, aliases: { Azure: deep(200) } }])],
  ['page-mentions alias huge name', pageMentions([{ ...mention, aliases: { ['A'.repeat(MESSAGE_LIMITS.alias + 1)]: 1 } }])],
  ['page-mentions too many aliases', pageMentions([{ ...mention, aliases: Object.fromEntries(Array.from({ length: MESSAGE_LIMITS.aliases + 1 }, (_, i) => [`a${i}`, 1])) }])],
  ['page-mentions vendor huge', pageMentions([{ ...mention, vendor: 'v'.repeat(101) }])],
  ['page-mentions deeply nested', pageMentions(deep(5000))],
  ['page-mentions extra top-level field', pageMentions([mention], { tabId: 3 })],
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
    isRequest(pageMentions([pollutedMention]));
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('classifySender', () => {
  const self = { id: 'our-id', origin: 'chrome-extension://our-id/' };
  const tab = { id: 7 };
  const page = 'https://example.org/';
  const content: Request = { type: 'page-hello', url: page };
  const mentions: Request = { type: 'page-mentions', url: page, mentions: [] };
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
