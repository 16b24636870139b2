import { describe, expect, it } from 'vitest';
import { makeFinding } from '../present/test-data';
import { buildSourceIndex } from './source-index';

const source = (url: string) => ({ publisher: 'P', publisherId: 'p', title: 'Headline', url, date: '2025', lang: 'en', verified: 'read' });

describe('buildSourceIndex', () => {
  const index = buildSourceIndex([
    makeFinding({ id: 'a', vendor: 'v', sources: [source('https://www.972mag.com/azure/'), source('https://next.ink/1/x/')] }),
    makeFinding({ id: 'b', vendor: 'v', sources: [source('https://next.ink/1/x/')] }),
    makeFinding({ id: 'c', vendor: 'v', sources: [source('https://next.ink/2/y/'), source('https://m.next.ink/2/y')] }),
  ]);

  it.each([
    ['https://next.ink/1/x/?utm_source=mastodon#top', ['a', 'b']],
    ['http://972mag.com/azure', ['a']],
    ['https://next.ink/2/y/', ['c']],
    ['https://next.ink/3/z/', []],
    ['chrome://newtab/', []],
  ])('%s is cited by %o', (address, expected) => {
    expect(index.citing(address)).toEqual(expected);
  });

  it('hands out copies: a caller cannot change the index', () => {
    index.citing('https://next.ink/1/x/').push('intruder');
    expect(index.citing('https://next.ink/1/x/')).toEqual(['a', 'b']);
  });
});
