import { describe, expect, it } from 'vitest';
import { describeAmountNotes, formatAmount, formatDate, isSafeLink, labelStatus } from './format';

describe('formatDate', () => {
  it.each([
    ['2025-01-23', 'en', 'January 23, 2025'],
    ['2025-01-23', 'fr', '23 janvier 2025'],
    ['2024-03', 'en', 'March 2024'],
    ['2024-03', 'fr', 'mars 2024'],
    ['2021', 'en', '2021'],
    ['not a date', 'en', 'not a date'],
  ] as const)('%s in %s → %s', (date, lang, expected) => {
    expect(formatDate(date, lang)).toBe(expected);
  });
});

describe('formatAmount', () => {
  it.each([
    [{ value: 1_200_000_000, currency: 'USD' }, 'en', '$1.2B'],
    [{ value: 10_000_000, currency: 'GBP' }, 'en', '£10M'],
    [{ value: 9_000_000_000, currency: 'USD', ceiling: true, shared: true }, 'en', '$9B (ceiling, shared with other vendors)'],
    [{ value: 9_000_000_000, currency: 'USD', ceiling: true }, 'fr', '9 Md $US (plafond)'],
    [{ value: 250_000, currency: 'EUR' }, 'en', '€250,000'],
    [{ value: 5, currency: 'XYZQ' }, 'en', '5 XYZQ'],
  ] as const)('%o in %s → %s', (amount, lang, expected) => {
    expect(formatAmount(amount, lang).replace(/\s/g, ' ')).toBe(expected);
  });

  it('keeps notes separate for callers that style them', () => {
    expect(describeAmountNotes({ value: 1, currency: 'USD', shared: true }, 'fr')).toEqual(['partagé avec d’autres fournisseurs']);
    expect(describeAmountNotes({ value: 1, currency: 'USD' }, 'en')).toEqual([]);
  });
});

describe('labelStatus', () => {
  it.each([
    ['reported', 'en', 'Reported'],
    ['confirmed', 'fr', 'Confirmé'],
    ['denied', 'fr', 'Démenti'],
    ['disputed', 'en', 'Disputed'],
  ] as const)('%s in %s → %s', (status, lang, expected) => {
    expect(labelStatus(status, lang)).toBe(expected);
  });
});

describe('isSafeLink', () => {
  it.each([
    ['https://www.972mag.com/lavender-ai/', true],
    ['http://example.com/', false],
    ['javascript:alert(1)', false],
    ['data:text/html,hi', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isSafeLink(url)).toBe(expected);
  });
});
