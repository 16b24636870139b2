// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Finding } from '../dataset/types';
import { Tooltip, type TooltipContent } from './tooltip';

const finding = (id: string, date: string, url: string): Finding => ({
  id, vendor: 'microsoft', customer: 'israel-defense-forces', kind: 'cloud',
  title: { en: `Title ${id}`, fr: `Titre ${id}` }, summary: { en: '', fr: '' }, date, status: 'reported',
  amount: { value: 10_000_000, currency: 'USD' },
  sources: [{ publisher: 'Pub', publisherId: 'pub', title: 't', url, date, lang: 'en', verified: 'read' }], reviewed: '2026-01-01',
});

function open(lang: 'en' | 'fr', findings: Finding[], total: number, reports: TooltipContent['reports'] = []) {
  document.body.replaceChildren();
  document.querySelector('dual-use-tooltip')?.remove();
  const opened: string[] = [];
  const tooltip = new Tooltip({
    document, lang, nameOf: (id) => ({ microsoft: 'Microsoft', 'israel-defense-forces': 'Israel Defense Forces' })[id] ?? id,
    onOpenList: (vendor) => opened.push(vendor), onClose: () => undefined,
  });
  const mention = { vendor: 'microsoft', entity: 'microsoft', alias: 'Azure', start: 0, end: 5 };
  tooltip.show(mention, new DOMRect(10, 10, 40, 16), { vendor: null, findings, totalFindings: total, reports }, true);
  const root = document.querySelector('dual-use-tooltip')!.shadowRoot!;
  return { tooltip, root, opened };
}

describe('Tooltip', () => {
  it('shows the company, the count, why it matched, at most 3 findings, https links only', () => {
    const findings = [
      finding('a', '2021', 'https://a.example/'),
      finding('b', '2024-05-02', 'https://b.example/'),
      finding('c', '2023', 'javascript:alert(1)'),
      finding('d', '2022', 'https://d.example/'),
    ];
    const { root, opened } = open('en', findings, 7);
    expect(root.querySelector('h2')?.textContent).toBe('Microsoft');
    expect(root.querySelector('.count')?.textContent).toBe('7 findings');
    expect(root.querySelector('.why')?.textContent).toBe('“Azure” → Microsoft');
    expect([...root.querySelectorAll('li .title')].map((t) => t.textContent)).toEqual(['Title b', 'Title c', 'Title d']);
    expect([...root.querySelectorAll('a')].every((a) => (a as HTMLAnchorElement).href.startsWith('https://'))).toBe(true);
    expect(root.querySelector('.shown')?.textContent).toBe('3 of 7 shown');
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Microsoft: 7 findings');
    expect(root.querySelector('.card')?.getAttribute('role')).toBe('dialog');
    (root.querySelector('.open') as HTMLButtonElement).click();
    expect(opened).toEqual(['microsoft']);
  });

  it('leads with the findings the page reports, and says why', () => {
    const findings = [finding('a', '2021', 'https://a.example/'), finding('b', '2024-05-02', 'https://b.example/'), finding('c', '2023', 'https://c.example/')];
    const reports = [
      { finding: findings[2]!, why: 'cited' as const, terms: [] },
      { finding: findings[0]!, why: 'story' as const, terms: [{ en: 'Unit 8200', fr: 'Unit 8200' }, { en: '19,000 hours', fr: '19 000 heures' }] },
    ];
    const { root } = open('fr', findings, 3, reports);
    expect([...root.querySelectorAll('li .title')].map((t) => t.textContent)).toEqual(['Titre c', 'Titre a', 'Titre b']);
    expect([...root.querySelectorAll('li .page-report')].map((t) => t.textContent)).toEqual(['Cette page le cite', 'Cette page le rapporte : Unit 8200, 19 000 heures']);
  });

  it('speaks French', () => {
    const { root } = open('fr', [finding('a', '2021', 'https://a.example/')], 1);
    expect(root.querySelector('.count')?.textContent).toBe('1 constat');
    expect(root.querySelector('.why')?.textContent).toBe('« Azure » → Microsoft');
    expect(root.querySelector('.open')?.textContent).toBe('Voir tous les constats');
  });

  it('hides and is recreated only once per page', () => {
    const { tooltip } = open('en', [], 0);
    tooltip.hide();
    expect(tooltip.isOpen).toBe(false);
    expect(document.querySelectorAll('dual-use-tooltip')).toHaveLength(1);
  });
});
