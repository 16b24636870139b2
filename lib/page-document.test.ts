import { describe, expect, it } from 'vitest';
import type { Entity } from './dataset/types';
import { compileMatcher } from './matcher/index';
import { PageDocument } from './page-document';

const entity = (id: string, name: string, extra: Partial<Entity> = {}): Entity => ({
  id, name, type: 'vendor', country: 'US', parent: null, aliases: [name], products: [], domains: [], ambiguous: [], ...extra,
});
const matcher = compileMatcher([
  entity('microsoft', 'Microsoft', {
    products: ['Azure'],
    ambiguous: [{ alias: 'Azure', caseSensitive: true, requireEvidence: true, note: 'a colour' }],
  }),
  entity('google', 'Google'),
], []);
const texts = (...list: string[]) => list.map((text, i) => ({ id: i + 1, text }));
const spans = (list: Array<{ text: number; alias: string; start: number }>) => list.map((m) => `${m.text}:${m.alias}@${m.start}`);

describe('PageDocument', () => {
  it('marks plain mentions at once, with offsets into each text', () => {
    const reading = new PageDocument('d').read(matcher, texts('Google said', 'and Microsoft'));
    expect(spans(reading.marks)).toEqual(['1:Google@0', '2:Microsoft@4']);
    expect(reading.pending).toEqual([]);
    expect(reading.released).toEqual([]);
  });

  it('keeps a mention that needs corroboration pending until a later batch corroborates it', () => {
    const document = new PageDocument('d');
    const first = document.read(matcher, texts('Azure today'));
    expect(first.marks).toEqual([]);
    expect(spans(first.pending)).toEqual(['1:Azure@0']);
    expect(document.mentions()).toEqual([]);
    const second = document.read(matcher, [{ id: 2, text: 'Google' }]);
    expect(second.released).toEqual([]);
    const third = document.read(matcher, [{ id: 3, text: 'Microsoft said' }]);
    expect(spans(third.marks)).toEqual(['3:Microsoft@0']);
    expect(third.released).toEqual([first.pending[0]?.key]);
    expect(document.mentions()).toEqual([
      { vendor: 'microsoft', count: 2, aliases: { Azure: 1, Microsoft: 1 } },
      { vendor: 'google', count: 1, aliases: { Google: 1 } },
    ]);
    // Released once only.
    expect(document.read(matcher, [{ id: 4, text: 'Microsoft again' }]).released).toEqual([]);
  });

  it('marks at once what the page\'s domain corroborates', () => {
    expect(spans(new PageDocument('d', ['microsoft']).read(matcher, texts('Azure today')).marks)).toEqual(['1:Azure@0']);
  });

  it('a window of a long text owns only the matches starting inside it', () => {
    const reading = new PageDocument('d').read(matcher, [{ id: 1, text: 'Google and Google and Google', from: 5, to: 20 }]);
    expect(spans(reading.marks)).toEqual(['1:Google@11']);
  });

  it('carries counts over (a restarted worker) and treats their vendors as corroborated', () => {
    const document = new PageDocument('d', ['microsoft'], [{ vendor: 'microsoft', count: 4, aliases: { Microsoft: 4 } }]);
    expect(spans(document.read(matcher, texts('Azure')).marks)).toEqual(['1:Azure@0']);
    expect(document.mentions()).toEqual([{ vendor: 'microsoft', count: 5, aliases: { Microsoft: 4, Azure: 1 } }]);
    expect(document.batches).toBe(1);
  });
});
