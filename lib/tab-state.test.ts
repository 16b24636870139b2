import { describe, expect, it } from 'vitest';
import {
  computeBadgeText, isEnabledOn, isSameDocument, listMatchedVendors, selectPersistable, siteOf, startTab, toggleSite, withMentions,
} from './tab-state';
import { defaultSettings } from './settings';

const github = { vendor: 'microsoft', entity: 'github', domain: 'github.com' };
const mentions = (vendor: string, count = 1) => ({ vendor, count, aliases: { [vendor]: count } });

describe('isSameDocument', () => {
  it.each([
    ['https://a.com/x#one', 'https://a.com/x#two', true],
    ['https://a.com/x', 'https://a.com/x#top', true],
    ['https://a.com/x', 'https://a.com/y', false],
    ['https://a.com/x?q=1', 'https://a.com/x?q=2', false],
  ])('%s vs %s → %s', (a, b, expected) => {
    expect(isSameDocument(a, b)).toBe(expected);
  });
});

describe('listMatchedVendors and computeBadgeText', () => {
  const hasFindings = (vendor: string) => vendor !== 'quiet';
  it.each([
    ['nothing', startTab('https://x.org', false, null), [], ''],
    ['domain only', startTab('https://github.com', false, github), [], '1'],
    ['domain and mention of the same vendor count once', startTab('https://github.com', false, github), [mentions('microsoft', 3)], '1'],
    ['two mentioned vendors', startTab('https://x.org', false, null), [mentions('palantir'), mentions('microsoft')], '2'],
    ['a vendor without visible finding is not counted', startTab('https://x.org', false, null), [mentions('quiet'), mentions('google')], '1'],
    ['zero counts are dropped', startTab('https://x.org', false, null), [mentions('google', 0)], ''],
  ])('%s', (_name, record, reported, expected) => {
    expect(computeBadgeText(withMentions(record, reported), hasFindings)).toBe(expected);
  });

  it('has no badge for an unknown tab', () => {
    expect(computeBadgeText(undefined, () => true)).toBe('');
  });

  it('lists each vendor once', () => {
    const record = withMentions(startTab('https://github.com', false, github), [mentions('microsoft'), mentions('google')]);
    expect(listMatchedVendors(record)).toEqual(['microsoft', 'google']);
  });
});

describe('withMentions', () => {
  it('replaces the previous report and drops bad alias counts', () => {
    const first = withMentions(startTab('https://x.org', false, null), [mentions('google')]);
    const second = withMentions(first, [{ vendor: 'palantir', count: 2, aliases: { Palantir: 2, Bad: -1, Worse: 1.5 } }]);
    expect(second.mentions).toEqual([{ vendor: 'palantir', count: 2, aliases: { Palantir: 2 } }]);
  });
});

describe('selectPersistable', () => {
  it('never keeps private-window tabs', () => {
    const records = { '1': startTab('https://a.com', false, null), '2': startTab('https://b.com', true, null) };
    expect(Object.keys(selectPersistable(records))).toEqual(['1']);
  });
});

describe('siteOf', () => {
  it.each([
    ['https://news.example.co.uk/a', 'example.co.uk'],
    ['https://www.github.com/', 'github.com'],
    ['http://127.0.0.1:8080/page.html', '127.0.0.1'],
    ['chrome://extensions', null],
    ['not a url', null],
  ])('%s → %s', (url, expected) => {
    expect(siteOf(url)).toBe(expected);
  });
});

describe('isEnabledOn and toggleSite', () => {
  const deny = { ...defaultSettings, siteMode: 'everywhere-except' as const, sites: ['github.com'] };
  const allow = { ...defaultSettings, siteMode: 'only-on' as const, sites: ['github.com'] };
  it.each([
    ['deny list, listed', deny, 'https://github.com/x', false],
    ['deny list, other', deny, 'https://gitlab.com/x', true],
    ['allow list, listed', allow, 'https://docs.github.com/', true],
    ['allow list, other', allow, 'https://gitlab.com/', false],
    ['switched off', { ...deny, enabled: false }, 'https://gitlab.com/', false],
    ['not a web page', deny, 'about:blank', false],
  ])('%s', (_name, settings, url, expected) => {
    expect(isEnabledOn(settings, url)).toBe(expected);
  });

  it.each([
    ['deny list: off adds', deny, 'a.com', false, ['a.com', 'github.com']],
    ['deny list: on removes', deny, 'github.com', true, []],
    ['allow list: on adds', allow, 'a.com', true, ['a.com', 'github.com']],
    ['allow list: off removes', allow, 'github.com', false, []],
  ])('%s', (_name, settings, site, on, expected) => {
    expect(toggleSite(settings, site, on)).toEqual(expected);
  });
});
