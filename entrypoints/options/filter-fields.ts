// The filter controls the options page and the explore page share: a group of checkboxes (one per
// value, with how many findings carry it) and a date bound with its own error message. Each page
// gives its own classes (its layout) and says what a change does.
import { isFilterDate } from '../../lib/db/validate-settings';
import type { Choice } from './dataset-summary';
import { el, makeId } from './dom';

/** The filters chosen from a list of values (every other filter is a date bound). */
export type FilterListKey = 'vendors' | 'customers' | 'countries' | 'kinds' | 'statuses' | 'publishers';

/** A list filter's values once one checkbox is ticked or unticked. */
export function toggleValue(values: readonly string[], value: string, checked: boolean): string[] {
  const next = new Set(values);
  if (checked) next.add(value);
  else next.delete(value);
  return [...next];
}

export interface CheckboxGroupOptions {
  legend: string;
  choices: readonly Choice[];
  selected: readonly string[];
  /** Prefix of the checkboxes' ids. */
  idPrefix: string;
  /** The fieldset's class; `list`: a wrapper around the items, when the page lays them out in one. */
  classes: { fieldset: string; list?: string; item: string };
  /** Show "0" counts too (the options page leaves them out). */
  showZeroCounts: boolean;
  onToggle: (value: string, checked: boolean) => void;
}

export function checkboxGroup(options: CheckboxGroupOptions): HTMLFieldSetElement {
  const selected = new Set(options.selected);
  const items = options.choices.map((choice) => {
    const id = makeId(options.idPrefix);
    return el('div', { class: options.classes.item },
      el('input', { type: 'checkbox', id, value: choice.value, checked: selected.has(choice.value), onchange: (event) => {
        options.onToggle(choice.value, (event.target as HTMLInputElement).checked);
      } }),
      el('label', { for: id }, choice.label, choice.count || options.showZeroCounts ? el('span', { class: 'n', text: ` ${choice.count}` }) : null));
  });
  const list = options.classes.list;
  return el('fieldset', { class: options.classes.fieldset }, el('legend', { text: options.legend }),
    ...(list ? [el('div', { class: list }, ...items)] : items));
}

export interface DateFieldOptions {
  key: 'from' | 'to';
  value: string;
  label: string;
  /** The message shown (and announced) while the value is not a date. */
  invalidMessage: string;
  /** The id of the hint that says which dates are accepted. */
  hintId: string;
  idPrefix: string;
  className: string;
  /** A valid date (or an empty one) was entered. */
  onValid: (value: string) => void;
}

export function dateField(options: DateFieldOptions): HTMLDivElement {
  const id = makeId(options.idPrefix);
  const error = el('span', { class: 'field-error', id: makeId('date-error') });
  const input = el('input', {
    type: 'text', id, value: options.value, inputmode: 'numeric', maxlength: 10, autocomplete: 'off',
    placeholder: options.key === 'from' ? '2020' : '2025-12', 'aria-describedby': `${options.hintId} ${error.id}`,
    onchange: () => {
      const value = input.value.trim();
      const valid = isFilterDate(value);
      input.setAttribute('aria-invalid', String(!valid));
      error.textContent = valid ? '' : options.invalidMessage;
      if (valid) options.onValid(value);
    },
  });
  return el('div', { class: options.className }, el('label', { for: id, text: options.label }), input, error);
}
