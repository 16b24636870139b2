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

  it('counts every mention, marked or not, per vendor and alias', () => {
    const budget = new MarkBudget(1);
    for (const [v, a] of [['microsoft', 'Azure'], ['microsoft', 'Azure'], ['microsoft', 'Microsoft'], ['google', 'Google']] as const) {
      budget.take(mention(v, a));
    }
    expect(budget.report()).toEqual([
      { vendor: 'microsoft', count: 3, aliases: { Azure: 2, Microsoft: 1 } },
      { vendor: 'google', count: 1, aliases: { Google: 1 } },
    ]);
  });

  it('reset forgets counts and applies the new cap', () => {
    const budget = new MarkBudget(1);
    budget.take(mention('ibm', 'IBM'));
    budget.reset(2);
    expect(budget.report()).toEqual([]);
    expect([budget.take(mention('ibm', 'IBM')), budget.take(mention('ibm', 'IBM')), budget.take(mention('ibm', 'IBM'))]).toEqual([true, true, false]);
  });
});
