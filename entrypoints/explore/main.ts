// The explore page (explore.html): the whole record passing the reader's filters, searchable and
// sortable; #vendor=<id> a company with its timeline and table; #customer=<id> who supplies a
// customer; #finding=<id> one finding in full. Wiring only: what to show comes from lib/explore.
import browser from 'webextension-polyfill';
import type { Finding, Lang } from '../../lib/dataset/types';
import { getSettings, saveSettings } from '../../lib/db';
import { findingsToCsv } from '../../lib/dataset/csv';
import { exportToJson } from '../../lib/explore/json-export';
import { formatRoute, parseRoute, type ExploreRoute } from '../../lib/explore/route';
import { layoutTimeline, DEFAULT_LAYOUT, SHAPE_OF_STATUS, type TimelineItem } from '../../lib/explore/timeline-layout';
import { drawShape, renderTimelineSvg } from '../../lib/explore/timeline-svg';
import {
  buildCustomerView, buildExploreIndex, buildVendorView, selectFindings, SORT_KEYS,
  type ExploreIndex, type SortKey, type Tally,
} from '../../lib/explore/view-model';
import { passesFilters } from '../../lib/filters';
import { pickLang, translator } from '../../lib/i18n';
import { exploreMessages, type ExploreKey } from '../../lib/i18n/explore';
import { findingMessages } from '../../lib/i18n/finding';
import { sendRequest } from '../../lib/messaging';
import { formatCitation, type CitationFormat } from '../../lib/present/citation';
import { renderFindingCard } from '../../lib/present/finding-card';
import { formatAmount, formatDate, labelStatus } from '../../lib/present/format';
import { displayName } from '../../lib/present/names';
import { defaultSettings, type Settings } from '../../lib/settings';
import { FINDING_KINDS, FINDING_STATUSES } from '../../lib/dataset/types';
import { loadActiveDataset } from '../background/active-dataset';
import { el } from '../options/dom';
import { downloadText } from '../options/download';
import { renderFilterPanel } from './filter-panel';
import { WindowedList } from './windowed-list';

/** Height of one row of the list, in px (the CSS clamps each row's text to fit). */
const ROW_HEIGHT = 80;

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`explore.html lacks #${id}`);
  return node as T;
}

const ui = {
  brand: byId<HTMLAnchorElement>('brand'),
  nav: byId('nav'),
  navRecord: byId<HTMLAnchorElement>('nav-record'),
  openSettings: byId<HTMLButtonElement>('open-settings'),
  languageLabel: byId('language-label'),
  languageAuto: byId<HTMLOptionElement>('language-auto'),
  language: byId<HTMLSelectElement>('language'),
  main: byId('main'),
  view: byId('view'),
  announce: byId('announce'),
  versions: byId('versions'),
};

interface PageState {
  settings: Settings;
  lang: Lang;
  t: (key: ExploreKey, params?: Record<string, string | number>) => string;
  index: ExploreIndex;
  route: ExploreRoute;
  query: string;
  sort: SortKey;
  /** The findings the current view shows, for export. */
  shown: Finding[];
  list: WindowedList<Finding> | null;
}

let state: PageState;
/** The filters, kept across views (each view places it under its heading). */
let filterPanel: HTMLDetailsElement | null = null;

const hrefs = {
  vendor: (id: string) => formatRoute({ view: 'vendor', id }),
  customer: (id: string) => formatRoute({ view: 'customer', id }),
  finding: (id: string) => formatRoute({ view: 'finding', id }),
};

const kindLabel = (kind: Finding['kind']) => translator(findingMessages, state.lang)(`kind.${kind}`);
const nameOf = (id: string) => displayName(state.index.entities.get(id), id, state.lang);
const countLabel = (n: number) => (n === 1 ? state.t('countOne') : state.t('countMany', { n }));

function applyLanguage(): void {
  const { t } = state;
  document.documentElement.lang = state.lang;
  ui.brand.textContent = t('appName');
  ui.nav.setAttribute('aria-label', t('appName'));
  ui.navRecord.textContent = t('navRecord');
  ui.openSettings.textContent = t('navSettings');
  ui.languageLabel.textContent = t('language');
  ui.languageAuto.textContent = t('languageAuto');
  ui.language.value = state.settings.language;
  ui.versions.textContent = t('versions', { extension: browser.runtime.getManifest().version, dataset: state.index.dataset.version });
}

function renderFilters(): void {
  const wasOpen = filterPanel?.open ?? false;
  const previous = filterPanel;
  filterPanel = renderFilterPanel({
    dataset: state.index.dataset, entities: state.index.entities, lang: state.lang, t: state.t,
    filters: () => state.settings.filters, open: wasOpen,
    change: (filters) => {
      state.settings = { ...state.settings, filters };
      void saveSettings({ filters }).then(() => sendRequest({ type: 'settings-changed' }).catch(() => undefined));
      renderView(false);
    },
  });
  previous?.replaceWith(filterPanel);
}

// ——— Shared pieces ———

function exportBar(name: string): HTMLElement {
  const stamp = new Date().toISOString().slice(0, 10);
  const base = `dual-use-${name}-${stamp}`;
  return el('div', { class: 'export', role: 'group', 'aria-label': state.t('export') },
    el('span', { class: 'export-label', text: state.t('export') }),
    el('button', { type: 'button', class: 'quiet', id: 'export-csv', text: state.t('exportCsv'), onclick: () =>
      downloadText(`${base}.csv`, findingsToCsv(state.shown, state.index.entities), 'text/csv;charset=utf-8') }),
    el('button', { type: 'button', class: 'quiet', id: 'export-json', text: state.t('exportJson'), onclick: () =>
      downloadText(`${base}.json`, exportToJson({
        extensionVersion: browser.runtime.getManifest().version, datasetVersion: state.index.dataset.version,
        exportedAt: new Date(), route: state.route, filters: state.settings.filters, query: state.route.view === 'list' ? state.query : '',
        sort: state.sort, findings: state.shown, entities: state.index.entities,
      })) }));
}

function backLink(): HTMLElement {
  return el('p', { class: 'back' }, el('a', { href: 'explore.html', text: `← ${state.t('backToList')}` }));
}

function shownLine(shown: number, total: number): HTMLElement {
  return el('p', { class: 'count', id: 'view-count', text: shown === total ? countLabel(total) : state.t('shownOf', { shown, total }) });
}

function yearsOf(findings: readonly Finding[]): string {
  if (findings.length === 0) return '';
  const years = findings.map((finding) => finding.date.slice(0, 4)).sort();
  return years[0] === years.at(-1) ? years[0]! : `${years[0]}–${years.at(-1)}`;
}

function tallyList(tallies: Tally[], hrefOf: (id: string) => string, id: string): HTMLElement {
  if (tallies.length === 0) return el('p', { class: 'hint', text: state.t('noneListed') });
  return el('ul', { class: 'tallies', id },
    ...tallies.map((tally) => el('li', {},
      el('a', { href: hrefOf(tally.id), text: tally.name }),
      el('span', { class: 'muted', text: ` — ${state.t('tallyLine', {
        n: countLabel(tally.count),
        years: tally.years[0] === tally.years[1] ? tally.years[0] : `${tally.years[0]}–${tally.years[1]}`,
        kinds: tally.kinds.map(kindLabel).join(', '),
      })}` }))));
}

function describeMark(finding: Finding): string {
  const amount = finding.amount ? ` ${formatAmount(finding.amount, state.lang)}.` : '';
  return state.t('markLabel', {
    date: formatDate(finding.date, state.lang), title: finding.title[state.lang],
    status: labelStatus(finding.status, state.lang), kind: kindLabel(finding.kind),
  }) + amount;
}

/** The timeline (rows by `rowOf`), its legend, and the same data as a table. */
function timelineSections(name: string, findings: Finding[], rows: { key: string; label: string }[], rowOf: (finding: Finding) => string,
  rowHeading: string): HTMLElement[] {
  const { t, lang } = state;
  const fieldLabel = translator(findingMessages, lang);
  const items: TimelineItem[] = findings.map((finding) => ({
    id: finding.id, date: finding.date, row: rowOf(finding), status: finding.status, kind: finding.kind, amount: finding.amount,
  }));
  const narrow = window.innerWidth < 600;
  // The drawing fits its box (the view less the box's padding and border) and scrolls only when years need more room.
  const width = Math.max(300, Math.min((ui.view.clientWidth || 800) - 36, 1200));
  const longest = Math.max(0, ...rows.map((row) => row.label.length));
  const labelWidth = Math.round(Math.min(Math.max(longest * 6.5 + 12, 100), Math.min(300, width * 0.3)));
  // Names beside the rows get the room the longest needs (about 6.5 px a character at 12 px), within
  // bounds; on a narrow screen the names go above their rows, whole, instead of being cut beside them.
  const layout = layoutTimeline(items, rows, narrow
    ? { ...DEFAULT_LAYOUT, width, labelWidth: 0, labelHeight: 16, minYearWidth: 10 }
    : { ...DEFAULT_LAYOUT, width, labelWidth, minYearWidth: 20 });
  const byId = new Map(findings.map((finding) => [finding.id, finding]));
  const timeline = findings.length === 0
    ? el('p', { class: 'hint', text: t('emptyTimeline') })
    : el('div', { class: 'timeline-scroll' }, renderTimelineSvg(layout, {
      document,
      label: t('timelineLabel', { name, count: countLabel(findings.length), years: yearsOf(findings) }),
      hrefOf: hrefs.finding,
      describe: (id) => describeMark(byId.get(id)!),
      maxLabelLength: narrow ? 48 : Math.floor((labelWidth - 12) / 6.5),
    }));
  const kindsShown = FINDING_KINDS.filter((kind) => findings.some((finding) => finding.kind === kind));
  const swatch = (draw: (svg: SVGSVGElement) => void, className: string) => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('width', '24');
    svg.setAttribute('height', '24');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('class', `swatch mark ${className}`);
    draw(svg);
    return svg;
  };
  const shapeSwatch = (status: Finding['status'], className = 'kind-none') => swatch((svg) => {
    const shape = drawShape(document, SHAPE_OF_STATUS[status], 12, 12, 7);
    shape.classList.add('shape');
    svg.append(shape);
  }, className);
  const legend = el('div', { class: 'legend', role: 'group', 'aria-labelledby': 'legend-heading' },
    el('h3', { id: 'legend-heading', text: t('legend') }),
    el('div', { class: 'legend-group' }, el('h4', { text: t('legendStatus') }),
      el('ul', {}, ...FINDING_STATUSES.map((status) => el('li', {}, shapeSwatch(status), t(`status.${status}`))))),
    el('div', { class: 'legend-group' }, el('h4', { text: t('legendKind') }),
      el('ul', {}, ...kindsShown.map((kind) => el('li', {}, shapeSwatch('reported', `kind-${kind}`), kindLabel(kind))))),
    el('div', { class: 'legend-group' }, el('h4', { text: t('legendSize') }),
      el('p', { class: 'hint', text: t('legendSizeText') }),
      el('ul', {},
        el('li', {}, shapeSwatch('reported', 'kind-none ceiling'), t('legendCeiling')),
        el('li', {}, swatch((svg) => {
          const ring = drawShape(document, 'circle', 12, 12, 10);
          ring.classList.add('shared-ring');
          const dot = drawShape(document, 'circle', 12, 12, 6);
          dot.classList.add('shape');
          svg.append(ring, dot);
        }, 'kind-none shared'), t('legendShared')))));

  const table = el('table', { class: 'data', id: 'timeline-table' },
    el('caption', { text: t('tableCaption', { name }) }),
    el('thead', {}, el('tr', {}, ...[t('date'), t('titleColumn'), rowHeading, fieldLabel('kind'), fieldLabel('status'), fieldLabel('amount')]
      .map((heading) => el('th', { scope: 'col', text: heading })))),
    el('tbody', {}, ...findings.map((finding) => el('tr', { 'data-finding-row': finding.id },
      el('td', {}, el('time', { datetime: finding.date, text: formatDate(finding.date, lang) })),
      el('td', {}, el('a', { href: hrefs.finding(finding.id), text: finding.title[lang] })),
      el('td', { text: rows.find((row) => row.key === rowOf(finding))?.label ?? '' }),
      el('td', { text: kindLabel(finding.kind) }),
      el('td', { text: labelStatus(finding.status, lang) }),
      el('td', { text: finding.amount ? formatAmount(finding.amount, lang) : '—' })))));

  return [
    el('section', { 'aria-labelledby': 'timeline-heading', class: 'block' },
      el('h2', { id: 'timeline-heading', text: t('timelineHeading') }),
      el('p', { class: 'hint', text: t('timelineHint') }), timeline, legend),
    el('section', { 'aria-labelledby': 'table-heading', class: 'block' },
      el('h2', { id: 'table-heading', text: t('tableHeading') }), el('div', { class: 'table-scroll' }, table)),
  ];
}

// ——— Views ———

function renderList(): HTMLElement[] {
  const { t, lang } = state;
  const count = el('p', { class: 'count', id: 'view-count', 'aria-live': 'polite' });
  const list = el('ol', { class: 'finding-list', id: 'finding-list', 'aria-label': t('listLabel') });
  const total = state.index.dataset.findings.length;
  state.list = new WindowedList<Finding>(list, ROW_HEIGHT, (finding) => {
    const top = state.index.topOf(finding.vendor);
    const parts = [formatDate(finding.date, lang), nameOf(top), finding.customer ? nameOf(finding.customer) : '',
      labelStatus(finding.status, lang), kindLabel(finding.kind), finding.amount ? formatAmount(finding.amount, lang) : ''].filter(Boolean);
    return el('li', { class: 'row' },
      el('a', { class: 'row-title', href: hrefs.finding(finding.id), text: finding.title[lang] }),
      el('p', { class: 'row-meta', text: parts.join(' · ') }));
  });
  const update = () => {
    state.shown = selectFindings(state.index, state.settings.filters, state.query, state.sort);
    const n = state.shown.length;
    count.textContent = n === 0 ? t('countNone') : !state.query && n < total ? t('shownOf', { shown: n, total }) : countLabel(n);
    state.list!.setItems(state.shown);
  };
  const search = el('input', { type: 'search', id: 'explore-query', value: state.query, spellcheck: false, autocomplete: 'off',
    placeholder: t('searchPlaceholder'), 'aria-describedby': 'view-count', oninput: () => {
      state.query = search.value;
      update();
    } });
  const sort = el('select', { id: 'explore-sort', onchange: () => {
    state.sort = sort.value as SortKey;
    update();
  } }, ...SORT_KEYS.map((key) => el('option', { value: key, text: t(`sort.${key}`) })));
  sort.value = state.sort;
  queueMicrotask(update);
  return [
    el('h1', { id: 'view-heading', tabindex: -1, text: t('title') }),
    el('p', { class: 'intro', text: t('intro') }),
    el('div', { class: 'list-tools' },
      el('form', { role: 'search', class: 'search', onsubmit: (event) => event.preventDefault() },
        el('label', { for: search.id, text: t('searchLabel') }), search),
      el('div', { class: 'sort' }, el('label', { for: sort.id, text: t('sortLabel') }), sort)),
    el('div', { class: 'count-row' }, count, exportBar('record')),
    list,
  ];
}

function renderVendor(id: string): HTMLElement[] {
  const { t } = state;
  const view = buildVendorView(state.index, id, state.settings.filters, state.lang);
  if (!view) return renderNotFound(id);
  state.shown = view.findings;
  document.title = t('pageTitle', { name: t('vendorPage', { name: view.vendor.name }) });
  const facts = el('dl', { class: 'facts' },
    el('dt', { text: t('country') }), el('dd', { text: countryName(view.vendor.country) }),
    ...(view.subsidiaries.length ? [el('dt', { text: t('subsidiaries') }), el('dd', { text: view.subsidiaries.map((e) => e.name).join(', ') })] : []),
    ...(view.products.length ? [el('dt', { text: t('products') }), el('dd', { text: view.products.join(', ') })] : []));
  const rowKeys = [...new Set(view.findings.map((finding) => finding.customer ?? ''))];
  const rows = rowKeys
    .map((key) => ({ key, label: key ? nameOf(key) : t('noCustomerRow') }))
    .sort((a, b) => Number(a.key === '') - Number(b.key === '') || a.label.localeCompare(b.label, state.lang));
  return [
    backLink(),
    el('h1', { id: 'view-heading', tabindex: -1, text: view.vendor.name }),
    el('div', { class: 'count-row' }, shownLine(view.findings.length, view.total), exportBar(`vendor-${id}`)),
    facts,
    el('section', { 'aria-labelledby': 'customers-heading', class: 'block' },
      el('h2', { id: 'customers-heading', text: t('customersHeading') }), tallyList(view.customers, hrefs.customer, 'customer-list')),
    ...timelineSections(view.vendor.name, view.findings, rows, (finding) => finding.customer ?? '', translator(findingMessages, state.lang)('customer')),
  ];
}

function renderCustomer(id: string): HTMLElement[] {
  const { t } = state;
  const view = buildCustomerView(state.index, id, state.settings.filters, state.lang);
  if (!view) return renderNotFound(id);
  state.shown = view.findings;
  const name = nameOf(id);
  document.title = t('pageTitle', { name: t('customerPage', { name }) });
  const entityLinks = (entities: typeof view.parts) => el('dd', {}, ...entities.flatMap((entity, position) => [
    position ? ', ' : '', el('a', { href: hrefs.customer(entity.id), text: nameOf(entity.id) })]));
  const facts = el('dl', { class: 'facts' },
    el('dt', { text: t('country') }), el('dd', { text: countryName(view.customer.country) }),
    ...(view.parents.length ? [el('dt', { text: t('partOf') }), entityLinks(view.parents)] : []),
    ...(view.parts.length ? [el('dt', { text: t('includes') }), entityLinks(view.parts)] : []));
  const rows = view.vendors.map((tally) => ({ key: tally.id, label: tally.name }))
    .sort((a, b) => a.label.localeCompare(b.label, state.lang));
  return [
    backLink(),
    el('h1', { id: 'view-heading', tabindex: -1, text: name }),
    el('div', { class: 'count-row' }, shownLine(view.findings.length, view.total), exportBar(`customer-${id}`)),
    facts,
    el('section', { 'aria-labelledby': 'suppliers-heading', class: 'block' },
      el('h2', { id: 'suppliers-heading', text: t('suppliersHeading') }), tallyList(view.vendors, hrefs.vendor, 'vendor-list')),
    ...timelineSections(name, view.findings, rows, (finding) => state.index.topOf(finding.vendor), translator(findingMessages, state.lang)('company')),
  ];
}

function renderFinding(id: string): HTMLElement[] {
  const finding = state.index.findingsById.get(id);
  if (!finding) return renderNotFound(id);
  state.shown = [finding];
  document.title = state.t('pageTitle', { name: finding.title[state.lang] });
  const card = renderFindingCard(finding, { document, lang: state.lang, entities: state.index.entities, headingLevel: 1, links: hrefs, copy: copyCitation });
  card.querySelector('h1')!.id = 'view-heading';
  const hidden = !passesFilters(finding, state.settings.filters, state.index.entities);
  return [
    backLink(),
    ...(hidden ? [el('p', { class: 'note', text: state.t('hiddenFinding') })] : []),
    card,
    el('div', { class: 'count-row' }, exportBar(`finding-${id}`)),
  ];
}

/** Puts a finding's citation on the clipboard and says so to screen readers (the same text as the popup's). */
function copyCitation(finding: Finding, format: CitationFormat): void {
  const say = translator(findingMessages, state.lang);
  const announce = (message: string) => {
    ui.announce.textContent = '';
    setTimeout(() => (ui.announce.textContent = message), 50);
  };
  navigator.clipboard.writeText(formatCitation(finding, state.lang, format)).then(
    () => announce(say('citationCopied')),
    () => announce(say('copyFailed')),
  );
}

function renderNotFound(id: string): HTMLElement[] {
  state.shown = [];
  return [backLink(), el('h1', { id: 'view-heading', tabindex: -1, text: state.t('notFound', { id: id.slice(0, 200) }) })];
}

function countryName(code: string): string {
  try {
    return new Intl.DisplayNames([state.lang], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Draws the view the address names; `moveFocus` after a navigation, so keyboard and screen reader start at its heading. */
function renderView(moveFocus: boolean): void {
  state.list?.dispose();
  state.list = null;
  document.title = state.t('pageTitle', { name: state.t('title') });
  const route = state.route;
  const focusedId = document.activeElement?.id;
  const content = route.view === 'vendor' ? renderVendor(route.id)
    : route.view === 'customer' ? renderCustomer(route.id)
      : route.view === 'finding' ? renderFinding(route.id)
        : renderList();
  // The filters sit under the view's heading and count, where each view leaves a slot for them.
  ui.view.replaceChildren(...content);
  const slot = ui.view.querySelector('.count-row') ?? ui.view.querySelector('#view-heading');
  if (filterPanel && slot) slot.after(filterPanel);
  ui.main.setAttribute('aria-busy', 'false');
  if (moveFocus) {
    document.getElementById('view-heading')?.focus();
    window.scrollTo(0, 0);
  } else if (focusedId) document.getElementById(focusedId)?.focus();
}

async function start(): Promise<void> {
  const [settings, dataset] = await Promise.all([
    getSettings().catch(() => structuredClone(defaultSettings)),
    loadActiveDataset(),
  ]);
  const lang = pickLang(settings.language, browser.i18n.getUILanguage());
  state = {
    settings, lang, t: translator(exploreMessages, lang), index: buildExploreIndex(dataset), route: parseRoute(location.hash),
    query: '', sort: 'date-desc', shown: [], list: null,
  };
  applyLanguage();
  renderFilters();
  renderView(false);

  window.addEventListener('hashchange', () => {
    state.route = parseRoute(location.hash);
    renderView(true);
  });
  // A timeline is laid out for the width it has: draw it again when the window changes size.
  let drawnWidth = ui.view.clientWidth;
  let resizeTimer = 0;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(() => {
      const width = ui.view.clientWidth;
      if (Math.abs(width - drawnWidth) < 24 || (state.route.view !== 'vendor' && state.route.view !== 'customer')) return;
      drawnWidth = width;
      const scroll = window.scrollY;
      renderView(false);
      window.scrollTo(0, scroll);
    }, 150);
  });
  ui.openSettings.addEventListener('click', () => void browser.runtime.openOptionsPage());
  ui.language.addEventListener('change', () => {
    const choice = ui.language.value === 'en' || ui.language.value === 'fr' ? ui.language.value : '';
    void (async () => {
      state.settings = await saveSettings({ language: choice });
      state.lang = pickLang(choice, browser.i18n.getUILanguage());
      state.t = translator(exploreMessages, state.lang);
      applyLanguage();
      renderFilters();
      renderView(false);
      ui.language.focus();
      await sendRequest({ type: 'settings-changed' }).catch(() => undefined);
    })();
  });
  // Filters or language changed elsewhere (options page, popup): catch up when the page is shown again.
  window.addEventListener('focus', () => {
    void getSettings().then((stored) => {
      if (JSON.stringify(stored) === JSON.stringify(state.settings)) return;
      state.settings = stored;
      state.lang = pickLang(stored.language, browser.i18n.getUILanguage());
      state.t = translator(exploreMessages, state.lang);
      applyLanguage();
      renderFilters();
      renderView(false);
    });
  });
}

start().catch((error: unknown) => {
  const t = translator(exploreMessages, pickLang('', navigator.language));
  ui.view.replaceChildren(el('p', { role: 'alert', class: 'alert', text: t('loadFailed', { error: String(error) }) }));
  ui.main.setAttribute('aria-busy', 'false');
});

