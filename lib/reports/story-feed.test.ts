import { describe, expect, it } from 'vitest';
import { MESSAGE_LIMITS } from '../messaging';
import { STORY_FEED_MAX_CHARS, StoryFeed } from './story-feed';

function feed() {
  const sent: string[][] = [];
  const timers: Array<() => void> = [];
  const story = new StoryFeed({ send: (chunks) => sent.push(chunks), schedule: (callback) => void timers.push(callback) });
  const runTimers = () => timers.splice(0).forEach((callback) => callback());
  return { story, sent, runTimers, timers };
}

describe('StoryFeed', () => {
  it('batches segments after a pause, one timer at a time', () => {
    const { story, sent, runTimers, timers } = feed();
    story.add('Unit 8200');
    story.add('   ');
    story.add('Ofek');
    expect(timers).toHaveLength(1);
    expect(sent).toEqual([]);
    runTimers();
    expect(sent).toEqual([['Unit 8200', 'Ofek']]);
  });

  it('keeps every message within the protocol limits', () => {
    const { story, sent, runTimers } = feed();
    for (let i = 0; i < MESSAGE_LIMITS.chunks + 3; i++) story.add(`segment ${i} `.repeat(10));
    story.add('y'.repeat(MESSAGE_LIMITS.chunk + 50));
    runTimers();
    expect(sent.every((batch) => batch.length <= MESSAGE_LIMITS.chunks && batch.every((chunk) => chunk.length <= MESSAGE_LIMITS.chunk))).toBe(true);
    expect(sent.flat()).toHaveLength(MESSAGE_LIMITS.chunks + 4);
  });

  it(`stops after ${STORY_FEED_MAX_CHARS} characters, and starts again after a reset`, () => {
    const { story, sent, runTimers } = feed();
    for (let i = 0; i < 20; i++) story.add('z'.repeat(MESSAGE_LIMITS.chunk));
    runTimers();
    expect(sent.flat().join('').length).toBe(STORY_FEED_MAX_CHARS);
    story.reset();
    story.add('Rolling Stone');
    runTimers();
    expect(sent.at(-1)).toEqual(['Rolling Stone']);
  });
});
