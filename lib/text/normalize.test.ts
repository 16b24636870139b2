import { describe, expect, it } from 'vitest';
import { isWordUnit, normalizeText } from './normalize';

describe('normalizeText', () => {
  const cases: { name: string; input: string; text: string; folded: string }[] = [
    { name: 'ASCII is kept, folded copy lower-cased', input: 'Oracle Cloud', text: 'Oracle Cloud', folded: 'oracle cloud' },
    { name: 'curly apostrophes become straight', input: 'l’armée d‘Amazon', text: "l'armée d'Amazon", folded: "l'armée d'amazon" },
    { name: 'NBSP and narrow NBSP become spaces', input: 'Microsoft\u00a0Azure\u202fStack', text: 'Microsoft Azure Stack', folded: 'microsoft azure stack' },
    { name: 'whitespace runs collapse', input: 'Oracle\n  Cloud', text: 'Oracle Cloud', folded: 'oracle cloud' },
    { name: 'a lone line break becomes a space', input: 'Oracle\nCloud', text: 'Oracle Cloud', folded: 'oracle cloud' },
    { name: 'empty text', input: '', text: '', folded: '' },
    { name: 'Turkish dotted capital I keeps its place', input: 'İstanbul Google', text: 'İstanbul Google', folded: 'İstanbul google' },
    { name: 'soft hyphen and zero-width removed', input: 'Pa\u00adlan\u200btir', text: 'Palantir', folded: 'palantir' },
    { name: '® and ™ removed', input: 'Azure®, Gotham™', text: 'Azure, Gotham', folded: 'azure, gotham' },
    { name: 'NFKC: ligatures and full-width letters', input: 'ﬁrm ＩＢＭ', text: 'firm IBM', folded: 'firm ibm' },
    { name: 'NFKC: combining accent composed', input: 'arme\u0301e', text: 'armée', folded: 'armée' },
    { name: 'accented capitals fold', input: 'ÉTAT', text: 'ÉTAT', folded: 'état' },
  ];
  it.each(cases)('$name', ({ input, text, folded }) => {
    const result = normalizeText(input);
    expect(result.text).toBe(text);
    expect(result.folded).toBe(folded);
    expect(result.toOriginalStart(text.length)).toBe(input.length);
  });

  it('maps normalised ranges back to the original text', () => {
    const input = 'Use\u00a0Pa\u00adlantir® Gotham’s app';
    const normal = normalizeText(input);
    const start = normal.text.indexOf('Palantir');
    const end = start + 'Palantir'.length;
    expect(input.slice(normal.toOriginalStart(start), normal.toOriginalEnd(end))).toBe('Pa\u00adlantir');
    const gotham = normal.text.indexOf('Gotham');
    expect(input.slice(normal.toOriginalStart(gotham), normal.toOriginalEnd(gotham + 6))).toBe('Gotham');
  });

  it('maps every unit inside a rewritten character to that character', () => {
    const input = 'x ﬁne';
    const normal = normalizeText(input);
    expect(normal.text).toBe('x fine');
    expect([2, 3, 4, 5].map((i) => normal.toOriginalStart(i))).toEqual([2, 2, 3, 4]);
    expect(normal.toOriginalEnd(3)).toBe(3);
    expect(normal.toOriginalEnd(4)).toBe(3);
  });

  it('keeps surrogate pairs intact', () => {
    const input = 'a😀b';
    expect(normalizeText(input).text).toBe('a😀b');
  });
});

describe('isWordUnit', () => {
  it.each([
    ['a', true], ['Z', true], ['7', true], ['é', true], ['ж', true], [' ', false], ["'", false], ['-', false], ['.', false],
  ])('%s → %s', (char, expected) => {
    expect(isWordUnit(char.charCodeAt(0))).toBe(expected);
  });
});
