// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadBody } from './test-dom';
import { MAX_SORTED_ROOTS, MutationQueue, reduceRoots } from './mutation-queue';

function setup() {
  const frames: (() => void)[] = [];
  const flushed: Node[][] = [];
  const controller = new AbortController();
  const queue = new MutationQueue({
    onFlush: (roots) => flushed.push(roots),
    scheduleFrame: (cb) => frames.push(cb),
    signal: controller.signal,
  });
  const runFrames = () => frames.splice(0).forEach((f) => f());
  return { queue, frames, flushed, controller, runFrames };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('reduceRoots', () => {
  it('keeps connected outermost roots in document order', () => {
    loadBody('<div id="a"><p id="b">x</p></div><p id="c">y</p>');
    const [a, b, c] = ['a', 'b', 'c'].map((id) => document.getElementById(id)!);
    const detached = document.createElement('p');
    expect(reduceRoots([c!, b!, a!, detached, a!])).toEqual([a, c]);
  });
});

describe('MutationQueue', () => {
  it('batches many mutations into one flush per frame', async () => {
    loadBody('<main></main>');
    const { queue, frames, flushed, runFrames } = setup();
    queue.observe(document.body);
    const main = document.querySelector('main')!;
    const added = [1, 2, 3].map((i) => {
      const p = document.createElement('p');
      p.textContent = `item ${i}`;
      main.append(p);
      return p;
    });
    await tick();
    expect(frames).toHaveLength(1);
    runFrames();
    expect(flushed).toEqual([added]);
  });

  it('ignores our own elements and queues edited text', async () => {
    loadBody('<p>old</p>');
    const { queue, flushed, runFrames } = setup();
    queue.observe(document.body);
    document.body.append(document.createElement('dual-use-tooltip'));
    const text = document.querySelector('p')!.firstChild as Text;
    text.data = 'Palantir';
    await tick();
    runFrames();
    expect(flushed).toEqual([[text]]);
  });

  it('hands over the observed root instead of sorting a flood of added nodes', async () => {
    loadBody('<main></main>');
    const { queue, flushed, runFrames } = setup();
    queue.observe(document.body);
    const main = document.querySelector('main')!;
    for (let i = 0; i <= MAX_SORTED_ROOTS; i++) main.append(document.createElement('p'));
    await tick();
    runFrames();
    expect(flushed).toEqual([[document.body]]);
  });

  it('stops for good when the signal aborts', async () => {
    loadBody('');
    const { queue, frames, controller } = setup();
    queue.observe(document.body);
    controller.abort();
    document.body.append(document.createElement('p'));
    await tick();
    expect(frames).toHaveLength(0);
  });
});
