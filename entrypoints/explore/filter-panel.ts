// The reader's filters on the explore page: the same groups as the options page (companies,
// customers, countries, kinds, statuses, publishers, dates), folded in a <details>. They are the
// reader's saved filters: a change is saved, the background told, and the view redrawn.
import type { Dataset, Lang } from '../../lib/dataset/types';
import { countActiveFilters, type EntityIndex } from '../../lib/filters';
import type { ExploreKey } from '../../lib/i18n/explore';
import { findingMessages } from '../../lib/i18n/finding';
import { translator } from '../../lib/i18n';
import { defaultSettings, type Filters } from '../../lib/settings';
import { listCategoryChoices, summarizeDataset, type Choice } from '../options/dataset-summary';
import { checkboxGroup, dateField, toggleValue, type FilterListKey } from '../options/filter-fields';
import { el } from '../options/dom';

export interface FilterPanelOptions {
  dataset: Dataset;
  entities: EntityIndex;
  lang: Lang;
  t: (key: ExploreKey, params?: Record<string, string | number>) => string;
  filters: () => Filters;
  /** Saves and applies new filters. */
  change: (filters: Filters) => void;
  open: boolean;
}

export function renderFilterPanel(options: FilterPanelOptions): HTMLDetailsElement {
  const { t, lang } = options;
  const kindLabel = translator(findingMessages, lang);
  const summary = summarizeDataset(options.dataset);
  const categories = listCategoryChoices(options.dataset, lang, { kind: (k) => kindLabel(`kind.${k}`), status: (s) => t(`status.${s}`) });

  const label = el('summary', { class: 'filters-summary' });
  const drawSummary = () => {
    const n = countActiveFilters(options.filters());
    label.textContent = n ? t('filtersActive', { n }) : t('filtersNone');
  };
  const update = (patch: Partial<Filters>) => {
    options.change({ ...options.filters(), ...patch });
    drawSummary();
  };

  const group = (key: FilterListKey, legend: string, choices: Choice[], scroll = false) => checkboxGroup({
    legend, choices, selected: options.filters()[key], idPrefix: `filter-${key}`, showZeroCounts: true,
    classes: { fieldset: scroll ? 'choices scroll' : 'choices', list: 'choice-list', item: 'choice' },
    onToggle: (value, checked) => update({ [key]: toggleValue(options.filters()[key], value, checked) }),
  });

  const date = (key: 'from' | 'to') => dateField({
    key, value: options.filters()[key], label: t(key), invalidMessage: t('dateInvalid'), hintId: 'explore-date-hint', idPrefix: `filter-${key}`,
    className: 'date', onValid: (value) => update({ [key]: value }),
  });

  const details = el('details', { class: 'filters', id: 'filters' }, label,
    el('p', { class: 'hint', text: t('filtersHint') }),
    el('div', { class: 'filter-groups' },
      group('vendors', t('companies'), summary.vendors, true),
      group('customers', t('customers'), summary.customers, true),
      group('kinds', t('kinds'), categories.kinds),
      group('statuses', t('statuses'), categories.statuses),
      group('countries', t('countries'), categories.countries, true),
      group('publishers', t('publishers'), summary.publishers, true),
      el('fieldset', { class: 'choices dates' }, el('legend', { text: t('dateRange') }),
        el('p', { class: 'hint', id: 'explore-date-hint', text: t('dateHint') }),
        el('div', { class: 'date-row' }, date('from'), date('to')))),
    el('button', { type: 'button', class: 'quiet', id: 'clear-filters', text: t('clearFilters'), onclick: () => {
      options.change(structuredClone(defaultSettings.filters));
      for (const box of details.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) box.checked = false;
      for (const box of details.querySelectorAll<HTMLInputElement>('input[type=text]')) box.value = '';
      drawSummary();
    } }));
  details.open = options.open;
  drawSummary();
  return details;
}
