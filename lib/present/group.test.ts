import { describe, expect, it } from 'vitest';
import { describeReasons, indexVendors } from './group';
import { sampleDataset } from './test-data';

describe('indexVendors', () => {
  const index = indexVendors(sampleDataset);

  it.each([
    ['github', 'microsoft'],
    ['microsoft', 'microsoft'],
    ['amazon-web-services', 'amazon'],
    ['unknown', 'unknown'],
  ])('top vendor of %s is %s', (entity, top) => {
    expect(index.topVendorOf(entity)).toBe(top);
  });

  it.each([
    ['microsoft', ['ms-azure-8200', 'gh-ice']],
    ['amazon', ['aws-nimbus']],
    ['google', ['google-nimbus', 'google-dod', 'google-jwcc']],
    ['nofindings', undefined],
  ])('findings of %s fold in subsidiaries', (vendor, ids) => {
    expect(index.findingsByTopVendor.get(vendor)?.map((f) => f.id)).toEqual(ids);
  });

  it('survives a parent cycle', () => {
    const cyclic = indexVendors({
      entities: [
        { ...sampleDataset.entities[0]!, id: 'a', parent: 'b' },
        { ...sampleDataset.entities[0]!, id: 'b', parent: 'a' },
      ],
      findings: [],
    });
    expect(typeof cyclic.topVendorOf('a')).toBe('string');
  });
});

describe('describeReasons', () => {
  it.each([
    [
      { vendor: 'microsoft', entity: 'github', domain: 'github.com' }, null, 'en',
      ['This site belongs to Microsoft (github.com)'],
    ],
    [
      null, { vendor: 'microsoft', count: 4, aliases: { Microsoft: 1, Azure: 3 } }, 'en',
      ['“Azure” mentioned 3 times', '“Microsoft” mentioned once'],
    ],
    [
      { vendor: 'microsoft', entity: 'microsoft', domain: 'microsoft.com' }, { vendor: 'microsoft', count: 2, aliases: { Azure: 2 } }, 'fr',
      ['Ce site appartient à Microsoft (microsoft.com)', '« Azure » mentionné 2 fois'],
    ],
    [null, { vendor: 'microsoft', count: 0, aliases: { Azure: 0 } }, 'en', []],
  ] as const)('%o %o %s', (domain, mentions, lang, expected) => {
    expect(describeReasons('Microsoft', domain, mentions, lang)).toEqual(expected);
  });
});
