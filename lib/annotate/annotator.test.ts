// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadBody } from './test-dom';
import type { Entity } from '../dataset/types';
import { Annotator } from './annotator';
import { HighlightRegistry, removeStaleMarks, type HighlightApi, type HighlightLike } from './highlight-registry';
import { MarkBudget } from './mark-budget';
import { MutationQueue } from './mutation-queue';
import { createLocalReader } from './test-reader';
import { MAX_SEGMENT_CHARS } from './text-walker';

const entity = (id: string, name: string, extra: Partial<Entity> = {}): Entity => ({
  id, name, type: 'vendor', country: 'US', parent: null, aliases: [name], products: [], domains: [], ambiguous: [], ...extra,
});
const ENTITIES: Entity[] = [
  entity('microsoft', 'Microsoft', {
    products: ['Azure'],
    ambiguous: [{ alias: 'Azure', caseSensitive: true, requireEvidence: true, note: 'a colour' }],
  }),
  entity('google', 'Google'),
  entity('palantir', 'Palantir'),
];

/** A stand-in for CSS.highlights (happy-dom has none): records what we register. */
function createFakeHighlightApi() {
  const registered = new Map<string, HighlightLike>();
  const api: HighlightApi = {
    registry: { get: (name) => registered.get(name), set: (name, h) => registered.set(name, h), delete: (name) => registered.delete(name) },
    create: () => {
      const ranges = new Set<AbstractRange>();
      return { add: (r) => ranges.add(r), clear: () => ranges.clear(), get size() { return ranges.size; }, ranges } as HighlightLike;
    },
  };
  return { api, registered };
}

async function annotate(html: string, cap: number, api: HighlightApi | null) {
  loadBody(html);
  const registry = new HighlightRegistry(api);
  const reader = createLocalReader(ENTITIES);
  const annotator = new Annotator({
    read: (batch) => reader.read(batch),
    budget: new MarkBudget(cap), registry, signal: new AbortController().signal,
    schedule: (next) => setTimeout(next, 0),
  });
  await annotator.enqueue([document.body]);
  return { registry, reader, annotator };
}

describe('Annotator with the highlight API', () => {
  it.each([
    ['marks mentions, not negatives', '<p>Palantir and Google.</p><p>azure sky</p><textarea>Google</textarea>', 3, ['Palantir', 'Google']],
    ['caps marks per company', '<p>Google, Google, Google, Palantir</p>', 2, ['Google', 'Google', 'Palantir']],
    ['ambiguous alias waits for corroboration, then is marked', '<p>Azure today.</p><p>Microsoft said.</p>', 3, ['Azure', 'Microsoft']],
    ['ambiguous alias never corroborated stays unmarked', '<p>Azure sea, Google.</p>', 3, ['Google']],
  ])('%s', async (_name, html, cap, expected) => {
    const before = html;
    const { registry } = await annotate(html, cap, createFakeHighlightApi().api);
    expect(registry.list().map((m) => m.range.toString())).toEqual(expected);
    expect(document.body.innerHTML).toBe(before);
  });

  it('the background counts every mention, including those over the cap', async () => {
    const { reader } = await annotate('<p>Google Google Google</p>', 1, createFakeHighlightApi().api);
    expect(reader.mentions()).toEqual([{ vendor: 'google', count: 3, aliases: { Google: 3 } }]);
  });

  it('counts waiting ambiguous mentions past the cap once corroborated, marking only the first', async () => {
    const { registry, reader } = await annotate('<p>Azure, Azure, Azure, Azure.</p><p>Microsoft</p>', 2, createFakeHighlightApi().api);
    expect(registry.list().map((m) => m.range.toString())).toEqual(['Azure', 'Azure']);
    expect(reader.mentions()).toEqual([{ vendor: 'microsoft', count: 5, aliases: { Azure: 4, Microsoft: 1 } }]);
  });

  it('marks a mention waiting for corroboration when a later batch corroborates it', async () => {
    // Over BATCH_CHARS of text between them: the corroborating mention arrives in another batch.
    const filler = `<p>${'words '.repeat(2000)}</p>`.repeat(4);
    const { registry, annotator } = await annotate(`<p>Azure today.</p>${filler}<p>Microsoft said.</p>`, 3, createFakeHighlightApi().api);
    expect(registry.list().map((m) => m.range.toString())).toEqual(['Azure', 'Microsoft']);
    expect(annotator).toBeDefined();
  });

  it('marks late content once, even when queued twice', async () => {
    const { registry, annotator } = await annotate('<p>Google</p>', 5, createFakeHighlightApi().api);
    const p = document.createElement('p');
    p.textContent = 'Palantir';
    document.body.append(p);
    await annotator.enqueue([p, document.body]);
    expect(registry.list().map((m) => m.range.toString())).toEqual(['Google', 'Palantir']);
  });
});

describe('Annotator fallback (no highlight API)', () => {
  it('wraps mentions in our own element and unwraps them on clear', async () => {
    const html = '<p>Google and Palantir and Google</p>';
    const { registry } = await annotate(html, 5, null);
    expect(document.querySelectorAll('dual-use-mark')).toHaveLength(3);
    expect(registry.list().map((m) => m.range.toString())).toEqual(['Google', 'Palantir', 'Google']);
    registry.clear();
    expect(document.body.innerHTML).toBe(html);
  });

  it('removes the wrappers an older copy of the script left behind (it can no longer clear them)', async () => {
    const html = '<p>Google and Palantir and Google</p>';
    await annotate(html, 5, null); // its registry is dropped without clear(), as Firefox drops a reloaded add-on's script
    expect(document.querySelectorAll('dual-use-mark')).toHaveLength(3);
    removeStaleMarks(window as Window & typeof globalThis);
    expect(document.body.innerHTML).toBe(html);
  });
});

describe('HighlightRegistry.dispose', () => {
  it('unregisters its own highlights but never a newer copy\'s', () => {
    const { api, registered } = createFakeHighlightApi();
    const old = new HighlightRegistry(api);
    const newer = new HighlightRegistry(api);
    const newerHighlights = [...registered.values()];
    old.dispose();
    expect([...registered.values()]).toEqual(newerHighlights);
    newer.dispose();
    expect(registered.size).toBe(0);
  });
});

describe('Annotator on long text nodes', () => {
  it('cuts a huge text node into bounded windows and finds each mention once, even at window edges', async () => {
    // Mentions straddling every window edge (multiples of MAX_SEGMENT_CHARS) and in the context margins.
    let data = '';
    const expected: number[] = [];
    for (let edge = MAX_SEGMENT_CHARS; edge < 5 * MAX_SEGMENT_CHARS; edge += MAX_SEGMENT_CHARS) {
      for (const shift of [-300, -4, 0, 3, 200]) {
        const at = edge + shift;
        data += 'x '.repeat(Math.max(0, (at - data.length) >> 1)).slice(0, Math.max(0, at - data.length));
        expected.push(data.length);
        data += 'Palantir ';
      }
    }
    const p = document.createElement('p');
    p.append(document.createTextNode(data));
    document.body.replaceChildren(p);
    const reader = createLocalReader(ENTITIES);
    const registry = new HighlightRegistry(createFakeHighlightApi().api);
    const budget = new MarkBudget(1000);
    const annotator = new Annotator({
      read: (batch) => reader.read(batch),
      budget, registry, signal: new AbortController().signal, schedule: (next) => setTimeout(next, 0),
    });
    await annotator.enqueue([document.body]);
    expect(Math.max(...reader.lengths)).toBeLessThanOrEqual(2 * MAX_SEGMENT_CHARS);
    expect(registry.list().map((m) => m.range.startOffset)).toEqual(expected);
    expect(registry.list().every((m) => m.range.toString() === 'Palantir')).toBe(true);
  });

  it('paints the windows of one node together in the fallback (no stale offsets after wrapping)', async () => {
    const data = `Google ${'y '.repeat(MAX_SEGMENT_CHARS)}Palantir ${'z '.repeat(MAX_SEGMENT_CHARS)}Google`;
    const { registry } = await annotate(`<p>${data}</p>`, 5, null);
    expect(registry.list().map((m) => m.range.toString())).toEqual(['Google', 'Palantir', 'Google']);
    registry.clear();
    expect(document.querySelector('p')?.childNodes).toHaveLength(1);
    expect(document.querySelector('p')?.textContent).toBe(data);
  });
});

describe('Annotator fallback leaves the page exactly as it was', () => {
  it('keeps the page\'s own text node boundaries and empty text nodes on clear (no normalize())', async () => {
    document.body.replaceChildren();
    const p = document.createElement('p');
    const pieces = ['', 'Goo', 'gle and ', 'Palantir', '', ' and Google', ''];
    p.append(...pieces.map((t) => document.createTextNode(t)));
    document.body.append(p);
    const before = [...p.childNodes];
    const registry = new HighlightRegistry(null);
    const reader = createLocalReader(ENTITIES);
    const annotator = new Annotator({
      read: (batch) => reader.read(batch), budget: new MarkBudget(5), registry,
      signal: new AbortController().signal, schedule: (next) => setTimeout(next, 0),
    });
    await annotator.enqueue([document.body]);
    expect(registry.list().map((m) => m.range.toString())).toEqual(['Google', 'Palantir', 'Google']);
    registry.clear();
    expect([...p.childNodes]).toEqual(before);
    expect([...p.childNodes].map((n) => (n as Text).data)).toEqual(pieces);
  });

  it('does not count a mention twice when the mutation queue sees the text pieces our wrapping cut', async () => {
    document.body.replaceChildren();
    const p = document.createElement('p');
    // Read as one segment, "xGoogle" is no mention; read alone, the cut piece "Google " would be.
    p.append(document.createTextNode('Palantir x'), document.createTextNode('Google Palantir'));
    document.body.append(p);
    const controller = new AbortController();
    const reader = createLocalReader(ENTITIES);
    let queue: MutationQueue | null = null;
    const annotator = new Annotator({
      read: (batch) => reader.read(batch), budget: new MarkBudget(5), registry: new HighlightRegistry(null),
      signal: controller.signal, schedule: (next) => setTimeout(next, 0), onPainted: () => queue?.dropOwnRecords(),
    });
    queue = new MutationQueue({ onFlush: (roots) => void annotator.enqueue(roots), scheduleFrame: (cb) => void setTimeout(cb, 0), signal: controller.signal });
    queue.observe(document.body);
    await annotator.enqueue([document.body]);
    const first = reader.mentions();
    expect(first).toEqual([{ vendor: 'palantir', count: 2, aliases: { Palantir: 2 } }]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    await annotator.whenIdle();
    expect(reader.mentions()).toEqual(first);
    controller.abort();
  });
});
