import { describe, expect, it } from 'vitest';
import { formatCitation } from './citation';
import { makeFinding } from './test-data';

const finding = makeFinding({
  id: 'ms-units', vendor: 'microsoft', date: '2025-01-23', status: 'reported',
  title: { en: 'IDF units bought Azure [cloud] services', fr: 'Des unités de Tsahal ont acheté des services Azure' },
  sources: [
    { publisher: 'Next.ink', publisherId: 'next-ink', title: 'Israël – Hamas : Microsoft…', url: 'https://next.ink/167498/x/', date: '2025-01-28', lang: 'fr', verified: 'read' },
    { publisher: '+972 Magazine', publisherId: '972-magazine', title: 'Leaked documents', url: 'https://www.972mag.com/azure/', date: '2025-01-23', lang: 'en', verified: 'read', original: true },
    // A link the validator would refuse, should one reach the formatter: left out.
    { publisher: 'Blog', publisherId: 'blog', title: 'Post', url: 'http://insecure.example/x', date: '2025-02', lang: 'en', verified: 'read' },
    { publisher: 'Copy', publisherId: 'copy', title: 'Same text', url: 'https://copy.example/x', date: '2025-02', lang: 'en', verified: 'read' },
  ],
});

describe('formatCitation', () => {
  it.each([
    ['en', 'text', [
      'IDF units bought Azure [cloud] services — January 23, 2025 — Reported',
      'Sources:',
      '- +972 Magazine, “Leaked documents”, January 23, 2025, https://www.972mag.com/azure/',
      '- Next.ink, “Israël – Hamas : Microsoft…”, January 28, 2025, https://next.ink/167498/x/',
      '- Copy, “Same text”, February 2025, https://copy.example/x',
    ]],
    ['fr', 'text', [
      'Des unités de Tsahal ont acheté des services Azure — 23 janvier 2025 — Rapporté',
      'Sources :',
      '- +972 Magazine, « Leaked documents », 23 janvier 2025, https://www.972mag.com/azure/',
      '- Next.ink, « Israël – Hamas : Microsoft… », 28 janvier 2025, https://next.ink/167498/x/',
      '- Copy, « Same text », février 2025, https://copy.example/x',
    ]],
    ['en', 'markdown', [
      '**IDF units bought Azure \\[cloud\\] services** — January 23, 2025 — Reported',
      'Sources:',
      '- \\+972 Magazine, “[Leaked documents](<https://www.972mag.com/azure/>)”, January 23, 2025',
      '- Next.ink, “[Israël – Hamas : Microsoft…](<https://next.ink/167498/x/>)”, January 28, 2025',
      '- Copy, “[Same text](<https://copy.example/x>)”, February 2025',
    ]],
  ] as const)('%s %s', (lang, format, lines) => {
    expect(formatCitation(finding, lang, format)).toBe(lines.join('\n'));
  });
});
