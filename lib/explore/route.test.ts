import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute, type ExploreRoute } from './route';

describe('parseRoute', () => {
  it.each<[string, ExploreRoute]>([
    ['', { view: 'list' }],
    ['#', { view: 'list' }],
    ['#vendor=microsoft', { view: 'vendor', id: 'microsoft' }],
    ['#customer=israel-defense-forces', { view: 'customer', id: 'israel-defense-forces' }],
    ['#finding=microsoft-azure-idf-units-2023-2025', { view: 'finding', id: 'microsoft-azure-idf-units-2023-2025' }],
    ['#finding=a%20b', { view: 'finding', id: 'a b' }],
    ['#finding=%E0%A4%A', { view: 'list' }],
    ['#vendor=', { view: 'list' }],
    ['#other=x', { view: 'list' }],
    ['#vendor=a&x=1', { view: 'list' }],
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('formatRoute is its inverse', () => {
    for (const route of [{ view: 'list' }, { view: 'vendor', id: 'scale-ai' }, { view: 'finding', id: 'a/b c' }] as ExploreRoute[]) {
      expect(parseRoute(formatRoute(route))).toEqual(route);
    }
  });
});
