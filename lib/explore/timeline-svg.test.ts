// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { layoutTimeline } from './timeline-layout';
import { renderTimelineSvg } from './timeline-svg';

describe('renderTimelineSvg', () => {
  const layout = layoutTimeline([
    { id: 'a', date: '2020', row: 'x', status: 'reported', kind: 'cloud' },
    { id: 'b', date: '2021-03', row: 'y', status: 'confirmed', kind: 'ai', amount: { value: 5, currency: 'EUR', ceiling: true } },
    { id: 'c', date: '2022-01-02', row: 'y', status: 'denied', kind: 'hardware', amount: { value: 9, currency: 'USD', shared: true } },
    { id: 'd', date: '2022', row: 'x', status: 'disputed', kind: 'labor' },
  ], [{ key: 'x', label: 'Direction générale de la sécurité intérieure (DGSI)' }, { key: 'y', label: 'Short' }]);
  const svg = renderTimelineSvg(layout, { document, label: 'Timeline', hrefOf: (id) => `#finding=${id}`, describe: (id) => `finding ${id}` });

  it('draws one labelled link per finding, shaped by status and classed by kind', () => {
    const marks = [...svg.querySelectorAll('[data-finding]')];
    expect(marks.map((mark) => mark.getAttribute('data-finding')).sort()).toEqual(['a', 'b', 'c', 'd']);
    const byId = (id: string) => svg.querySelector(`[data-finding="${id}"]`)!;
    expect(byId('a').tagName.toLowerCase()).toBe('a');
    expect(byId('a').getAttribute('href')).toBe('#finding=a');
    expect(byId('a').getAttribute('aria-label')).toBe('finding a');
    expect(byId('a').querySelector('.shape')!.tagName.toLowerCase()).toBe('circle');
    expect(byId('b').querySelector('.shape')!.tagName.toLowerCase()).toBe('rect');
    expect(byId('c').querySelector('.shape')!.tagName.toLowerCase()).toBe('polygon');
    expect(byId('b').classList.contains('kind-ai')).toBe(true);
    expect(byId('b').classList.contains('ceiling')).toBe(true);
    expect(byId('c').querySelector('.shared-ring')).not.toBeNull();
  });

  it('names the whole and hides the decoration from screen readers', () => {
    expect(svg.getAttribute('aria-label')).toBe('Timeline');
    expect(svg.querySelector('g[aria-hidden="true"] .year')?.textContent).toBe('2020');
    const long = [...svg.querySelectorAll('.row-label')].map((label) => label.firstChild?.textContent);
    expect(long[0]).toMatch(/…$/);
    expect(svg.querySelector('.row-label title')?.textContent).toBe('Direction générale de la sécurité intérieure (DGSI)');
  });
});
