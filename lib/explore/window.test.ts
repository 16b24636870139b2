import { describe, expect, it } from 'vitest';
import { visibleRows } from './window';

describe('visibleRows', () => {
  it.each([
    ['list at the top of a 600 px screen', 0, 600, 100, 1000, 0, { start: 0, end: 6 }],
    ['list scrolled 1000 px up', -1000, 600, 100, 1000, 0, { start: 10, end: 16 }],
    ['list below the screen', 700, 600, 100, 1000, 0, { start: 0, end: 0 }],
    ['list scrolled past its end', -200_000, 600, 100, 1000, 0, { start: 1000, end: 1000 }],
    ['with overscan', -1000, 600, 100, 1000, 2, { start: 8, end: 18 }],
    ['a short list', 0, 600, 100, 3, 8, { start: 0, end: 3 }],
    ['an empty list', 0, 600, 100, 0, 8, { start: 0, end: 0 }],
  ])('%s', (_name, top, height, row, count, overscan, expected) => {
    expect(visibleRows(top, height, row, count, overscan)).toEqual(expected);
  });
});
