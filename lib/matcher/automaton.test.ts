import { describe, expect, it } from 'vitest';
import { createRandom } from '../../tests/bench/corpus';
import { isWordUnit } from '../text/normalize';
import { SKIP_UNIT, compileAutomaton, type UnitMapping } from './automaton';

const AS_IS: UnitMapping = { mapUnit: (unit) => unit };
const AT_WORD_STARTS: UnitMapping = { mapUnit: (unit) => (unit === 0xad ? SKIP_UNIT : unit), isWordUnit };
const readAsIs = (text: string, index: number): number => text.charCodeAt(index);

/** "pattern@end" for every occurrence the automaton reports. */
function occurrences(patterns: string[], mapping: UnitMapping, text: string): string[] {
  const found: string[] = [];
  compileAutomaton(patterns, mapping).scan(text, (id, end) => found.push(`${patterns[id]}@${end}`), readAsIs);
  return found.sort();
}

/** The same by brute force: every place a pattern stands, kept where a word-initial one starts a word. */
function bruteForce(patterns: string[], text: string, wordStarts: boolean): string[] {
  const found: string[] = [];
  for (const pattern of new Set(patterns)) {
    for (let at = text.indexOf(pattern); at >= 0; at = text.indexOf(pattern, at + 1)) {
      const startsWord = isWordUnit(pattern.charCodeAt(0));
      if (wordStarts && startsWord && at > 0 && isWordUnit(text.charCodeAt(at - 1))) continue;
      for (const id of patterns.keys()) if (patterns[id] === pattern) found.push(`${pattern}@${at + pattern.length}`);
    }
  }
  return found.sort();
}

describe('compileAutomaton', () => {
  it('finds every occurrence, overlapping ones included', () => {
    expect(occurrences(['he', 'she', 'his', 'hers'], AS_IS, 'ushers')).toEqual(['he@4', 'hers@6', 'she@4']);
  });

  it('with isWordUnit, finds a word-initial pattern only at the start of a word', () => {
    const patterns = ['it', 'fence', 'defence', '. ', 'ai', 'e-', 'red hat'];
    expect(occurrences(patterns, AT_WORD_STARTS, 'with it, the defence said. Red hat: bored hat, redhat, red hat')).toEqual([
      '. @27', 'defence@20', 'it@7', 'red hat@62',
    ]);
    // At the start of the text, after punctuation or a digit-free symbol, after a skipped unit inside a word (not a start).
    expect(occurrences(patterns, AT_WORD_STARTS, 'it-it (it) wi\u00adth')).toEqual(['it@2', 'it@5', 'it@9']);
  });

  it('agrees with brute force on random text, with and without word starts', () => {
    const random = createRandom(11);
    const letters = 'aeilnrst -.,é';
    const pick = (length: number) => Array.from({ length }, () => letters[Math.floor(random() * letters.length)]).join('');
    for (let round = 0; round < 300; round++) {
      const patterns = Array.from({ length: 1 + Math.floor(random() * 8) }, () => pick(1 + Math.floor(random() * 4)));
      const text = pick(200);
      expect(occurrences(patterns, AS_IS, text), `${JSON.stringify(patterns)} in ${JSON.stringify(text)}`).toEqual(bruteForce(patterns, text, false));
      expect(occurrences(patterns, { mapUnit: (unit) => unit, isWordUnit }, text), `${JSON.stringify(patterns)} in ${JSON.stringify(text)}`).toEqual(bruteForce(patterns, text, true));
    }
  });
});
