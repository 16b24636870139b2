// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadBody } from './test-dom';
import { buildRange } from './range-builder';
import { walkSegments } from './text-walker';

function segmentsOf(html: string): string[] {
  loadBody(html);
  return [...walkSegments(document.body, new WeakSet())].map((s) => s.text);
}

describe('walkSegments', () => {
  it.each([
    ['plain paragraph', '<p>Microsoft Azure</p>', ['Microsoft Azure']],
    ['inline tags join one segment', '<p>Micro<b>soft</b> <a href="#">Azure</a></p>', ['Microsoft Azure']],
    ['blocks split segments', '<p>Google</p><div>Amazon</div>', ['Google', 'Amazon']],
    ['script, style, template, noscript skipped', '<p>A</p><script>Palantir</script><style>.x{}</style><template>Oracle</template><noscript>IBM</noscript>', ['A']],
    ['form fields skipped', '<p>B</p><textarea>Palantir</textarea><select><option>Oracle</option></select><input value="IBM">', ['B']],
    ['contenteditable skipped with its subtree', '<p>C</p><div contenteditable="true"><p>Palantir</p></div><div contenteditable="false">Dell</div>', ['C', 'Dell']],
    ['hidden skipped', '<p hidden>Palantir</p><p>D</p>', ['D']],
    ['our own UI skipped', '<dual-use-tooltip>Palantir</dual-use-tooltip><p>E</p>', ['E']],
    ['whitespace-only nodes dropped', '<p>  </p><p>F</p>', ['F']],
  ])('%s', (_name, html, expected) => {
    expect(segmentsOf(html)).toEqual(expected);
  });

  it('never yields the same text node twice (seen set)', () => {
    loadBody('<p>Microsoft</p>');
    const seen = new WeakSet<Text>();
    expect([...walkSegments(document.body, seen)]).toHaveLength(1);
    expect([...walkSegments(document.body, seen)]).toHaveLength(0);
  });

  it('walks a text node root unless it sits in a skipped element', () => {
    loadBody('<p>Nvidia</p><textarea>Intel</textarea>');
    const p = document.querySelector('p')!.firstChild!;
    const ta = document.querySelector('textarea')!.firstChild!;
    expect([...walkSegments(p, new WeakSet())].map((s) => s.text)).toEqual(['Nvidia']);
    expect([...walkSegments(ta, new WeakSet())]).toHaveLength(0);
  });
});

describe('buildRange', () => {
  it.each([
    ['within one node', '<p>Uses Azure daily</p>', 5, 10, 'Azure'],
    ['across inline tags', '<p>Micro<b>soft</b> Azure</p>', 0, 9, 'Microsoft'],
    ['starting in a later node', '<p>A <i>Google</i> B</p>', 2, 8, 'Google'],
    ['ending at a node edge', '<p><b>IBM</b> x</p>', 0, 3, 'IBM'],
  ])('%s', (_name, html, start, end, expected) => {
    loadBody(html);
    const [segment] = [...walkSegments(document.body, new WeakSet())];
    const range = buildRange(segment!, start, end);
    expect(range?.toString()).toBe(expected);
  });

  it.each([
    [-1, 2],
    [3, 3],
    [0, 99],
  ])('refuses out-of-bounds span [%i, %i)', (start, end) => {
    loadBody('<p>Oracle</p>');
    const [segment] = [...walkSegments(document.body, new WeakSet())];
    expect(buildRange(segment!, start, end)).toBeNull();
  });
});
