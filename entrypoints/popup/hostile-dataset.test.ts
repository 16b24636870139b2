// @vitest-environment happy-dom
// A hostile dataset, imported through the real checks (lib/import-export.ts → lib/dataset/validate.ts):
// what must be refused is refused with a message naming the file, the record id and the field; what
// passes is rendered by the popup and the tooltip as text only — no element, attribute or link
// scheme comes from the data, and the only links are https. (lib/dataset/load-node.test.ts: the file names.)
import { describe, expect, it } from 'vitest';
import { Tooltip } from '../../lib/annotate/tooltip';
import type { Dataset, Entity, Finding } from '../../lib/dataset/types';
import { validateDataset } from '../../lib/dataset/validate';
import { translator } from '../../lib/i18n';
import { popupMessages } from '../../lib/i18n/popup';
import { MAX_IMPORT_BYTES, parseImportFile } from '../../lib/import-export';
import { reportProblemUrl } from '../../lib/present/report-link';
import { renderCompany } from './render';

const NOW = new Date('2026-06-01T00:00:00Z');
const validate = (input: unknown) => validateDataset(input, { now: NOW });
const vendor: Entity = {
  id: 'microsoft', name: 'Microsoft', type: 'vendor', country: 'US', parent: null,
  aliases: ['Microsoft'], products: ['Azure'], domains: ['microsoft.com'], ambiguous: [],
};
const military: Entity = {
  id: 'israel-defense-forces', name: 'Israel Defense Forces', type: 'military', country: 'IL', parent: null,
  aliases: ['IDF'], products: [], domains: [], ambiguous: [],
};
const baseFinding: Finding = {
  id: 'microsoft-x', vendor: 'microsoft', customer: 'israel-defense-forces', kind: 'cloud',
  title: { en: 'Title', fr: 'Titre' }, summary: { en: 'Summary', fr: 'Résumé' }, date: '2024-05', status: 'reported',
  reviewed: '2026-05-01',
  sources: [{ publisher: 'Associated Press', publisherId: 'associated-press', title: 'Headline', url: 'https://apnews.com/x', date: '2024-05-02', lang: 'en', original: true, verified: 'read' }],
};
type Patch = { finding?: Record<string, unknown>; source?: Record<string, unknown>; entity?: Record<string, unknown> };
function file({ finding = {}, source = {}, entity = {} }: Patch): string {
  return JSON.stringify({
    version: '1.0.0',
    publishers: [{ id: 'associated-press', name: 'Associated Press', domains: ['apnews.com'], kind: 'news-agency' }],
    entities: [{ ...vendor, ...entity }, military],
    findings: [{ ...baseFinding, ...finding, sources: [{ ...baseFinding.sources[0], ...source }] }],
  });
}
const importFile = (text: string) => parseImportFile(new TextEncoder().encode(text), validate);

describe('the import refuses hostile strings, naming the record and the field', () => {
  const cases: [string, Patch, string, string][] = [
    ['markup in a title', { finding: { title: { en: '<img src=x onerror=alert(1)>', fr: 'x' } } }, 'hostile', 'microsoft-x · findings[0].title.en: markup'],
    ['a script element in a summary', { finding: { summary: { en: 'ok', fr: '<script>alert(1)</script>' } } }, 'hostile', 'microsoft-x · findings[0].summary.fr: markup'],
    ['markup in an entity name', { entity: { name: '<b>Microsoft</b>' } }, 'hostile', 'microsoft · entities[0].name: markup'],
    ['markup in the id itself (not echoed)', { finding: { id: '<svg/onload=alert(1)>' } }, 'hostile', 'findings[0].id: markup'],
    ['a javascript: URL', { source: { url: 'javascript:alert(1)' } }, 'hostile', 'microsoft-x · findings[0].sources[0].url: script URL'],
    ['an obfuscated javascript: URL', { source: { url: ' JaVa\tScRiPt:alert(1)' } }, 'hostile', 'sources[0].url: script URL'],
    ['a data:text/html URL', { source: { url: 'data:text/html;base64,PHNjcmlwdD4=' } }, 'hostile', 'sources[0].url: script URL'],
    ['a bare data: URL', { source: { url: 'data:,hello' } }, 'invalid-dataset', 'microsoft-x · sources[0].url: must be https'],
    ['an http: URL', { source: { url: 'http://apnews.com/x' } }, 'invalid-dataset', 'microsoft-x · sources[0].url: must be https'],
    ['a protocol-relative URL', { source: { url: '//apnews.com/x' } }, 'invalid-dataset', 'microsoft-x · sources[0].url: is not a valid URL'],
    ['credentials in a URL', { source: { url: 'https://user:pw@apnews.com/x' } }, 'invalid-dataset', 'sources[0].url: must not contain credentials'],
    ['an IP address URL', { source: { url: 'https://127.0.0.1/x' } }, 'invalid-dataset', 'sources[0].url: must name a registrable domain'],
    ['a quote breaking out of an attribute', { source: { url: 'https://apnews.com/a"onmouseover="alert(1)' } }, 'invalid-dataset', 'sources[0].url: must not contain spaces, quotes or angle brackets'],
    ['an RTL override in a URL', { source: { url: 'https://apnews.com/\u202Egpj.exe' } }, 'invalid-dataset', 'sources[0].url: must not contain control characters'],
    ['an RTL override in a title', { finding: { title: { en: 'Contract \u202Edenied\u202C', fr: 'x' } } }, 'invalid-dataset', 'microsoft-x · title.en: must not contain control characters'],
    ['a bidi isolate in a publisher', { source: { publisher: 'AP\u2066x\u2069' } }, 'invalid-dataset', 'microsoft-x · sources[0].publisher: must not contain control characters'],
    ['a NUL in a publisher', { source: { publisher: 'AP\u0000' } }, 'invalid-dataset', 'sources[0].publisher: must not contain control characters'],
    ['an enormous title', { finding: { title: { en: 'A'.repeat(200_000), fr: 'x' } } }, 'invalid-dataset', 'microsoft-x · title.en: must be at most 400 characters'],
    ['an enormous summary', { finding: { summary: { en: 'ok', fr: 'B'.repeat(4_001) } } }, 'invalid-dataset', 'microsoft-x · summary.fr: must be at most 4000 characters'],
    ['an enormous URL', { source: { url: `https://apnews.com/${'c'.repeat(3_000)}` } }, 'invalid-dataset', 'sources[0].url: must be at most 2048 characters'],
    ['an enormous list', { finding: { units: Array.from({ length: 501 }, (_, i) => `Unit ${i}`) } }, 'invalid-dataset', 'microsoft-x · units: must have at most 500 items'],
    ['a status outside the enum (class injection)', { finding: { status: 'reported evil' } }, 'invalid-dataset', 'microsoft-x · status: must be one of'],
  ];
  it.each(cases)('%s', (_name, patch, code, detail) => {
    const result = importFile(file(patch));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.code).toBe(code);
    expect(result.problem.detail).toContain(detail);
  });

  it('refuses an enormous file by its size', () => {
    const result = parseImportFile(new Uint8Array(MAX_IMPORT_BYTES + 1), validate);
    expect(result).toMatchObject({ ok: false, problem: { code: 'too-large' } });
  });
});

// Strings that are hostile-looking but legitimate text: they pass, and must come out as text.
const TRICKY = {
  title: 'x < 5 && c > d "q" \'s\' `t` &amp; &lt;script&gt; {{constructor}} ${alert(1)} {n} $& $1 <3 <= 4',
  summary: 'שלום \u200F RTL mark, zero\u200Bwidth, emoji 👩‍💻🇮🇱, e\u0301 combining, %3Cscript%3E, onerror=alert(1)',
  publisher: 'Pub " onmouseover=alert(1) x=\' & co',
  sourceTitle: '" onclick="alert(1)" x=\' — breaks out of nothing',
  response: '{vendor} said: "no comment" -> 5 <= 6',
  unit: 'Unit 8200 <3',
  name: 'Micro"soft & <3 Co',
};
const trickyFile = JSON.stringify({
  version: '1.0.0',
  publishers: [
    { id: 'second', name: 'Second', domains: ['example.org'], kind: 'outlet' },
    { id: 'tricky', name: TRICKY.publisher, domains: ['apnews.com'], kind: 'news-agency' },
  ],
  entities: [{ ...vendor, name: TRICKY.name }, military],
  findings: [
    {
      ...baseFinding, units: [TRICKY.unit], title: { en: TRICKY.title, fr: TRICKY.title }, summary: { en: TRICKY.summary, fr: TRICKY.summary },
      response: { en: TRICKY.response, fr: TRICKY.response }, amount: { value: 1e13, currency: 'XXX' },
      sources: [
        { publisher: 'tricky', title: TRICKY.sourceTitle, date: '2024-05-02', url: 'https://apnews.com/p?q=%3Cscript%3E&x=1#frag', lang: 'en', original: true, verified: 'read' },
        { publisher: 'second', title: 'Second headline', date: '2024-06', url: 'HTTPS://EXAMPLE.ORG/Upper', lang: 'fr', verified: 'read' },
      ],
    },
  ],
});

const RENDER_TAGS = new Set(['SECTION', 'H3', 'SPAN', 'UL', 'LI', 'OL', 'ARTICLE', 'H4', 'P', 'TIME', 'DL', 'DT', 'DD', 'STRONG', 'A', 'BUTTON', 'DIV', 'HEADER', 'H2', 'FOOTER', 'STYLE']);
const RENDER_ATTRS = new Set(['class', 'id', 'role', 'href', 'target', 'rel', 'title', 'datetime', 'tabindex', 'type', 'hidden', 'aria-labelledby', 'aria-controls', 'aria-expanded', 'aria-label', 'aria-live', 'data-finding']);

/** The element skeleton (tags and attribute names, no values) of what was rendered. */
function skeleton(root: ParentNode): string[] {
  return [...root.querySelectorAll('*')].map((el) => `${el.tagName}[${el.getAttributeNames().sort().join(',')}]`);
}

function expectTextOnly(root: ParentNode): void {
  for (const el of root.querySelectorAll('*')) {
    expect(RENDER_TAGS.has(el.tagName), el.tagName).toBe(true);
    for (const name of el.getAttributeNames()) expect(RENDER_ATTRS.has(name), name).toBe(true);
  }
  for (const a of root.querySelectorAll('a:not(.timeline-link)')) expect((a as HTMLAnchorElement).href).toMatch(/^https:\/\//);
  // The one link of our own: the company's page in explore.html, its id encoded, never another origin.
  for (const a of root.querySelectorAll('a.timeline-link')) expect(a.getAttribute('href')).toMatch(/^explore\.html#vendor=[\w.~%-]+$/);
}

function renderPopup(dataset: Dataset, lang: 'en' | 'fr' = 'en'): HTMLElement {
  const entities = new Map(dataset.entities.map((e) => [e.id, e]));
  const v = entities.get('microsoft') as Entity;
  const actions = { reportUrl: (finding: { id: string }) => reportProblemUrl(finding.id, 'https://news.example/a', dataset.version, lang), copy: () => undefined };
  return renderCompany({ vendor: v, reasons: [`“${v.name}” ×1`], findings: dataset.findings, totalFindings: dataset.findings.length + 2 }, entities, lang, translator(popupMessages, lang), 'tab', actions);
}

function renderTooltip(dataset: Dataset): ShadowRoot {
  document.body.replaceChildren();
  document.querySelector('dual-use-tooltip')?.remove();
  const names = new Map(dataset.entities.map((e) => [e.id, e.name]));
  const tooltip = new Tooltip({ document, lang: 'en', nameOf: (id) => names.get(id) ?? id, onOpenList: () => undefined, onClose: () => undefined });
  const vendorEntity = dataset.entities.find((e) => e.id === 'microsoft') ?? null;
  tooltip.show({ vendor: 'microsoft', entity: 'microsoft', alias: TRICKY.name, start: 0, end: 1 }, new DOMRect(0, 0, 10, 10), { vendor: vendorEntity, findings: dataset.findings, totalFindings: 5 }, false);
  return document.querySelector('dual-use-tooltip')!.shadowRoot!;
}

/** The same dataset with every free-text field replaced by a plain word. */
function blandOf(dataset: Dataset): Dataset {
  const bland = (s: string) => (s ? 'plain' : s);
  const local = (l: { en: string; fr: string }) => ({ en: bland(l.en), fr: bland(l.fr) });
  return {
    ...dataset,
    entities: dataset.entities.map((e) => ({ ...e, name: bland(e.name) })),
    findings: dataset.findings.map((f) => ({
      ...f, title: local(f.title), summary: local(f.summary), ...(f.response ? { response: local(f.response) } : {}),
      ...(f.units ? { units: f.units.map(bland) } : {}),
      sources: f.sources.map((s) => ({ ...s, publisher: bland(s.publisher), ...(s.title ? { title: bland(s.title) } : {}) })),
    })),
  };
}

describe('what passes is rendered as text only', () => {
  const imported = importFile(trickyFile);
  it('passes the import', () => {
    expect(imported.ok ? imported : imported.problem).toMatchObject({ ok: true, kind: 'dataset' });
  });
  const dataset = (imported.ok && imported.kind === 'dataset' ? imported.dataset : null) as Dataset;

  it.each(['en', 'fr'] as const)('popup (%s): data strings verbatim as text, no element or attribute from data, https links only', (lang) => {
    const section = renderPopup(dataset, lang);
    expectTextOnly(section);
    const text = section.textContent ?? '';
    for (const value of [TRICKY.title, TRICKY.summary, TRICKY.publisher, TRICKY.response, TRICKY.unit, TRICKY.name]) expect(text).toContain(value);
    expect([...section.querySelectorAll('.sources a')].map((a) => a.getAttribute('href'))).toEqual(['https://apnews.com/p?q=%3Cscript%3E&x=1#frag', 'HTTPS://EXAMPLE.ORG/Upper']);
    expect(section.querySelector('.sources a')?.getAttribute('title')).toBe(TRICKY.sourceTitle);
    expect(skeleton(section)).toEqual(skeleton(renderPopup(blandOf(dataset), lang)));
  });

  it('tooltip: data strings verbatim as text, no element or attribute from data, https links only', () => {
    const root = renderTooltip(dataset);
    expectTextOnly(root);
    const text = root.textContent ?? '';
    for (const value of [TRICKY.title, TRICKY.name, `Source: ${TRICKY.publisher}`]) expect(text).toContain(value);
    const hostile = skeleton(root);
    expect(hostile).toEqual(skeleton(renderTooltip(blandOf(dataset))));
  });

  it('never links a source the validator would refuse, if one reaches the renderers anyway', () => {
    const unsafe = ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'http://apnews.com/x', 'vbscript:x', ' javascript:alert(1)', 'blob:https://a.example/1', 'not a url'];
    const raw: Dataset = {
      version: '1.0.0', publishers: [], entities: [vendor, military], topics: [],
      findings: [{ ...baseFinding, sources: unsafe.map((url, i) => ({ ...baseFinding.sources[0]!, url, publisher: `P${i}` })) }],
    };
    const section = renderPopup(raw);
    const root = renderTooltip(raw);
    expect(section.querySelectorAll('a:not(.report-problem):not(.timeline-link)')).toHaveLength(0);
    expect(root.querySelectorAll('a')).toHaveLength(0);
    expectTextOnly(section);
    expectTextOnly(root);
  });
});
