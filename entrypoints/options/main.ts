// The options page: annotations, site rules, filters with a live count, import/export and dataset
// facts. Every change is saved to lib/db at once, then the background is told ('settings-changed')
// so badges, popups and page marks follow without a reload. Text only: nothing is set as HTML.
import { getActiveDataset, type ActiveDataset } from '../../lib/db/active-dataset';
import { getSettings, importAll, resetDataset, saveSettings } from '../../lib/db/index';
import { validateDataset } from '../../lib/dataset/validate';
import type { Lang } from '../../lib/dataset/types';
import { countPassing, indexEntities, type EntityIndex } from '../../lib/filters';
import { pickLang, translator } from '../../lib/i18n/index';
import { optionsMessages, type OptionsKey } from '../../lib/i18n/options';
import { checkImportSize, parseImportFile, type ImportProblemCode, serializeDataset, serializeSettings } from '../../lib/import-export';
import { sendRequest } from '../../lib/messaging';
import { defaultSettings, type Filters, type Settings } from '../../lib/settings';
import { listCategoryChoices, summarizeDataset, type Choice, type DatasetSummary } from './dataset-summary';
import { checkboxGroup, dateField, toggleValue, type FilterListKey } from './filter-fields';
import { el, makeId } from './dom';
import { downloadText } from './download';
import { normalizeSite } from './site-name';


interface PageState {
  settings: Settings;
  active: ActiveDataset;
  summary: DatasetSummary;
  entities: EntityIndex;
  lang: Lang;
  t: (key: OptionsKey, params?: Record<string, string | number>) => string;
}

const app = document.getElementById('app') as HTMLElement;
let state: PageState;
let saving: Promise<unknown> = Promise.resolve();

async function loadState(): Promise<PageState> {
  const [settings, active] = await Promise.all([getSettings(), getActiveDataset()]);
  const lang = pickLang(settings.language, navigator.language);
  return {
    settings, active, summary: summarizeDataset(active.dataset), entities: indexEntities(active.dataset.entities),
    lang, t: translator(optionsMessages, lang),
  };
}

/** Tells the background to re-read the database; no receiver (e.g. during an update) is not an error here. */
function notifyBackground(): void {
  sendRequest({ type: 'settings-changed' }).catch(() => undefined);
}

function announce(text: string): void {
  const status = document.getElementById('status');
  if (status) status.textContent = text;
}

/** Saves in order (one write at a time), then notifies. */
function persist(patch: Partial<Settings>): Promise<void> {
  state.settings = { ...state.settings, ...patch, filters: { ...state.settings.filters, ...patch.filters } };
  const write = saving.then(() => saveSettings(patch)).then(
    () => {
      notifyBackground();
      announce(state.t('saved'));
    },
    (error: unknown) => announce(state.t('saveFailed', { error: String(error) })),
  );
  saving = write;
  return write;
}

// ——— Sections ———

function section(id: string, heading: string, ...children: (Node | null)[]): HTMLElement {
  const headingId = `${id}-heading`;
  return el('section', { id, 'aria-labelledby': headingId }, el('h2', { id: headingId, text: heading }), ...children);
}

function renderGeneral(): HTMLElement {
  const { t, settings } = state;
  const enabledId = makeId('enabled');
  const enabledHint = makeId('hint');
  const marksId = makeId('marks');
  const marksHint = makeId('hint');
  const langId = 'language';
  const language = el('select', { id: langId, onchange: (e) => {
    const value = (e.target as HTMLSelectElement).value as Settings['language'];
    void persist({ language: value }).then(() => rerender(langId));
  } },
  el('option', { value: '', text: t('languageAuto') }),
  el('option', { value: 'en', text: 'English', lang: 'en' }),
  el('option', { value: 'fr', text: 'Français', lang: 'fr' }));
  language.value = settings.language;
  return section('general', t('generalHeading'),
    el('div', { class: 'row switch-row' },
      el('input', { type: 'checkbox', role: 'switch', id: enabledId, checked: settings.enabled, 'aria-describedby': enabledHint,
        onchange: (e) => void persist({ enabled: (e.target as HTMLInputElement).checked }) }),
      el('label', { for: enabledId, text: t('enabled') })),
    el('p', { class: 'hint', id: enabledHint, text: t('enabledHint') }),
    el('div', { class: 'row field' },
      el('label', { for: marksId, text: t('marks') }),
      el('input', { type: 'number', id: marksId, min: 0, max: 50, step: 1, value: String(settings.marksPerCompany), inputmode: 'numeric',
        'aria-describedby': marksHint, onchange: (e) => {
          const input = e.target as HTMLInputElement;
          const marks = Math.round(Number(input.value));
          const valid = input.value !== '' && Number.isFinite(marks) && marks >= 0 && marks <= 50;
          input.setAttribute('aria-invalid', String(!valid));
          if (valid) void persist({ marksPerCompany: marks });
        } }),
      el('span', { class: 'hint', id: marksHint, text: t('marksHint') })),
    el('div', { class: 'row field' }, el('label', { for: langId, text: t('language') }), language));
}

function renderSites(): HTMLElement {
  const { t } = state;
  const list = el('ul', { class: 'site-list' });
  const listLabel = el('h3', { id: 'site-list-heading' });
  const empty = el('p', { class: 'hint' });
  const error = el('p', { class: 'field-error', id: makeId('site-error') });
  const input = el('input', { type: 'text', id: makeId('site'), autocomplete: 'off', spellcheck: false, 'aria-describedby': error.id });

  const drawList = () => {
    const only = state.settings.siteMode === 'only-on';
    listLabel.textContent = only ? t('sitesListOnly') : t('sitesListExcept');
    empty.textContent = state.settings.sites.length === 0 ? (only ? t('noSitesOnly') : t('noSitesExcept')) : '';
    list.replaceChildren(...state.settings.sites.map((site) => el('li', {},
      el('span', { text: site }),
      el('button', { type: 'button', class: 'quiet', 'aria-label': t('removeSite', { site }), text: '✕', onclick: () => {
        void persist({ sites: state.settings.sites.filter((s) => s !== site) }).then(() => input.focus());
        drawList();
      } }))));
  };

  const addSite = (event: Event) => {
    event.preventDefault();
    const site = normalizeSite(input.value);
    error.textContent = '';
    input.removeAttribute('aria-invalid');
    if (!site) {
      error.textContent = t('siteInvalid', { site: input.value.trim().slice(0, 100) });
      input.setAttribute('aria-invalid', 'true');
      return;
    }
    if (state.settings.sites.includes(site)) {
      error.textContent = t('siteAlready', { site });
      return;
    }
    input.value = '';
    void persist({ sites: [...state.settings.sites, site].sort() });
    drawList();
  };

  const modeName = makeId('mode');
  const modes = el('fieldset', { class: 'choices' }, el('legend', { text: t('siteMode') }),
    ...(['everywhere-except', 'only-on'] as const).map((mode) => {
      const id = makeId('mode');
      return el('div', { class: 'row' },
        el('input', { type: 'radio', name: modeName, id, value: mode, checked: state.settings.siteMode === mode, onchange: () => {
          void persist({ siteMode: mode });
          drawList();
        } }),
        el('label', { for: id, text: mode === 'only-on' ? t('modeOnlyOn') : t('modeEverywhereExcept') }));
    }));

  drawList();
  return section('sites', t('sitesHeading'), modes,
    el('form', { class: 'row field add-site', onsubmit: addSite },
      el('label', { for: input.id, text: t('addSiteLabel') }), input, el('button', { type: 'submit', text: t('addSite') })),
    error, listLabel, empty, list);
}

function renderFilters(): HTMLElement {
  const { t, summary, settings } = state;
  const count = el('p', { class: 'count', 'aria-live': 'polite' });
  const drawCount = () => {
    const shown = countPassing(state.active.dataset.findings, state.settings.filters, state.entities);
    count.textContent = t('shownCount', { shown, total: summary.findings });
  };

  const setFilter = (patch: Partial<Filters>) => {
    void persist({ filters: { ...state.settings.filters, ...patch } });
    drawCount();
  };

  const group = (key: FilterListKey, legend: string, choices: Choice[], scroll = false) => checkboxGroup({
    legend, choices, selected: settings.filters[key], idPrefix: key, showZeroCounts: false,
    classes: { fieldset: scroll ? 'choices grid scroll' : 'choices grid', item: 'row' },
    onToggle: (value, checked) => setFilter({ [key]: toggleValue(state.settings.filters[key], value, checked) }),
  });
  const categories = listCategoryChoices(state.active.dataset, state.lang, { kind: (k) => t(`kind.${k}`), status: (s) => t(`status.${s}`) });
  const date = (key: 'from' | 'to') => dateField({
    key, value: settings.filters[key], label: t(key), invalidMessage: t('dateInvalid'), hintId: 'date-hint', idPrefix: key,
    className: 'field date', onValid: (value) => setFilter({ [key]: value }),
  });

  drawCount();
  return section('filters', t('filtersHeading'),
    el('div', { class: 'count-bar' }, count,
      el('button', { type: 'button', class: 'quiet', id: 'clear-filters', text: t('clearFilters'), onclick: () => {
        void persist({ filters: structuredClone(defaultSettings.filters) }).then(() => rerender('clear-filters'));
      } })),
    el('p', { class: 'hint', text: t('filtersHint') }),
    group('vendors', t('companies'), summary.vendors, true),
    group('kinds', t('kinds'), categories.kinds),
    group('statuses', t('statuses'), categories.statuses),
    group('customers', t('customers'), summary.customers, true),
    group('countries', t('countries'), categories.countries, true),
    group('publishers', t('publishers'), summary.publishers, true),
    el('fieldset', { class: 'choices dates' }, el('legend', { text: t('dateRange') }),
      el('p', { class: 'hint', id: 'date-hint', text: t('dateHint') }),
      el('div', { class: 'row' }, date('from'), date('to'))));
}

function renderData(): HTMLElement {
  const { t, summary, active, lang } = state;
  const alert = el('div', { role: 'alert', id: 'import-alert', class: 'alert' });
  const fileInput = el('input', { type: 'file', id: 'import-file', accept: '.json,application/json', 'aria-describedby': 'import-hint' });
  const formatDate = (iso: string) => new Date(iso).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });

  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    alert.textContent = '';
    if (file) void importFile(file, alert);
  });

  const fact = (label: string, value: string) => [el('dt', { text: label }), el('dd', { text: value })];
  const origin = active.origin === 'bundled' ? t('originBundled') : t('originImported', { date: active.importedAt ? formatDate(active.importedAt) : '—' });
  const number = (n: number) => n.toLocaleString(lang);

  return section('data', t('dataHeading'),
    el('dl', { class: 'facts' },
      ...fact(t('datasetVersion'), summary.version), ...fact(t('datasetOrigin'), origin),
      ...fact(t('findings'), number(summary.findings)), ...fact(t('companiesCount'), number(summary.companies)),
      ...fact(t('militaries'), number(summary.militaries)), ...fact(t('newestFinding'), summary.newest || '—')),
    el('div', { class: 'actions' },
      el('button', { type: 'button', text: t('exportSettings'), onclick: () => downloadText('dual-use-settings.json', serializeSettings(state.settings)) }),
      el('button', { type: 'button', text: t('exportDataset'), onclick: () => downloadText(`dual-use-dataset-${summary.version}.json`, serializeDataset(active.dataset)) }),
      el('button', { type: 'button', id: 'reset-dataset', text: t('resetDataset'), disabled: active.origin === 'bundled', onclick: () => {
        void resetDataset().then(async () => {
          notifyBackground();
          await rerender('reset-dataset');
          announce(state.t('resetDone'));
        });
      } })),
    el('div', { class: 'field import' },
      el('label', { for: fileInput.id, text: t('importLabel') }), fileInput,
      el('p', { class: 'hint', id: 'import-hint', text: t('importHint') })),
    alert,
    el('details', { class: 'publishers' },
      el('summary', { text: `${t('sourcesByPublisher')} (${summary.publishers.length})` }),
      el('ol', {}, ...summary.publishers.map((p) => el('li', {}, el('span', { text: p.label }), el('span', { class: 'n', text: number(p.count) }))))));
}

async function importFile(file: File, alert: HTMLElement): Promise<void> {
  const { t } = state;
  const refuse = (code: ImportProblemCode, detail: string) => {
    const problem = t(`problem.${code}`);
    // Which file, which record, which field: "dataset.json · microsoft-x · findings[0].title.en: markup" (text only).
    const where = [file.name.slice(0, 120), detail].filter(Boolean).join(' · ');
    alert.textContent = t('importRefused', { problem: where ? `${problem} (${where})` : problem });
  };
  // Size first: an enormous file is never read into memory.
  const tooLarge = checkImportSize(file.size);
  if (tooLarge) return refuse(tooLarge.code, tooLarge.detail);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const result = parseImportFile(bytes, validateDataset);
  if (!result.ok) return refuse(result.problem.code, result.problem.detail);
  try {
    await importAll(result.kind === 'settings' ? { settings: result.settings } : { dataset: result.dataset });
  } catch (error) {
    alert.textContent = t('saveFailed', { error: String(error) });
    return;
  }
  notifyBackground();
  await rerender('import-file');
  announce(result.kind === 'settings' ? state.t('importedSettings') : state.t('imported', { version: result.dataset.version }));
}

function render(): void {
  const { t, lang } = state;
  document.documentElement.lang = lang;
  document.title = t('title');
  app.replaceChildren(
    el('header', {}, el('h1', { text: 'Dual Use' }), el('p', { class: 'intro', text: t('intro') }),
      el('p', { class: 'explore-link' }, el('a', { href: 'explore.html', target: '_blank', text: t('exploreLink') }))),
    el('p', { id: 'status', role: 'status', class: 'status' }),
    el('nav', { 'aria-label': t('title') }, el('ul', {},
      ...([['general', t('generalHeading')], ['sites', t('sitesHeading')], ['filters', t('filtersHeading')], ['data', t('dataHeading')]] as const)
        .map(([id, label]) => el('li', {}, el('a', { href: `#${id}`, text: label }))))),
    renderGeneral(), renderSites(), renderFilters(), renderData(),
  );
  app.setAttribute('aria-busy', 'false');
}

/** Reloads from the database and redraws, keeping keyboard focus on the control that caused it. */
async function rerender(focusId?: string): Promise<void> {
  await saving;
  state = await loadState();
  render();
  if (focusId) document.getElementById(focusId)?.focus();
}

async function start(): Promise<void> {
  try {
    state = await loadState();
    render();
  } catch (error) {
    const t = translator(optionsMessages, pickLang('', navigator.language));
    app.replaceChildren(el('p', { role: 'alert', class: 'alert', text: t('loadFailed', { error: String(error) }) }));
  }
}

// The popup can change settings too (the current site's switch): catch up when the page is shown again.
window.addEventListener('focus', () => {
  if (!state) return;
  void saving.then(getSettings).then((stored) => {
    if (JSON.stringify(stored) !== JSON.stringify(state.settings)) void rerender(document.activeElement?.id || undefined);
  });
});

void start();
