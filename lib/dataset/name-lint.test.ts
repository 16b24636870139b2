import { describe, expect, it } from 'vitest';
import { describeAmbiguity, lintNames, type NameLexicon } from './name-lint';
import type { Entity } from './types';

const lexicon: NameLexicon = {
  isWord: (word) => ['oracle', 'lattice', 'ring', 'whole', 'foods', 'nuage'].includes(word),
  isPersonName: (name) => ['Claude', 'Dell'].includes(name),
  isCompanyName: (name) => ['Lattice', 'Webex', 'Palantir'].includes(name),
};

const vendor = (fields: Partial<Entity>): Entity => ({
  id: 'acme', name: 'Acme', type: 'vendor', country: 'US', parent: null, aliases: ['Acme'], products: [], domains: [], ambiguous: [], ...fields,
});

describe('describeAmbiguity', () => {
  it.each([
    ['Oracle', 'a dictionary word'],
    ['Claude', "a person's name"],
    ['Lattice', 'a dictionary word'],
    ['Webex', "another company's name"],
    ['Palantir', "another company's name"],
    ['Anduril', null],
    ['AWS', null],
    ['Whole Foods', null],
    ['Falcon 9', null],
  ])('%s → %s', (name, expected) => {
    expect(describeAmbiguity(name, lexicon)).toBe(expected);
  });
});

describe('lintNames', () => {
  it('asks for a rule on a word, a name or another brand, and names file, entity and field', () => {
    const problems = lintNames([vendor({ aliases: ['Acme', 'Ring'], products: ['Claude', 'Webex', 'Gizmo'] })], lexicon);
    expect(problems).toEqual([
      { file: 'entities.json', id: 'acme', field: 'aliases[1]', message: '"Ring" is a dictionary word: it needs a rule in "ambiguous"' },
      { file: 'entities.json', id: 'acme', field: 'products[0]', message: '"Claude" is a person\'s name: it needs a rule in "ambiguous"' },
      { file: 'entities.json', id: 'acme', field: 'products[1]', message: '"Webex" is another company\'s name: it needs a rule in "ambiguous"' },
    ]);
  });

  it('accepts a rule, the company\'s own name in the company list, and militaries', () => {
    const entities = [
      vendor({ id: 'palantir', name: 'Palantir', aliases: ['Palantir'], products: ['Lattice'], ambiguous: [{ alias: 'Lattice', caseSensitive: true, note: 'a word' }] }),
      { ...vendor({ aliases: ['Oracle'] }), type: 'military' as const },
    ];
    expect(lintNames(entities, lexicon)).toEqual([]);
  });
});
