// The popup: what the tab's page reports (cited by, then appears to report), then the findings for
// that tab (popup.html?tab=<id>, else the active tab) grouped by company, most relevant first; a lookup
// over the whole dataset (popup.html?q=<query> opens on it); the current site's on/off switch.
import browser from 'webextension-polyfill';
import type { Dataset, Lang } from '../../lib/dataset/types';
import { getSettings, saveSettings } from '../../lib/db';
import { indexEntities, passesFilters } from '../../lib/filters';
import { pickLang, translator } from '../../lib/i18n';
import { popupMessages } from '../../lib/i18n/popup';
import { sendRequest, type TabReport, type TabStateResponse } from '../../lib/messaging';
import { formatCitation, type CitationFormat } from '../../lib/present/citation';
import { describeReasons } from '../../lib/present/group';
import { rankFindings } from '../../lib/present/rank';
import { reportProblemUrl, suggestSourceUrl } from '../../lib/present/report-link';
import { buildSearchIndex, type SearchIndex } from '../../lib/search';
import { defaultSettings, type Settings } from '../../lib/settings';
import { isEnabledOn, siteOf, toggleSite } from '../../lib/tab-state';
import { loadActiveDataset } from '../background/active-dataset';
import { renderCompany, renderReportGroup, type CompanyView, type FindingActions, type ReportedFinding, type Translate } from './render';

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`popup.html lacks #${id}`);
  return node as T;
}

const ui = {
  appName: byId('app-name'),
  tagline: byId('tagline'),
  languageLabel: byId('language-label'),
  language: byId<HTMLSelectElement>('language'),
  openExplore: byId<HTMLAnchorElement>('open-explore'),
  openSettings: byId<HTMLButtonElement>('open-settings'),
  siteSwitchLabel: byId('site-switch-label'),
  siteSwitch: byId<HTMLInputElement>('site-switch'),
  siteLabel: byId('site-label'),
  siteNote: byId('site-note'),
  search: byId<HTMLFormElement>('search'),
  queryLabel: byId('query-label'),
  query: byId<HTMLInputElement>('query'),
  count: byId('results-count'),
  results: byId('results'),
  resultsHeading: byId('results-heading'),
  announce: byId('announce'),
};

/** The lookup a link opened the popup on ("Look up … in Dual Use"): popup.html?q=…, bounded. */
const QUERY_FROM_ADDRESS = (new URLSearchParams(location.search).get('q') ?? '').trim().slice(0, 200);

interface PopupState {
  settings: Settings;
  lang: Lang;
  t: Translate;
  tabUrl: string | null;
  tabState: TabStateResponse | null;
  dataset: Dataset | null;
  search: SearchIndex | null;
}

async function resolveTabId(): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isSafeInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id ?? null;
}

function applyLanguage(state: PopupState): void {
  const { t } = state;
  document.documentElement.lang = state.lang;
  document.title = t('appName');
  ui.appName.textContent = t('appName');
  ui.tagline.textContent = t('tagline');
  ui.languageLabel.textContent = t('language');
  ui.language.value = state.settings.language;
  ui.openExplore.textContent = t('exploreRecord');
  ui.openSettings.textContent = t('settings');
  ui.queryLabel.textContent = t('searchLabel');
  ui.query.placeholder = t('searchPlaceholder');
}

function renderSiteSwitch(state: PopupState): void {
  const site = state.tabUrl ? siteOf(state.tabUrl) : null;
  // The row keeps its height either way, so nothing below it moves when the tab is known.
  ui.siteSwitchLabel.hidden = site === null;
  if (!site || !state.tabUrl) return;
  ui.siteLabel.textContent = state.t('siteSwitch', { site });
  ui.siteSwitch.checked = isEnabledOn(state.settings, state.tabUrl);
  ui.siteSwitch.disabled = !state.settings.enabled;
  ui.siteNote.hidden = state.settings.enabled;
  ui.siteNote.textContent = state.settings.enabled ? '' : state.t('siteSwitchOff');
}

function clearResults(): void {
  for (const node of [...ui.results.children]) if (node !== ui.resultsHeading) node.remove();
}

function renderEmpty(lines: string[]): void {
  const box = document.createElement('div');
  box.className = 'empty muted';
  for (const line of lines) {
    const p = document.createElement('p');
    p.textContent = line;
    box.append(p);
  }
  ui.results.append(box);
}

/** Says something to screen readers through the popup's status region (again, even if it is the same words). */
function announce(message: string): void {
  ui.announce.textContent = '';
  setTimeout(() => (ui.announce.textContent = message), 50);
}

function findingActions(state: PopupState): FindingActions {
  return {
    reportUrl: (finding) => reportProblemUrl(finding.id, state.tabUrl, state.tabState?.datasetVersion ?? state.dataset?.version ?? '', state.lang),
    copy: (finding, format: CitationFormat) => {
      navigator.clipboard.writeText(formatCitation(finding, state.lang, format)).then(
        () => announce(state.t('citationCopied')),
        () => announce(state.t('copyFailed')),
      );
    },
  };
}

function reportedIn(reports: readonly TabReport[], lang: PopupState['lang']): ReportedFinding[] {
  return reports.map((report) => ({ finding: report.finding, terms: report.terms.map((term) => term[lang]) }));
}

function renderTab(state: PopupState): void {
  const { t, lang } = state;
  clearResults();
  ui.resultsHeading.textContent = t('onThisPage');
  ui.count.textContent = '';
  const vendors = state.tabState?.vendors ?? [];
  const reports = state.tabState?.reports ?? [];
  const entities = indexEntities(state.dataset?.entities ?? []);
  const actions = findingActions(state);
  if (!state.tabUrl || siteOf(state.tabUrl) === null) {
    renderEmpty([t('notAPage'), t('nothingHereHint')]);
    return;
  }
  if (vendors.length === 0 && reports.length === 0) {
    renderEmpty([t('nothingHere'), t('nothingHereHint')]);
    return;
  }
  const cited = reports.filter((report) => report.why === 'cited');
  const stories = reports.filter((report) => report.why === 'story');
  if (cited.length) {
    const heading = cited.length === 1 ? t('citedByOne') : t('citedByMany', { n: cited.length });
    ui.results.append(renderReportGroup(heading, reportedIn(cited, lang), entities, lang, t, 'cited', actions));
  }
  if (stories.length) ui.results.append(renderReportGroup(t('appearsToReport'), reportedIn(stories, lang), entities, lang, t, 'story', actions));
  // Then the rest of each company's record; a company none of whose findings reports this page may be offered it as a source.
  const reported = new Set(reports.map((report) => report.finding.id));
  for (const listed of vendors) {
    const rest = listed.findings.filter((finding) => !reported.has(finding.id));
    const hasReport = rest.length < listed.findings.length;
    const view: CompanyView = {
      vendor: listed.vendor,
      reasons: describeReasons(listed.vendor.name, listed.domain, listed.mentions, lang),
      findings: rest,
      totalFindings: listed.totalFindings - (listed.findings.length - rest.length),
      ...(hasReport && rest.length === 0 ? { note: t('allReportedAbove') } : {}),
      ...(hasReport ? {} : { suggestUrl: suggestSourceUrl(listed.vendor.id, state.tabUrl, state.tabState?.datasetVersion ?? '', lang) }),
    };
    ui.results.append(renderCompany(view, entities, lang, t, 'tab', actions));
  }
}

function renderSearch(state: PopupState, query: string): void {
  const { t, lang } = state;
  clearResults();
  if (!state.search || !state.dataset) return;
  const entities = indexEntities(state.dataset.entities);
  const hits = state.search.search(query).filter((hit) => entities.has(hit.vendor));
  ui.resultsHeading.textContent = t('searchResults');
  const n = hits.length;
  ui.count.textContent = n === 0 ? t('resultsNone', { query }) : n === 1 ? t('resultsOne', { query }) : t('resultsMany', { n, query });
  for (const hit of hits) {
    const visible = hit.findings.filter((finding) => passesFilters(finding, state.settings.filters, entities));
    const view: CompanyView = {
      vendor: entities.get(hit.vendor)!,
      reasons: [t('matched', { terms: hit.matched.slice(0, 4).join(', ') })],
      findings: rankFindings(visible),
      totalFindings: hit.findings.length,
    };
    ui.results.append(renderCompany(view, entities, lang, t, 'search', findingActions(state)));
  }
}

function renderResults(state: PopupState): void {
  const query = ui.query.value.trim();
  if (query) renderSearch(state, query);
  else renderTab(state);
  ui.results.setAttribute('aria-busy', 'false');
}

async function announceSettingsChanged(): Promise<void> {
  await sendRequest({ type: 'settings-changed' }).catch(() => undefined);
}

async function start(): Promise<void> {
  const settings = await getSettings().catch(() => structuredClone(defaultSettings));
  const lang = pickLang(settings.language, browser.i18n.getUILanguage());
  const state: PopupState = {
    settings, lang, t: translator(popupMessages, lang), tabUrl: null, tabState: null, dataset: null, search: null,
  };
  applyLanguage(state);
  ui.resultsHeading.textContent = state.t('loading');

  const tabId = await resolveTabId();
  const [tabState, dataset] = await Promise.all([
    tabId === null ? Promise.resolve(null) : sendRequest({ type: 'tab-state', tabId }).catch(() => null),
    loadActiveDataset(),
  ]);
  state.tabState = tabState ?? null;
  state.tabUrl = tabState?.url ?? null;
  state.dataset = dataset;
  state.search = buildSearchIndex(dataset);
  if (QUERY_FROM_ADDRESS) ui.query.value = QUERY_FROM_ADDRESS;
  renderSiteSwitch(state);
  renderResults(state);

  ui.search.addEventListener('submit', (event) => event.preventDefault());
  ui.query.addEventListener('input', () => renderResults(state));

  ui.openSettings.addEventListener('click', () => {
    void browser.runtime.openOptionsPage();
  });

  ui.language.addEventListener('change', () => {
    const choice = ui.language.value === 'en' || ui.language.value === 'fr' ? ui.language.value : '';
    void (async () => {
      state.settings = await saveSettings({ language: choice });
      state.lang = pickLang(choice, browser.i18n.getUILanguage());
      state.t = translator(popupMessages, state.lang);
      applyLanguage(state);
      renderSiteSwitch(state);
      renderResults(state);
      await announceSettingsChanged();
    })();
  });

  ui.siteSwitch.addEventListener('change', () => {
    const site = state.tabUrl ? siteOf(state.tabUrl) : null;
    if (!site) return;
    void (async () => {
      state.settings = await saveSettings({ sites: toggleSite(state.settings, site, ui.siteSwitch.checked) });
      renderSiteSwitch(state);
      await announceSettingsChanged();
    })();
  });
}

void start();
