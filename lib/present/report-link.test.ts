import { describe, expect, it } from 'vitest';
import { REPOSITORY_URL, reportProblemUrl, suggestSourceUrl } from './report-link';

const read = (href: string) => {
  const url = new URL(href);
  return { base: `${url.origin}${url.pathname}`, keys: [...url.searchParams.keys()], title: url.searchParams.get('title'), body: url.searchParams.get('body') ?? '' };
};

describe('report links', () => {
  it('a problem report carries the finding, the page without tracking, and the dataset version; nothing else', () => {
    const link = read(reportProblemUrl('ms-units', 'https://news.example/a?utm_source=x&id=3#top', '1.2.0', 'en'));
    expect(link.base).toBe(`${REPOSITORY_URL}/issues/new`);
    expect(link.keys).toEqual(['title', 'body']);
    expect(link.title).toBe('Problem with finding ms-units');
    expect(link.body.split('\n').slice(0, 3)).toEqual(['Finding: ms-units', 'Page: https://news.example/a?id=3', 'Dataset version: 1.2.0']);
  });

  it('in French, and without a page address when the tab is no web page', () => {
    const link = read(reportProblemUrl('ms-units', 'chrome://newtab/', '1.2.0', 'fr'));
    expect(link.title).toBe('Problème avec le fait ms-units');
    expect(link.body).not.toContain('chrome:');
    expect(link.body.startsWith('Fait: ms-units\nVersion des données: 1.2.0')).toBe(true);
  });

  it('a source suggestion names the company and the page', () => {
    const link = read(suggestSourceUrl('palantir', 'https://news.example/palantir-army', '1.2.0', 'en'));
    expect(link.title).toBe('Source suggestion for palantir');
    expect(link.body).toContain('Company: palantir\nPage: https://news.example/palantir-army\nDataset version: 1.2.0');
  });
});
