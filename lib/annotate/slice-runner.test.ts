import { describe, expect, it } from 'vitest';
import { runInSlices, type IdleDeadlineLike } from './slice-runner';

/** Work items that each cost 1 ms of an injected clock. */
function run(deadline: IdleDeadlineLike | undefined, items = 20) {
  let clock = 0;
  const slices: number[] = [];
  function* work() {
    for (let i = 0; i < items; i++) {
      clock += 1;
      yield;
    }
  }
  const done = runInSlices(work(), {
    signal: new AbortController().signal,
    schedule: (next) => void setTimeout(() => next(deadline), 0),
    now: () => clock,
    onSlice: (ms) => slices.push(ms),
  });
  return done.then((finished) => ({ finished, slices }));
}

describe('runInSlices', () => {
  it.each([
    ['a timer slice: the 4 ms budget', undefined, 4],
    ['an idle slice with room: still at most 4 ms', { timeRemaining: () => 40, didTimeout: false }, 4],
    ['an idle slice with 2 ms left: 2 ms', { timeRemaining: () => 2, didTimeout: false }, 2],
    ['an idle slice with no time left: one item, so the work ends', { timeRemaining: () => 0, didTimeout: false }, 1],
    ['an idle callback that timed out: the 4 ms budget', { timeRemaining: () => 0, didTimeout: true }, 4],
  ])('%s', async (_name, deadline, longest) => {
    const { finished, slices } = await run(deadline);
    expect(finished).toBe(true);
    expect(Math.max(...slices)).toBe(longest);
    expect(slices.reduce((a, b) => a + b, 0)).toBe(20);
  });
});
