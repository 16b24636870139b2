import { describe, expect, it } from 'vitest';
import {
  equalsCanonical, foldText, isStableAt, isWordUnit, matchStart, mayCompose, normalizeTerm, normalizeText, unitBefore, unitFrom,
} from './normalize';

describe('normalizeText', () => {
  // `text` is what normalizeText returns; `read` is that text as the matcher reads it
  // (foldText: case and equivalents resolved, invisible units left out).
  const cases: { name: string; input: string; text: string; read: string }[] = [
    { name: 'ASCII comes back as is', input: 'Oracle Cloud', text: 'Oracle Cloud', read: 'oracle cloud' },
    { name: 'curly apostrophes stay, read as straight ones', input: 'l’armée d‘Amazon', text: 'l’armée d‘Amazon', read: "l'armée d'amazon" },
    { name: 'NBSP and narrow NBSP stay, read as spaces', input: 'Microsoft\u00a0Azure\u202fStack', text: 'Microsoft\u00a0Azure\u202fStack', read: 'microsoft azure stack' },
    { name: 'a line break stays, read as a space', input: 'Oracle\nCloud', text: 'Oracle\nCloud', read: 'oracle cloud' },
    { name: 'empty text', input: '', text: '', read: '' },
    { name: 'Turkish dotted capital I keeps its place', input: 'İstanbul Google', text: 'İstanbul Google', read: 'İstanbul google' },
    { name: 'soft hyphen and zero-width stay, read as nothing', input: 'Pa\u00adlan\u200btir', text: 'Pa\u00adlan\u200btir', read: 'palantir' },
    { name: '® and ™ stay, read as nothing', input: 'Azure®, Gotham™', text: 'Azure®, Gotham™', read: 'azure, gotham' },
    { name: 'NFKC: ligatures and full-width letters', input: 'ﬁrm ＩＢＭ', text: 'firm IBM', read: 'firm ibm' },
    { name: 'NFKC: combining accent composed', input: 'arme\u0301e', text: 'armée', read: 'armée' },
    { name: 'NFKC: mathematical letters (surrogate pairs)', input: '𝐈𝐁𝐌 cloud', text: 'IBM cloud', read: 'ibm cloud' },
    { name: 'accented capitals fold', input: 'ÉTAT', text: 'ÉTAT', read: 'état' },
    { name: 'other scripts come back as is', input: 'צה"ל Яндекс 腾讯', text: 'צה"ל Яндекс 腾讯', read: 'צה"ל яндекс 腾讯' },
    { name: 'emoji come back as is', input: 'a😀b', text: 'a😀b', read: 'a😀b' },
  ];
  it.each(cases)('$name', ({ input, text, read }) => {
    const result = normalizeText(input);
    expect(result.text).toBe(text);
    expect(foldText(result.text)).toBe(read);
    expect(result.toOriginalStart(text.length)).toBe(input.length);
  });

  it('returns the very input when NFKC changes nothing', () => {
    const input = 'Palantir’s Gotham\u00a0platform, déployée';
    expect(normalizeText(input).text).toBe(input);
  });

  it('maps every unit inside a rewritten character to that character', () => {
    const input = 'x ﬁne';
    const normal = normalizeText(input);
    expect(normal.text).toBe('x fine');
    expect([2, 3, 4, 5].map((i) => normal.toOriginalStart(i))).toEqual([2, 2, 3, 4]);
    expect(normal.toOriginalEnd(3)).toBe(3);
    expect(normal.toOriginalEnd(4)).toBe(3);
  });

  it('maps ranges after composed characters back to the original', () => {
    const input = 'a 𝐈𝐁𝐌 et l’arme\u0301e de Pa\u00adlantir';
    const normal = normalizeText(input);
    expect(normal.text).toBe('a IBM et l’armée de Pa\u00adlantir');
    expect(input.slice(normal.toOriginalStart(2), normal.toOriginalEnd(5))).toBe('𝐈𝐁𝐌');
    const start = normal.text.indexOf('Pa');
    expect(input.slice(normal.toOriginalStart(start), normal.toOriginalEnd(normal.text.length))).toBe('Pa\u00adlantir');
  });
});

describe('reading normalised text', () => {
  it('compares as the canonical text: case kept, equivalents resolved, invisible units and repeated spaces ignored', () => {
    expect(equalsCanonical('say HP’s', 4, 8, "HP's")).toBe(true);
    expect(equalsCanonical('say hp’s', 4, 8, "HP's")).toBe(false);
    expect(equalsCanonical('Hewlett\u00a0 \nPackard', 0, 17, 'Hewlett Packard')).toBe(true);
    expect(equalsCanonical('Pa\u00adlantir', 0, 9, 'Palantir')).toBe(true);
    expect(equalsCanonical('Palan', 0, 5, 'Palantir')).toBe(false);
  });

  it('finds where a match starts, reading back as the automaton read forward', () => {
    const text = 'see Hewlett \n Pack\u00adard';
    expect(text.slice(matchStart(text, text.length, 'hewlett packard'.length))).toBe('Hewlett \n Pack\u00adard');
    expect(matchStart('xAzure', 6, 5)).toBe(1);
  });

  it('looks past invisible units for word boundaries', () => {
    expect(unitBefore('a\u00adb', 2)).toBe(0x61);
    expect(unitFrom('a\u200bb', 1)).toBe(0x62);
    expect(unitBefore('\u00adb', 1)).toBeNaN();
    expect(unitFrom('a\u00ad', 1)).toBeNaN();
  });

  it('flags only what NFKC may change, and checks each piece', () => {
    expect(['a', 'é', '’', '\u00a0', '™', 'ж', 'א'].map((char) => mayCompose(char.charCodeAt(0)))).toEqual([false, false, false, false, false, false, false]);
    expect(['ﬁ', 'Ｉ', '\u0301', '\ud835'].map((char) => mayCompose(char.charCodeAt(0)))).toEqual([true, true, true, true]);
    expect(isStableAt('e\u0301', 1)).toBe(false);
    expect(isStableAt('q\u0301', 1)).toBe(true);
    expect(isStableAt('a😀b', 1)).toBe(true);
    expect(isStableAt('a😀b', 2)).toBe(true);
    expect(isStableAt('ﬁ', 0)).toBe(false);
  });

  it('normalises catalog terms to canonical text and folded patterns', () => {
    expect(normalizeTerm('  McDonald’s\u00a0 Corp™ ')).toEqual({ text: "McDonald's Corp", folded: "mcdonald's corp" });
    expect(normalizeTerm('ＩＢＭ Cloud')).toEqual({ text: 'IBM Cloud', folded: 'ibm cloud' });
  });
});

describe('isWordUnit', () => {
  it.each([
    ['a', true], ['Z', true], ['7', true], ['é', true], ['ж', true], [' ', false], ["'", false], ['-', false], ['.', false],
  ])('%s → %s', (char, expected) => {
    expect(isWordUnit(char.charCodeAt(0))).toBe(expected);
  });
});
