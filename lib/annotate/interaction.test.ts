// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Mark } from './highlight-registry';
import { pickNextMark, readNavigationKey } from './interaction';

const marks = ['a', 'b', 'c'].map((alias) => ({ mention: { vendor: alias, entity: alias, alias, start: 0, end: 1 } }) as unknown as Mark);
const [a, b, c] = marks as [Mark, Mark, Mark];

describe('pickNextMark', () => {
  it.each([
    ['first from nothing', marks, null, false, a],
    ['last from nothing, backwards', marks, null, true, c],
    ['next', marks, a, false, b],
    ['wraps forwards', marks, c, false, a],
    ['wraps backwards', marks, a, true, c],
    ['none without marks', [], null, false, null],
  ])('%s', (_name, list, current, backwards, expected) => {
    expect(pickNextMark(list, current, backwards)).toBe(expected);
  });
});

describe('readNavigationKey', () => {
  it.each([
    [{ altKey: true, shiftKey: true, code: 'KeyU' }, 'next'],
    [{ altKey: true, shiftKey: true, code: 'KeyY' }, 'previous'],
    [{ altKey: true, shiftKey: false, code: 'KeyU' }, null],
    [{ altKey: true, shiftKey: true, ctrlKey: true, code: 'KeyU' }, null],
    [{ altKey: false, shiftKey: true, code: 'KeyU' }, null],
  ])('%o → %s', (init, expected) => {
    expect(readNavigationKey(new KeyboardEvent('keydown', init))).toBe(expected);
  });
});
