// One finding shown in full, for any extension page (explore today; the popup can adopt it): title,
// status, date, company, customer, units, amount with its notes, products, summary, the company's
// response, and every https source with the original report first; optionally links to the
// company's and customer's pages and a permalink. Built with createElement/textContent only.
import type { Finding, Lang } from '../dataset/types';
import type { EntityIndex } from '../filters';
import { translator } from '../i18n';
import { findingMessages } from '../i18n/finding';
import { formatAmount, formatDate, isSafeLink, labelStatus } from './format';
import { displayName } from './names';
import type { CitationFormat } from './citation';
import { orderSources } from './rank';

export interface FindingCardOptions {
  document: Document;
  lang: Lang;
  entities: EntityIndex;
  /** Level of the title's heading (1 on a page of its own, deeper inside a list). */
  headingLevel: 1 | 2 | 3 | 4;
  /** Addresses of the company's, the customer's and the finding's own page; omitted = no links. */
  links?: { vendor(id: string): string; customer(id: string): string; finding(id: string): string };
  /** Copies the finding's citation (lib/present/citation.ts) as text or Markdown; omitted = no copy buttons. */
  copy?: (finding: Finding, format: CitationFormat) => void;
}

function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function renderFindingCard(finding: Finding, options: FindingCardOptions): HTMLElement {
  const { document: doc, lang, entities, links } = options;
  const t = translator(findingMessages, lang);
  const article = element(doc, 'article', 'finding-card');
  article.dataset.findingId = finding.id;
  const title = element(doc, `h${options.headingLevel}`, 'finding-title', finding.title[lang] || finding.title.en);
  title.tabIndex = -1;
  article.append(title);

  const meta = element(doc, 'p', 'meta');
  meta.append(element(doc, 'span', `status status-${finding.status}`, labelStatus(finding.status, lang)));
  meta.append(element(doc, 'span', `kind kind-${finding.kind}`, t(`kind.${finding.kind}`)));
  const time = element(doc, 'time', undefined, formatDate(finding.date, lang));
  time.dateTime = finding.date;
  meta.append(time);
  article.append(meta);

  const facts = element(doc, 'dl', 'facts');
  const addFact = (label: string, value: string, href?: string) => {
    const dd = element(doc, 'dd');
    if (href) {
      const link = element(doc, 'a', undefined, value);
      link.href = href;
      dd.append(link);
    } else dd.textContent = value;
    facts.append(element(doc, 'dt', undefined, label), dd);
  };
  const vendorName = displayName(entities.get(finding.vendor), finding.vendor, lang);
  const top = topOf(finding.vendor, entities);
  const company = top !== finding.vendor ? `${vendorName} (${displayName(entities.get(top), top, lang)})` : vendorName;
  addFact(t('company'), company, links?.vendor(top));
  if (finding.customer) addFact(t('customer'), displayName(entities.get(finding.customer), finding.customer, lang), links?.customer(finding.customer));
  else addFact(t('customer'), t('noCustomer'));
  if (finding.units?.length) addFact(t('units'), finding.units.join(', '));
  if (finding.amount) addFact(t('amount'), formatAmount(finding.amount, lang));
  if (finding.products?.length) addFact(t('products'), finding.products.join(', '));
  article.append(facts);

  article.append(element(doc, 'p', 'summary', finding.summary[lang] || finding.summary.en));
  if (finding.response) {
    const response = element(doc, 'p', 'response');
    // French typography puts a narrow no-break space before the colon.
    response.append(element(doc, 'strong', undefined, t('response')), lang === 'fr' ? '\u202f: ' : ': ', finding.response[lang] || finding.response.en);
    article.append(response);
  }

  const sources = orderSources(finding.sources).filter((source) => isSafeLink(source.url));
  if (sources.length) {
    const headingId = `sources-${finding.id}`;
    const heading = element(doc, 'p', 'sources-title', t('sources'));
    heading.id = headingId;
    const list = element(doc, 'ul', 'sources');
    list.setAttribute('aria-labelledby', headingId);
    for (const source of sources) {
      const entry = element(doc, 'li');
      const link = element(doc, 'a', undefined, source.publisher);
      link.href = source.url;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      entry.append(link);
      entry.append(' — ', element(doc, 'cite', undefined, source.title));
      entry.append(` (${[formatDate(source.date, lang), ...(source.original ? [t('original')] : [])].join(' · ')})`);
      list.append(entry);
    }
    article.append(heading, list);
  }

  if (links || options.copy) {
    const row = element(doc, 'p', 'permalink-row');
    if (links) {
      const permalink = element(doc, 'a', 'permalink', t('permalink'));
      permalink.href = links.finding(finding.id);
      row.append(permalink);
    }
    const copy = options.copy;
    if (copy) {
      for (const [format, label] of [['text', t('copyCitation')], ['markdown', t('copyMarkdown')]] as const) {
        const button = element(doc, 'button', `link-button copy-${format}`, label);
        button.type = 'button';
        button.addEventListener('click', () => copy(finding, format));
        row.append(button);
      }
    }
    article.append(row);
  }
  return article;
}

function topOf(id: string, entities: EntityIndex): string {
  let current = id;
  for (let hops = 0; hops < 16; hops++) {
    const parent = entities.get(current)?.parent;
    if (!parent) return current;
    current = parent;
  }
  return current;
}
