import { describe, expect, it } from 'vitest';
import { LOOKUP_MAX_CHARS, lookupPath } from './lookup-link';

describe('lookupPath', () => {
  it.each([
    ['Unit 8200', 7, '/popup.html?q=Unit+8200&tab=7'],
    ['  Rolling\n  Stone ', undefined, '/popup.html?q=Rolling+Stone'],
    ['Tsahal & l’armée', 3, '/popup.html?q=Tsahal+%26+l%E2%80%99arm%C3%A9e&tab=3'],
    ['#', 1, null],
    ['   ', 1, null],
    ['Nimbus', -1, '/popup.html?q=Nimbus'],
  ])('%j (tab %s) → %s', (selection, tabId, expected) => {
    expect(lookupPath(selection, tabId)).toBe(expected);
  });

  it(`keeps at most ${LOOKUP_MAX_CHARS} characters of a long selection`, () => {
    const path = lookupPath('word '.repeat(500))!;
    expect(new URLSearchParams(path.split('?')[1]).get('q')!.length).toBeLessThanOrEqual(LOOKUP_MAX_CHARS);
  });
});
