// The reader's filters on the explore page: the same groups as the options page (companies,
// customers, countries, kinds, statuses, publishers, dates), folded in a <details>. They are the
// reader's saved filters: a change is saved, the background told, and the view redrawn.
import { FINDING_KINDS, FINDING_STATUSES, type Dataset, type Lang } from '../../lib/dataset/types';
import { countActiveFilters, type EntityIndex } from '../../lib/filters';
import type { ExploreKey } from '../../lib/i18n/explore';
import { findingMessages } from '../../lib/i18n/finding';
import { translator } from '../../lib/i18n';
import { isFilterDate } from '../../lib/db/validate-settings';
import { defaultSettings, type Filters } from '../../lib/settings';
import { summarizeDataset, type Choice } from '../options/dataset-summary';
import { el, makeId } from '../options/dom';

type ListKey = 'vendors' | 'customers' | 'countries' | 'kinds' | 'statuses' | 'publishers';

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
  const countOf = (pick: (finding: Dataset['findings'][number]) => string) => {
    const counts = new Map<string, number>();
    for (const finding of options.dataset.findings) counts.set(pick(finding), (counts.get(pick(finding)) ?? 0) + 1);
    return counts;
  };
  const kindCounts = countOf((f) => f.kind);
  const statusCounts = countOf((f) => f.status);
  const countryCounts = countOf((f) => (f.customer ? options.entities.get(f.customer)?.country ?? '' : ''));
  const countryName = (code: string) => {
    try {
      return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
    } catch {
      return code; // Not a region code (e.g. NATO).
    }
  };

  const label = el('summary', { class: 'filters-summary' });
  const drawSummary = () => {
    const n = countActiveFilters(options.filters());
    label.textContent = n ? t('filtersActive', { n }) : t('filtersNone');
  };
  const update = (patch: Partial<Filters>) => {
    options.change({ ...options.filters(), ...patch });
    drawSummary();
  };

  const group = (key: ListKey, legend: string, choices: Choice[], scroll = false) => {
    const selected = new Set<string>(options.filters()[key]);
    return el('fieldset', { class: scroll ? 'choices scroll' : 'choices' }, el('legend', { text: legend }),
      el('div', { class: 'choice-list' }, ...choices.map((choice) => {
        const id = makeId(`filter-${key}`);
        return el('div', { class: 'choice' },
          el('input', { type: 'checkbox', id, value: choice.value, checked: selected.has(choice.value), onchange: (event) => {
            const values = new Set<string>(options.filters()[key]);
            if ((event.target as HTMLInputElement).checked) values.add(choice.value);
            else values.delete(choice.value);
            update({ [key]: [...values] } as Partial<Filters>);
          } }),
          el('label', { for: id }, choice.label, el('span', { class: 'n', text: ` ${choice.count}` })));
      })));
  };

  const dateField = (key: 'from' | 'to') => {
    const id = makeId(`filter-${key}`);
    const error = el('span', { class: 'field-error', id: makeId('date-error') });
    const input = el('input', { type: 'text', id, value: options.filters()[key], inputmode: 'numeric', maxlength: 10,
      autocomplete: 'off', placeholder: key === 'from' ? '2020' : '2025-12', 'aria-describedby': `explore-date-hint ${error.id}`, onchange: () => {
        const value = input.value.trim();
        const valid = isFilterDate(value);
        input.setAttribute('aria-invalid', String(!valid));
        error.textContent = valid ? '' : t('dateInvalid');
        if (valid) update({ [key]: value });
      } });
    return el('div', { class: 'date' }, el('label', { for: id, text: t(key) }), input, error);
  };

  const details = el('details', { class: 'filters', id: 'filters' }, label,
    el('p', { class: 'hint', text: t('filtersHint') }),
    el('div', { class: 'filter-groups' },
      group('vendors', t('companies'), summary.vendors, true),
      group('customers', t('customers'), summary.customers, true),
      group('kinds', t('kinds'), FINDING_KINDS.map((k) => ({ value: k, label: kindLabel(`kind.${k}`), count: kindCounts.get(k) ?? 0 }))),
      group('statuses', t('statuses'), FINDING_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`), count: statusCounts.get(s) ?? 0 }))),
      group('countries', t('countries'), summary.countries
        .map((c) => ({ value: c, label: countryName(c), count: countryCounts.get(c) ?? 0 }))
        .sort((a, b) => a.label.localeCompare(b.label, lang)), true),
      group('publishers', t('publishers'), summary.publishers, true),
      el('fieldset', { class: 'choices dates' }, el('legend', { text: t('dateRange') }),
        el('p', { class: 'hint', id: 'explore-date-hint', text: t('dateHint') }),
        el('div', { class: 'date-row' }, dateField('from'), dateField('to')))),
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
