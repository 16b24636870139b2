// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { indexEntities } from '../filters';
import { renderFindingCard } from './finding-card';
import { makeFinding, sampleDataset } from './test-data';

const entities = indexEntities(sampleDataset.entities);
const finding = makeFinding({
  id: 'gh-full', vendor: 'github', units: ['Unit 8200'], products: ['Copilot'], status: 'denied',
  title: { en: 'GitHub sold it', fr: 'GitHub l’a vendu' },
  response: { en: 'The company denied it.', fr: 'L’entreprise a démenti.' },
  amount: { value: 9_000_000_000, currency: 'USD', ceiling: true, shared: true },
  sources: [
    { publisher: 'Copy', publisherId: 'copy', title: 'Copied text', url: 'https://example.org/copy', date: '2024-02', lang: 'en', verified: 'read' },
    { publisher: 'Bad', publisherId: 'bad', title: 'Bad link', url: 'javascript:alert(1)', date: '2024-02', lang: 'en', verified: 'read' },
    { publisher: 'Original <b>', publisherId: 'original', title: 'Headline <i>as</i> published', url: 'https://example.org/original', date: '2024-01-05', lang: 'en', verified: 'read', original: true },
  ],
});

describe('renderFindingCard', () => {
  const render = (lang: 'en' | 'fr', links = true) => renderFindingCard(finding, {
    document, lang, entities, headingLevel: 2,
    links: links ? { vendor: (id) => `#vendor=${id}`, customer: (id) => `#customer=${id}`, finding: (id) => `#finding=${id}` } : undefined,
  });

  it('shows every field, the original source first, https links only, text only', () => {
    const card = render('en');
    expect(card.querySelector('h2')?.textContent).toBe('GitHub sold it');
    expect(card.querySelector('.status')?.textContent).toBe('Denied');
    expect(card.querySelector('time')?.getAttribute('datetime')).toBe('2024');
    const facts = [...card.querySelectorAll('dt')].map((dt) => `${dt.textContent}=${dt.nextElementSibling?.textContent}`);
    expect(facts).toEqual([
      'Company=GitHub (Microsoft)', 'Customer=Israel Defense Forces', 'Units=Unit 8200',
      'Amount=$9B (ceiling, shared with other vendors)', 'Products=Copilot',
    ]);
    expect(card.querySelector('.response')?.textContent).toBe('Company response: The company denied it.');
    const sources = [...card.querySelectorAll('.sources li')].map((li) => li.textContent);
    expect(sources).toEqual(['Original <b> — Headline <i>as</i> published (January 5, 2024 · original report)', 'Copy — Copied text (February 2024)']);
    expect(card.querySelectorAll('b, i').length).toBe(0);
    expect([...card.querySelectorAll('.sources a')].every((a) => (a as HTMLAnchorElement).href.startsWith('https://'))).toBe(true);
  });

  it('links the company’s top-level page, the customer and the permalink', () => {
    const card = render('en');
    const hrefs = [...card.querySelectorAll('.facts a, .permalink')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['#vendor=microsoft', '#customer=israel-defense-forces', '#finding=gh-full']);
    expect(render('en', false).querySelectorAll('.facts a, .permalink').length).toBe(0);
  });

  it('offers to copy the citation, as text and as Markdown, only when asked to', () => {
    const copied: string[] = [];
    const card = renderFindingCard(finding, { document, lang: 'fr', entities, headingLevel: 2, copy: (f, format) => copied.push(`${f.id}:${format}`) });
    const buttons = [...card.querySelectorAll<HTMLButtonElement>('.permalink-row button')];
    expect(buttons.map((button) => button.textContent)).toEqual(['Copier la référence', 'Copier en Markdown']);
    for (const button of buttons) button.click();
    expect(copied).toEqual(['gh-full:text', 'gh-full:markdown']);
    expect(render('en').querySelectorAll('.permalink-row button')).toHaveLength(0);
  });

  it('speaks French, with the French names of customers', () => {
    const card = render('fr');
    expect(card.querySelector('h2')?.textContent).toBe('GitHub l’a vendu');
    expect(card.querySelector('.status')?.textContent).toBe('Démenti');
    expect(card.textContent).toContain('Tsahal');
    expect(card.querySelector('.response')?.textContent).toBe('Réponse de l’entreprise\u202f: L’entreprise a démenti.');
  });
});
