// "Copy citation": a finding as a reader pastes it into notes or an article, in the UI language,
// as plain text or Markdown: title, date and status, then each https source as
// Publisher, “Headline”, date, URL (the original report first).
import type { Finding, Lang } from '../dataset/types';
import { formatDate, isSafeLink, labelStatus } from './format';
import { orderSources } from './rank';

export type CitationFormat = 'text' | 'markdown';

const QUOTES: Record<Lang, [string, string]> = { en: ['“', '”'], fr: ['« ', ' »'] };
const SOURCES_LABEL: Record<Lang, string> = { en: 'Sources:', fr: 'Sources :' };

/** Markdown's own characters, escaped so a headline never turns into markup or a link. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>~]/gu, (char) => `\\${char}`);
}

export function formatCitation(finding: Finding, lang: Lang, format: CitationFormat): string {
  const markdown = format === 'markdown';
  const text = (value: string) => (markdown ? escapeMarkdown(value) : value);
  const [open, close] = QUOTES[lang];
  const title = finding.title[lang] || finding.title.en;
  const heading = [markdown ? `**${text(title)}**` : title, formatDate(finding.date, lang), labelStatus(finding.status, lang)].join(' — ');
  const lines = [heading, SOURCES_LABEL[lang]];
  for (const source of orderSources(finding.sources)) {
    if (!isSafeLink(source.url)) continue;
    // Every source has its headline and date (lib/dataset/validate.ts).
    const date = formatDate(source.date, lang);
    if (markdown) lines.push(`- ${text(source.publisher)}, ${open}[${text(source.title)}](<${source.url}>)${close}, ${date}`);
    else lines.push(`- ${source.publisher}, ${open}${source.title}${close}, ${date}, ${source.url}`);
  }
  return lines.join('\n');
}
