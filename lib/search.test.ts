import { describe, expect, it } from 'vitest';
import { buildFindingTextIndex, buildSearchIndex, foldForSearch } from './search';
import { makeFinding, sampleDataset } from './present/test-data';

describe('foldForSearch', () => {
  it.each([
    ['Tsahal', 'tsahal'],
    ['  Défense   nationale ', 'defense nationale'],
    ['Forces de défense d’Israël', 'forces de defense d israel'],
    ['ＡＷＳ', 'aws'],
    ['צה"ל', 'צה ל'],
  ])('%s → %s', (input, expected) => {
    expect(foldForSearch(input)).toBe(expected);
  });
});

describe('search', () => {
  const index = buildSearchIndex(sampleDataset);
  const run = (query: string) =>
    index.search(query).map((hit) => `${hit.vendor}:${hit.findings.map((f) => f.id).join('+')}`);

  it.each([
    ['company name', 'Palantir', ['palantir:palantir-idf+palantir-orion']],
    ['case and accents ignored', 'pAlAntír', ['palantir:palantir-idf+palantir-orion']],
    ['subsidiary folds into parent', 'GitHub', ['microsoft:ms-azure-8200+gh-ice']],
    ['subsidiary alias', 'AWS', ['amazon:aws-nimbus']],
    ['product shows the findings about it', 'Nimbus', ['amazon:aws-nimbus', 'google:google-nimbus']],
    ['programme named only in a finding', 'jwcc', ['google:google-jwcc']],
    ['a name only in a headline, as a fallback', 'orion', ['palantir:palantir-orion']],
    ['headlines are not searched when the catalog matches', 'palantir', ['palantir:palantir-idf+palantir-orion']],
    ['unit by number', '8200', ['microsoft:ms-azure-8200']],
    ['military by French name', 'Tsahal', ['amazon:aws-nimbus', 'google:google-nimbus', 'microsoft:ms-azure-8200', 'palantir:palantir-idf']],
    ['military by acronym', 'idf', ['amazon:aws-nimbus', 'google:google-nimbus', 'microsoft:ms-azure-8200', 'palantir:palantir-idf']],
    ['military in Hebrew', 'צה"ל', ['amazon:aws-nimbus', 'google:google-nimbus', 'microsoft:ms-azure-8200', 'palantir:palantir-idf']],
    ['accented French name', 'departement de la defense', ['google:google-dod', 'microsoft:gh-ice']],
    ['word prefix', 'pent', ['google:google-dod', 'microsoft:gh-ice']],
    ['company without findings is not listed', 'Quiet', []],
    ['mid-word text does not match', 'lantir', []],
    ['empty query', '   ', []],
  ])('%s: %s', (_name, query, expected) => {
    expect(run(query)).toEqual(expected);
  });

  it('quotes the headline words that matched', () => {
    expect(index.search('orio')[0]?.matched).toEqual(['Orion']);
  });

  it('says what matched', () => {
    expect(index.search('tsahal')[0]?.matched).toEqual(['Tsahal']);
  });

  it('ranks an exact name above a word match', () => {
    expect(index.search('google')[0]?.vendor).toBe('google');
  });
});

describe('buildFindingTextIndex', () => {
  const index = buildFindingTextIndex({
    ...sampleDataset,
    findings: [
      ...sampleDataset.findings,
      makeFinding({
        id: 'fr-summary', vendor: 'palantir', customer: null,
        summary: { en: 'The ministry renewed the contract.', fr: 'Le ministère des Armées a renouvelé le contrat.' },
        sources: [{ publisher: 'Le Monde', publisherId: 'le-monde', title: 'Le contrat', url: 'https://example.org/b', date: '2025', lang: 'fr', verified: 'read' }],
      }),
    ],
  });
  const run = (query: string) => {
    const ids = index.match(query);
    return ids === null ? null : [...ids].sort();
  };

  it.each([
    ['a headline word', 'orion', ['palantir-orion']],
    ['a French headline with accents and case ignored', 'L’ARMEE choisit', ['palantir-orion']],
    ['a French summary', 'ministere armees', ['fr-summary']],
    ['an English summary', 'renewed', ['fr-summary']],
    ['a publisher', 'le monde', ['fr-summary']],
    ['a unit', 'unit 8200', ['ms-azure-8200']],
    ['a product', 'nimbus', ['aws-nimbus', 'google-nimbus']],
    ['a company through its subsidiary’s finding', 'github', ['gh-ice']],
    ['a customer by its French name', 'tsahal', ['aws-nimbus', 'google-nimbus', 'ms-azure-8200', 'palantir-idf']],
    ['every word must match', 'nimbus 8200', []],
    ['words match at their start only', 'imbus', []],
  ])('%s: %s', (_name, query, expected) => {
    expect(run(query)).toEqual(expected);
  });

  it('an empty query narrows nothing', () => {
    expect(run('  ')).toBeNull();
  });
});
