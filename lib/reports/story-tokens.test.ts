import { describe, expect, it } from 'vitest';
import { phraseWord, readStory } from './story-tokens';

/** "key=text as read" for every mark. */
const marksOf = (text: string) => {
  const reading = readStory(text);
  return reading.marks.map((mark) => `${mark.key}=${reading.text.slice(mark.start, mark.end)}`);
};

describe('readStory: figures with their unit, English and French', () => {
  it.each([
    ['about 19,000 hours of engineering', ['f:19000:hour=19,000 hours']],
    ['environ 19 000 heures de support', ['f:19000:hour=19 000 heures']],
    ['environ 19\u202f000\u00a0heures', ['f:19000:hour=19\u202f000\u00a0heures']],
    ['$10 million', ['f:10000000:USD=$10 million']],
    ['10 millions de dollars', ['f:10000000:USD=10 millions de dollars']],
    ['US$10M', ['f:10000000:USD=US$10M']],
    ['10 M$', ['f:10000000:USD=10 M$']],
    ['£17.75 million', ['f:17750000:GBP=£17.75 million']],
    ['1,2 milliard de dollars', ['f:1200000000:USD=1,2 milliard de dollars']],
    ['$1.2 billion', ['f:1200000000:USD=$1.2 billion']],
    ['€250,000', ['f:250000:EUR=€250,000']],
    ['A$1.2 billion', ['f:1200000000:AUD=A$1.2 billion']],
    ['multiplié par 64', ['f:64:times=multiplié par 64']],
    ['64 times its level', ['f:64:times=64 times']],
    ['a 155% rise', ['f:155:percent=155%']],
    ['155 pour cent', ['f:155:percent=155 pour cent']],
    ['1 200 Israéliens', []],
    ['a 100 m sprint', []],
    ['Unit 8200', []],
    ['in 2023, 2024 and 2025', []],
  ])('%s', (text, expected) => {
    expect(marksOf(text).filter((mark) => mark.startsWith('f:'))).toEqual(expected);
  });
});

describe('readStory: months', () => {
  it.each([
    ['in October 2023', ['d:2023-10=October 2023']],
    ['en octobre 2023', ['d:2023-10=octobre 2023']],
    ['on October 24, 2024', ['d:2024-10=October 24, 2024']],
    ['le 24 octobre 2024', ['d:2024-10=octobre 2024']],
    ['dès août 2023', ['d:2023-08=août 2023']],
    ['in October', []],
    ['May 3000', []],
  ])('%s', (text, expected) => {
    expect(marksOf(text)).toEqual(expected);
  });
});

describe('readStory: words', () => {
  it.each([
    ['l’unité 8200', ['l', 'unité', '8200']],
    ['Mat\u00adspen', ['matspen']],
    ['GPT-4o', ['gpt', '4', 'o']],
    ['« Rolling Stone »', ['rolling', 'stone']],
    ['ﬁnance', ['finance']],
  ])('%s → %o', (text, expected) => {
    expect(readStory(text).words.map((word) => word.folded)).toEqual(expected);
  });

  it('marks capitalised words', () => {
    expect(readStory('the Rolling stone').words.map((word) => word.capital)).toEqual([false, true, false]);
  });

  it.each([['registres', 'registre'], ['units', 'unit'], ['aws', 'aws'], ['us', 'us'], ['8200', '8200']])('phraseWord(%s) = %s', (word, expected) => {
    expect(phraseWord(word)).toBe(expected);
  });
});
