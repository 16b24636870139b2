// Strict validation of settings from outside (an imported file, old database rows): unknown keys
// are rejected, every type is checked and every list and string is bounded. Missing keys take defaults.
import { FINDING_KINDS, FINDING_STATUSES } from '../dataset/types';
import { defaultSettings, type Filters, type Settings } from '../settings';

export type SettingsCheck = { ok: true; settings: Settings } | { ok: false; field: string; message: string };

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/;
const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** A filter's date bound: YYYY, YYYY-MM, YYYY-MM-DD, or empty for no bound (the pages check what the reader types with it). */
export function isFilterDate(value: string): boolean {
  return value === '' || PARTIAL_DATE.test(value);
}
export const MAX_SITES = 1000;
export const MAX_FILTER_VALUES = 500;
export const MAX_MARKS_PER_COMPANY = 50;

class SettingsProblem extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rejectUnknownKeys(value: Record<string, unknown>, known: object, prefix: string): void {
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(known, key)) throw new SettingsProblem(prefix + key, 'unknown setting');
  }
}

function readStringList(value: unknown, field: string, max: number, check: (s: string) => boolean, what: string): string[] {
  if (!Array.isArray(value)) throw new SettingsProblem(field, 'must be a list');
  if (value.length > max) throw new SettingsProblem(field, `at most ${max} entries`);
  const seen = new Set<string>();
  value.forEach((item, i) => {
    if (typeof item !== 'string' || item.length > 200 || !check(item)) throw new SettingsProblem(`${field}[${i}]`, `must be ${what}`);
    seen.add(item);
  });
  return [...seen];
}

const ID = (s: string) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(s);
const COUNTRY = (s: string) => /^[A-Z]{2,6}$/.test(s);
const PUBLISHER = (s: string) => s.trim().length > 0 && !/[<>\u0000-\u001f]/.test(s);

function readFilters(value: unknown): Filters {
  if (!isPlainObject(value)) throw new SettingsProblem('filters', 'must be an object');
  rejectUnknownKeys(value, defaultSettings.filters, 'filters.');
  const filters: Filters = { ...defaultSettings.filters };
  const list = (key: keyof Filters, check: (s: string) => boolean, what: string) =>
    value[key] === undefined ? [] : readStringList(value[key], `filters.${key}`, MAX_FILTER_VALUES, check, what);
  filters.vendors = list('vendors', ID, 'an entity id');
  filters.customers = list('customers', ID, 'an entity id');
  filters.countries = list('countries', COUNTRY, 'a country code');
  filters.publishers = list('publishers', PUBLISHER, 'a publisher name');
  filters.kinds = list('kinds', (s) => (FINDING_KINDS as readonly string[]).includes(s), `one of ${FINDING_KINDS.join(', ')}`) as Filters['kinds'];
  filters.statuses = list('statuses', (s) => (FINDING_STATUSES as readonly string[]).includes(s), `one of ${FINDING_STATUSES.join(', ')}`) as Filters['statuses'];
  for (const key of ['from', 'to'] as const) {
    const bound = value[key];
    if (bound === undefined) continue;
    if (typeof bound !== 'string' || !isFilterDate(bound)) throw new SettingsProblem(`filters.${key}`, 'must be YYYY, YYYY-MM, YYYY-MM-DD or empty');
    filters[key] = bound;
  }
  return filters;
}

export function validateSettings(input: unknown): SettingsCheck {
  try {
    if (!isPlainObject(input)) throw new SettingsProblem('settings', 'must be an object');
    rejectUnknownKeys(input, defaultSettings, '');
    const settings: Settings = structuredClone(defaultSettings);
    if (input.enabled !== undefined) {
      if (typeof input.enabled !== 'boolean') throw new SettingsProblem('enabled', 'must be true or false');
      settings.enabled = input.enabled;
    }
    if (input.siteMode !== undefined) {
      if (input.siteMode !== 'everywhere-except' && input.siteMode !== 'only-on') throw new SettingsProblem('siteMode', 'must be "everywhere-except" or "only-on"');
      settings.siteMode = input.siteMode;
    }
    if (input.sites !== undefined) settings.sites = readStringList(input.sites, 'sites', MAX_SITES, (s) => DOMAIN.test(s), 'a lower-case domain name');
    if (input.marksPerCompany !== undefined) {
      const marks = input.marksPerCompany;
      if (typeof marks !== 'number' || !Number.isInteger(marks) || marks < 0 || marks > MAX_MARKS_PER_COMPANY) {
        throw new SettingsProblem('marksPerCompany', `must be a whole number from 0 to ${MAX_MARKS_PER_COMPANY}`);
      }
      settings.marksPerCompany = marks;
    }
    if (input.language !== undefined) {
      if (input.language !== '' && input.language !== 'en' && input.language !== 'fr') throw new SettingsProblem('language', 'must be "", "en" or "fr"');
      settings.language = input.language;
    }
    if (input.filters !== undefined) settings.filters = readFilters(input.filters);
    return { ok: true, settings };
  } catch (error) {
    if (error instanceof SettingsProblem) return { ok: false, field: error.field, message: error.message };
    throw error;
  }
}
