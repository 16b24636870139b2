// Formatting of finding fields for the popup and the tooltip: dates at their stated precision,
// amounts in the currency reported (never converted) with ceiling/shared notes, status labels.
import type { Amount, FindingStatus, Lang } from '../dataset/types';

const PRESENT_TEXT = {
  en: {
    ceiling: 'ceiling',
    shared: 'shared with other vendors',
    reported: 'Reported',
    confirmed: 'Confirmed',
    denied: 'Denied',
    disputed: 'Disputed',
  },
  fr: {
    ceiling: 'plafond',
    shared: 'partagé avec d’autres fournisseurs',
    reported: 'Rapporté',
    confirmed: 'Confirmé',
    denied: 'Démenti',
    disputed: 'Contesté',
  },
} satisfies Record<Lang, Record<'ceiling' | 'shared' | FindingStatus, string>>;

const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** "2025-01-23" → "January 23, 2025" / "23 janvier 2025"; "2024-03" → "March 2024"; "2021" → "2021". */
export function formatDate(date: string, lang: Lang): string {
  const parts = DATE_PATTERN.exec(date);
  if (!parts) return date;
  const [, year, month, day] = parts;
  if (!month) return year!;
  const when = new Date(Date.UTC(Number(year), Number(month) - 1, day ? Number(day) : 1));
  return dateFormatter(lang, Boolean(day)).format(when);
}

/** Formatters are costly to make (~0.1 ms each) and formatDate runs for every date of the dataset: one per language and precision. */
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(lang: Lang, withDay: boolean): Intl.DateTimeFormat {
  const key = `${lang}:${withDay}`;
  let formatter = dateFormatters.get(key);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions = withDay
      ? { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }
      : { year: 'numeric', month: 'long', timeZone: 'UTC' };
    formatter = new Intl.DateTimeFormat(lang, options);
    dateFormatters.set(key, formatter);
  }
  return formatter;
}

/** The figure in its own currency, compact from a million up ("$1.2B", "1,2 Md $US", "£10M"). */
export function formatMoney(value: number, currency: string, lang: Lang): string {
  const compact = Math.abs(value) >= 1_000_000;
  try {
    return new Intl.NumberFormat(lang, {
      style: 'currency',
      currency,
      notation: compact ? 'compact' : 'standard',
      minimumFractionDigits: 0,
      maximumFractionDigits: compact ? 1 : 0,
    }).format(value);
  } catch {
    // An unknown currency code: show it as written rather than guessing a symbol.
    return `${new Intl.NumberFormat(lang).format(value)} ${currency}`;
  }
}

/** Notes that qualify an amount, in reading order. */
export function describeAmountNotes(amount: Amount, lang: Lang): string[] {
  const notes: string[] = [];
  if (amount.ceiling) notes.push(PRESENT_TEXT[lang].ceiling);
  if (amount.shared) notes.push(PRESENT_TEXT[lang].shared);
  return notes;
}

/** "$9B (ceiling, shared with other vendors)". */
export function formatAmount(amount: Amount, lang: Lang): string {
  const money = formatMoney(amount.value, amount.currency, lang);
  const notes = describeAmountNotes(amount, lang);
  return notes.length ? `${money} (${notes.join(', ')})` : money;
}

export function labelStatus(status: FindingStatus, lang: Lang): string {
  return PRESENT_TEXT[lang][status];
}

/** Only https links are ever shown; anything else (http, javascript:, data:) is dropped. */
export function isSafeLink(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
