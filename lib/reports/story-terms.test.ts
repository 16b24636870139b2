import { describe, expect, it } from 'vitest';
import { makeFinding, sampleDataset } from '../present/test-data';
import { buildTermContext, deriveStoryTerms } from './story-terms';

const context = buildTermContext({
  entities: sampleDataset.entities,
  findings: [makeFinding({ id: 'x', vendor: 'microsoft', sources: [{ publisher: 'The Guardian', publisherId: 'guardian', title: 'Headline', url: 'https://theguardian.com/a', date: '2025', lang: 'en', verified: 'read' }] })],
});

describe('deriveStoryTerms', () => {
  const finding = makeFinding({
    id: 'ms-units',
    vendor: 'microsoft',
    units: ['Unit 8200', 'Rolling Stone (population-registry system)', 'National University of Defense Technology (NUDT)'],
    products: ['Azure'],
    date: '2025-01-23',
    amount: { value: 10_000_000, currency: 'USD' },
    title: { en: 'Israel bought 19,000 hours of Microsoft support', fr: 'Israël a acheté 19 000 heures de support à Microsoft' },
    summary: {
      en: 'The Guardian reported that the IDF paid $10 million between October 2023 and June 2024 for the Lavender Pipeline project and Azure.',
      fr: 'The Guardian a rapporté que Tsahal a payé 10 millions de dollars entre octobre 2023 et juin 2024 pour le projet Lavender Pipeline et Azure.',
    },
    terms: ['population registry', '19 000 heures'],
  });
  const terms = deriveStoryTerms(finding, context);
  const byKey = new Map(terms.map((term) => [term.key, term]));

  it.each([
    ['p:population registry', 'extra', 'population registry'],
    ['p:unit 8200', 'unit', 'Unit 8200'],
    ['p:rolling stone', 'unit', 'Rolling Stone'],
    ['p:national university of defense technology', 'unit', 'National University of Defense Technology'],
    ['c:israel-defense-forces', 'customer', 'Israel Defense Forces'],
    ['p:azure', 'product', 'Azure'],
    ['p:lavender pipeline', 'name', 'Lavender Pipeline'],
    ['f:19000:hour', 'extra', '19 000 heures'],
    ['f:10000000:USD', 'figure', '$10 million'],
    ['d:2023-10', 'date', 'October 2023'],
    ['d:2024-06', 'date', 'June 2024'],
    ['d:2025-01', 'date', 'January 2025'],
  ])('%s is a %s term labelled %s', (key, kind, label) => {
    expect(byKey.get(key)?.kind).toBe(kind);
    expect(byKey.get(key)?.label.en).toBe(label);
  });

  it('labels figures and months as each language writes them', () => {
    expect(byKey.get('f:10000000:USD')?.label.fr).toBe('10 millions de dollars');
    expect(byKey.get('d:2023-10')?.label.fr).toBe('octobre 2023');
  });

  it('reads a unit in French and an acronym aside', () => {
    expect(byKey.get('p:unit 8200')?.phrases).toContainEqual(['unité', '8200']);
    expect(byKey.get('p:national university of defense technology')?.phrases).toContainEqual(['nudt']);
  });

  it('never makes a term of a company, a publisher, a sentence-initial word or a month', () => {
    const keys = terms.map((term) => term.key);
    for (const key of ['p:microsoft', 'p:the guardian', 'p:the', 'p:guardian', 'p:israel', 'p:october', 'p:between']) expect(keys).not.toContain(key);
  });

  it('reads the customer under every name, English and French', () => {
    expect(byKey.get('c:israel-defense-forces')?.phrases).toEqual(expect.arrayContaining([['idf'], ['tsahal']]));
  });

  it('takes a name listed with an outlet for an outlet too', () => {
    const listed = deriveStoryTerms(makeFinding({
      id: 'outlets', vendor: 'microsoft',
      summary: { en: 'The Guardian and Local Call reported that Project Lavender ran on Azure.', fr: 'The Guardian et Local Call ont rapporté que Project Lavender fonctionnait sur Azure.' },
    }), context).map((term) => term.key);
    expect(listed).toContain('p:project lavender');
    expect(listed).not.toContain('p:local call');
    expect(listed).not.toContain('p:call');
  });

  it('keeps each key once', () => {
    expect(new Set(terms.map((term) => term.key)).size).toBe(terms.length);
  });
});
