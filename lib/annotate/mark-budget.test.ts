import { describe, expect, it } from 'vitest';
import type { Mention } from '../matcher/types';
import { MarkBudget } from './mark-budget';

const mention = (vendor: string, alias: string): Mention => ({ vendor, entity: vendor, alias, start: 0, end: 1 });

describe('MarkBudget', () => {
  it.each([
    [0, ['microsoft', 'microsoft'], [false, false]],
    [1, ['microsoft', 'google', 'microsoft'], [true, true, false]],
    [2, ['microsoft', 'microsoft', 'microsoft', 'google'], [true, true, false, true]],
  ])('cap %i marks only each company’s first mentions', (cap, vendors, expected) => {
    const budget = new MarkBudget(cap);
    expect(vendors.map((v) => budget.take(mention(v, v)))).toEqual(expected);
  });

  it('canTake says whether a mark is left without taking it', () => {
    const budget = new MarkBudget(1);
    expect(budget.canTake(mention('ibm', 'IBM'))).toBe(true);
    expect(budget.canTake(mention('ibm', 'IBM'))).toBe(true);
    budget.take(mention('ibm', 'IBM'));
    expect(budget.canTake(mention('ibm', 'IBM'))).toBe(false);
    expect(budget.canTake(mention('google', 'Google'))).toBe(true);
  });

  it('reset forgets what was taken and applies the new cap', () => {
    const budget = new MarkBudget(1);
    budget.take(mention('ibm', 'IBM'));
    budget.reset(2);
    expect([budget.take(mention('ibm', 'IBM')), budget.take(mention('ibm', 'IBM')), budget.take(mention('ibm', 'IBM'))]).toEqual([true, true, false]);
  });
});
