// Deterministic benchmark corpora: news-like English and French text with company names, their
// ambiguous look-alikes and typographic noise (curly apostrophes, NBSP, soft hyphens), generated
// at run time from a seed so no multi-megabyte file is ever committed.

import type { Entity } from '../../lib/dataset/types';

/** A small fast PRNG (mulberry32): same seed, same corpus, on every machine. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FILLER = (
  'the of and to in a is that for on with as was by at from it an be this which or are have has ' +
  'said government contract defence ministry army cloud data report officials company according ' +
  'year million deal system services military program agency security technology new would could ' +
  'le la les de des du et en un une pour sur avec par dans armée contrat ministère données ' +
  'déclaré selon entreprise société système années sécurité été défense numérique hébergement ' +
  "l’armée d’après qu’il c’est aujourd’hui l'État d'un"
).split(' ');

/** Phrases where a company name must NOT be matched (the disambiguation work the matcher does). */
const DECOYS = [
  'the Amazon rainforest', 'the Amazon River', 'the Oracle of Delphi', 'Claude Monet', 'Gotham City',
  'San Francisco', 'Apache Maven', 'a 300 hp engine', 'an azure sky', 'open windows', 'a meta debate',
  'la forêt amazonienne', 'Jean-Claude', 'Amazonian', 'the Pentagon shape', 'notgoogle',
];

/** Builds about `size` UTF-16 units of text mentioning the catalog's names every ~`spacing` words. */
export function generateCorpus(entities: readonly Entity[], size: number, seed = 1, spacing = 40): string {
  const random = createRandom(seed);
  const names = entities.filter((entity) => entity.type === 'vendor').flatMap((entity) => [...entity.aliases, ...entity.products]);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const parts: string[] = [];
  let length = 0;
  let wordsInSentence = 0;
  while (length < size) {
    const roll = random();
    let word: string;
    if (roll < 1 / spacing) word = pick(names);
    else if (roll < 1.5 / spacing) word = pick(DECOYS);
    else word = pick(FILLER);
    // Typographic noise that normalisation must handle.
    const noise = random();
    if (noise < 0.01) word = `${word}\u00a0`;
    else if (noise < 0.012 && word.length > 6) word = `${word.slice(0, 3)}\u00ad${word.slice(3)}`;
    wordsInSentence++;
    let separator = ' ';
    if (wordsInSentence > 12 && random() < 0.15) {
      separator = random() < 0.2 ? '.\n' : '. ';
      wordsInSentence = 0;
    } else if (random() < 0.05) separator = ', ';
    parts.push(word, separator);
    length += word.length + separator.length;
  }
  return parts.join('');
}

const SYLLABLES = 'ka lo mi ne ru sa te vo zi bra cor del fin gar hul jen kov lum mar nix pol quin rav sel tor ung vex wil xan yor zel'.split(' ');
const SUFFIXES = ['', '', ' Systems', ' Labs', ' Technologies', ' Cloud', ' AI', ' Group'];

/**
 * The catalog plus synthetic companies so that the catalog holds `factor` times as many names:
 * pseudo-words that never occur in the corpus, to show how cost grows with the number of aliases.
 */
export function inflateCatalog(entities: readonly Entity[], factor: number, seed = 7): Entity[] {
  const random = createRandom(seed);
  const realCount = entities.filter((entity) => entity.type === 'vendor').reduce((sum, entity) => sum + entity.aliases.length + entity.products.length, 0);
  const extra = realCount * (factor - 1);
  const seen = new Set<string>();
  const synthetic: Entity[] = [];
  let index = 0;
  while (seen.size < extra) {
    const syllables = 2 + Math.floor(random() * 3);
    let word = '';
    for (let s = 0; s < syllables; s++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    const alias = `${word.charAt(0).toUpperCase()}${word.slice(1)}${SUFFIXES[Math.floor(random() * SUFFIXES.length)]}`;
    if (seen.has(alias)) continue;
    seen.add(alias);
    synthetic.push({
      id: `synthetic-${index++}`, name: alias, type: 'vendor', country: 'US', parent: null,
      aliases: [alias], products: [], domains: [], ambiguous: [],
    });
  }
  return [...entities, ...synthetic];
}
