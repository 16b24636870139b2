import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDatasetBundle } from '../dataset/bundle-file';
import { parseBundledDataset } from '../dataset/bundled';
import { createRandom } from '../../tests/bench/corpus';
import { buildStoryIndex, createStoryScanner, STORY_CHARS_PER_PAGE, storyPart, type StoryIndex } from './story-index';
import { phraseWord, readStory } from './story-tokens';

// The scanner reads words only where it must; this is the plain reading it must agree with: every
// word of the chunk read by readStory, phrases looked up by their first word, then the marks.
function referenceScan(index: StoryIndex, chunks: readonly string[]): string[] {
  const found = new Set<string>();
  for (const chunk of chunks) {
    const { words, marks } = readStory(chunk);
    for (let i = 0; i < words.length; i++) {
      for (const { words: phrase, key, cased } of index.phrasesByFirst.get(phraseWord(words[i]!.folded)) ?? []) {
        if (found.has(key) || (cased && !words[i]!.capital)) continue;
        let k = 1;
        while (k < phrase.length && words[i + k] !== undefined && phraseWord(words[i + k]!.folded) === phrase[k]) k++;
        if (k === phrase.length) found.add(key);
      }
    }
    for (const mark of marks) if (index.term(mark.key)) found.add(mark.key);
  }
  return [...found];
}

const dataset = parseBundledDataset(readDatasetBundle());
const index = buildStoryIndex(dataset);
const scanned = (chunks: readonly string[]): string[] => {
  const scanner = createStoryScanner(index);
  for (const chunk of chunks) scanner.add(chunk);
  return scanner.found();
};

const corpus = readFileSync(new URL('../../tests/fixtures/real-text/corpus.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => line.split('\t').at(-1) ?? '');

describe('the story scanner finds what reading every word finds', () => {
  it('in every finding\'s own title and summary, English and French (where its terms come from)', () => {
    let terms = 0;
    for (const finding of dataset.findings) {
      const chunks = [finding.title.en, finding.summary.en, finding.title.fr, finding.summary.fr];
      const expected = referenceScan(index, chunks);
      terms += expected.length;
      expect(scanned(chunks), finding.id).toEqual(expected);
    }
    expect(terms).toBeGreaterThan(dataset.findings.length * 3);
  });

  it('in the real-text corpus, line by line and as one document', () => {
    expect(scanned(corpus)).toEqual(referenceScan(index, corpus));
    expect(scanned([corpus.join('\n')])).toEqual(referenceScan(index, [corpus.join('\n')]));
  });

  it('in the seed article', () => {
    const seed = readFileSync(new URL('../../tests/fixtures/seed-story.html', import.meta.url), 'utf8');
    const expected = referenceScan(index, [seed]);
    expect(expected.length).toBeGreaterThan(10);
    expect(scanned([seed])).toEqual(expected);
  });

  it('in random text of the dataset\'s words, numbers, currencies, months and typography', () => {
    const random = createRandom(7);
    const words = [...new Set(dataset.findings.flatMap((finding) => `${finding.summary.en} ${finding.summary.fr}`.split(/\s+/u)))];
    const extras = ['19', '000', '19,000', '1.2', '1,2', '$', '€', '£', 'US$10M', '10 M$', 'A$', 'multiplied by', 'multiplié par', 'per cent',
      'October', 'octobre', 'Mai', '24,', '2024', '2023', 'million', 'millions de dollars', 'hours', 'heures', 'ﬁ', 'ＩＢＭ', '\u00ad', '\u00a0', '’', '%'];
    for (let round = 0; round < 200; round++) {
      const parts: string[] = [];
      for (let k = 0; k < 300; k++) {
        const roll = random();
        parts.push(roll < 0.3 ? extras[Math.floor(random() * extras.length)]! : words[Math.floor(random() * words.length)]!);
        parts.push(random() < 0.1 ? '' : random() < 0.1 ? ', ' : ' ');
      }
      const text = parts.join('');
      expect(scanned([text]), text).toEqual(referenceScan(index, [text]));
    }
  });
});

describe('storyPart', () => {
  it('keeps a text up to STORY_CHARS_PER_PAGE whole, and cuts a longer one at the end of the word at the limit', () => {
    expect(storyPart('short text')).toBe('short text');
    const text = `${'a'.repeat(STORY_CHARS_PER_PAGE - 3)} Palantir Gotham`;
    expect(storyPart(text)).toBe(`${'a'.repeat(STORY_CHARS_PER_PAGE - 3)} Palantir`);
    const exact = 'b'.repeat(STORY_CHARS_PER_PAGE + 10);
    expect(storyPart(exact)).toBe(exact);
    expect(storyPart(' c'.repeat(STORY_CHARS_PER_PAGE))).toHaveLength(STORY_CHARS_PER_PAGE);
  });
});
