import { describe, expect, it } from 'vitest';
import type { Entity, Finding } from './dataset/types';
import { countActiveFilters, countPassing, findTopLevel, indexEntities, overlapsDateRange, passesFilters } from './filters';
import { defaultSettings, type Filters } from './settings';

function entity(id: string, type: Entity['type'], country: string, parent: string | null = null): Entity {
  return { id, name: id, type, country, parent, aliases: [id], products: [], domains: [], ambiguous: [] };
}

const entities = indexEntities([
  entity('microsoft', 'vendor', 'US'),
  entity('github', 'vendor', 'US', 'microsoft'),
  entity('google', 'vendor', 'US'),
  entity('israel-defense-forces', 'military', 'IL'),
  entity('us-department-of-defense', 'military', 'US'),
]);

function finding(overrides: Partial<Finding>): Finding {
  return {
    id: 'f', vendor: 'microsoft', customer: 'israel-defense-forces', kind: 'cloud',
    title: { en: 't', fr: 't' }, summary: { en: 's', fr: 's' }, date: '2024-03-15', status: 'reported', reviewed: '2026-01-01',
    sources: [{ publisher: '+972 Magazine', publisherId: '972-magazine', title: 'h', url: 'https://example.org/a', date: '2024-03-15', lang: 'en', verified: 'read' }],
    ...overrides,
  };
}

const all: Filters = defaultSettings.filters;
const f = (overrides: Partial<Filters>): Filters => ({ ...all, ...overrides });

describe('passesFilters', () => {
  const cases: [string, Partial<Finding>, Partial<Filters>, boolean][] = [
    ['no filter passes everything', {}, {}, true],
    ['company matches top-level vendor', {}, { vendors: ['microsoft'] }, true],
    ['company filter includes subsidiaries', { vendor: 'github' }, { vendors: ['microsoft'] }, true],
    ['subsidiary id selects only itself', { vendor: 'microsoft' }, { vendors: ['github'] }, false],
    ['other company is filtered out', {}, { vendors: ['google'] }, false],
    ['customer matches', {}, { customers: ['israel-defense-forces'] }, true],
    ['customer does not match', {}, { customers: ['us-department-of-defense'] }, false],
    ['customer filter drops findings with no customer', { customer: null }, { customers: ['israel-defense-forces'] }, false],
    ['customer country matches', {}, { countries: ['IL'] }, true],
    ['customer country does not match', {}, { countries: ['US'] }, false],
    ['country filter drops findings with no customer', { customer: null, kind: 'labor' }, { countries: ['US'] }, false],
    ['kind matches', {}, { kinds: ['cloud', 'ai'] }, true],
    ['kind does not match', {}, { kinds: ['hardware'] }, false],
    ['status matches', { status: 'confirmed' }, { statuses: ['confirmed'] }, true],
    ['status does not match', {}, { statuses: ['denied', 'disputed'] }, false],
    ['publisher of any source matches', { sources: [
      { publisher: 'AP', publisherId: 'associated-press', title: 'h', url: 'https://a.example', date: '2024', lang: 'en', verified: 'x' },
      { publisher: 'The Guardian', publisherId: 'guardian', title: 'h', url: 'https://b.example', date: '2024', lang: 'en', verified: 'x' }] }, { publishers: ['The Guardian'] }, true],
    ['publisher does not match', {}, { publishers: ['AP'] }, false],
    ['date inside range', {}, { from: '2024-01-01', to: '2024-12-31' }, true],
    ['date before range', {}, { from: '2024-04' }, false],
    ['date after range', {}, { to: '2024-02' }, false],
    ['year bound includes whole year', {}, { from: '2024', to: '2024' }, true],
    ['partial finding date overlaps a day bound', { date: '2024' }, { from: '2024-06-01', to: '2024-06-30' }, true],
    ['partial month overlaps', { date: '2024-03' }, { from: '2024-03-20' }, true],
    ['partial month before range', { date: '2024-02' }, { from: '2024-03-01' }, false],
    ['all filters together', { vendor: 'github', status: 'confirmed' },
      { vendors: ['microsoft'], countries: ['IL'], kinds: ['cloud'], statuses: ['confirmed'], publishers: ['+972 Magazine'], from: '2023', to: '2025' }, true],
    ['one failing filter among many', { vendor: 'github' },
      { vendors: ['microsoft'], countries: ['IL'], kinds: ['ai'] }, false],
  ];
  it.each(cases)('%s', (_name, findingOverrides, filterOverrides, expected) => {
    expect(passesFilters(finding(findingOverrides), f(filterOverrides), entities)).toBe(expected);
  });
});

describe('overlapsDateRange', () => {
  const cases: [string, string, string, boolean][] = [
    ['2023', '', '', true],
    ['2023-12-31', '2024', '', false],
    ['2024-01-01', '2024', '', true],
    ['2023', '2023-12', '', true],
    ['2025-01', '', '2024', false],
    ['2024-12', '', '2024', true],
  ];
  it.each(cases)('%s in [%s, %s] → %s', (date, from, to, expected) => {
    expect(overlapsDateRange(date, from, to)).toBe(expected);
  });
});

describe('helpers', () => {
  it('finds the top-level company and survives a parent cycle', () => {
    expect(findTopLevel('github', entities)).toBe('microsoft');
    const cyclic = indexEntities([entity('a', 'vendor', 'US', 'b'), entity('b', 'vendor', 'US', 'a')]);
    expect(['a', 'b']).toContain(findTopLevel('a', cyclic));
  });
  it('counts passing findings', () => {
    const findings = [finding({ id: '1' }), finding({ id: '2', vendor: 'google' }), finding({ id: '3', vendor: 'github' })];
    expect(countPassing(findings, f({ vendors: ['microsoft'] }), entities)).toBe(2);
  });
});

describe('countActiveFilters', () => {
  it('counts each ticked value and each date bound', () => {
    expect(countActiveFilters(all)).toBe(0);
    expect(countActiveFilters(f({ vendors: ['microsoft', 'google'], kinds: ['ai'], from: '2020' }))).toBe(4);
    expect(countActiveFilters(f({ to: '2024-06' }))).toBe(1);
  });
});
