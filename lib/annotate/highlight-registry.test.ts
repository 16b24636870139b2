// @vitest-environment happy-dom
// The fallback painting (no CSS Custom Highlight API): what it wraps, and that clearing gives the page
// back exactly the nodes it had.
import { afterEach, describe, expect, it } from 'vitest';
import { HighlightRegistry } from './highlight-registry';

const mention = { vendor: 'microsoft', entity: 'activision-blizzard', alias: 'Activision Blizzard', start: 0, end: 19 };

afterEach(() => document.body.replaceChildren());

/** A page holding one text node, and the range of the mention in it. */
function pageWithMention(): { text: Text; range: Range } {
  const text = document.createTextNode('see Activision Blizzard now');
  document.body.append(text);
  const range = document.createRange();
  range.setStart(text, 4);
  range.setEnd(text, 23);
  return { text, range };
}

describe('HighlightRegistry fallback', () => {
  it('wraps a mention inside one text node and restores the very same nodes when cleared', () => {
    const { text, range } = pageWithMention();
    const registry = new HighlightRegistry(null);
    expect(registry.add(mention, range)?.wrapper?.textContent).toBe('Activision Blizzard');
    registry.clear();
    expect(document.body.childNodes).toHaveLength(1);
    expect(document.body.firstChild).toBe(text);
    expect(text.data).toBe('see Activision Blizzard now');
  });

  it('refuses a mention that only partly covers an element, and leaves the page as it was', () => {
    // The DOM spec has surroundContents throw here; an implementation that clones the <b> instead
    // leaves an empty one behind (the fuzz test's pinned example reproduces that case).
    const template = document.createElement('template');
    const head = document.createTextNode('A');
    const bold = document.createElement('b');
    bold.append('ctivision Blizzard');
    document.body.append(template, head, bold);
    const registry = new HighlightRegistry(null);
    const range = document.createRange();
    range.setStart(head, 0);
    range.setEnd(bold.firstChild as Text, 18);
    expect(registry.add(mention, range)).toBeNull();
    registry.clear();
    expect([...document.body.childNodes]).toEqual([template, head, bold]);
    expect(document.body.innerHTML).toBe('<template></template>A<b>ctivision Blizzard</b>');
  });
});

describe('HighlightRegistry with the Highlight API', () => {
  /** A stand-in for CSS.highlights and the Highlight constructor. */
  function fakeApi() {
    const registry = new Map<string, Set<AbstractRange>>();
    return { registry, create: () => new Set<AbstractRange>() };
  }

  it('unpaints by taking its highlights out of the registry, marks kept, and paints them back', () => {
    const api = fakeApi();
    const { range } = pageWithMention();
    const registry = new HighlightRegistry(api);
    registry.add(mention, range);
    const painted = api.registry.get('dual-use');
    expect(painted?.size).toBe(1);
    registry.setUnpainted(true);
    expect(api.registry.has('dual-use')).toBe(false);
    expect(api.registry.has('dual-use-current')).toBe(false);
    expect(registry.list()).toHaveLength(1);
    registry.setUnpainted(false);
    expect(api.registry.get('dual-use')).toBe(painted);
    expect(painted?.size).toBe(1);
  });

  it('never takes out or replaces the highlights of a newer copy of the script', () => {
    const api = fakeApi();
    const registry = new HighlightRegistry(api);
    const newer = new Set<AbstractRange>();
    api.registry.set('dual-use', newer);
    registry.setUnpainted(true);
    expect(api.registry.get('dual-use')).toBe(newer);
    api.registry.delete('dual-use');
    api.registry.set('dual-use', newer);
    registry.setUnpainted(false);
    expect(api.registry.get('dual-use')).toBe(newer);
  });
});
