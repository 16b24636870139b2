// Builds the popup's sections (what the page reports, then each company) with createElement/textContent
// only: nothing from the data is ever parsed as HTML, and only https links are shown.
import type { Entity, Finding, Lang } from '../../lib/dataset/types';
import type { CitationFormat } from '../../lib/present/citation';
import { popupMessages } from '../../lib/i18n/popup';
import { translator } from '../../lib/i18n';
import { formatAmount, formatDate, isSafeLink, labelStatus } from '../../lib/present/format';
import { orderSources } from '../../lib/present/rank';

export type Translate = ReturnType<typeof translator<keyof (typeof popupMessages)['en']>>;

export interface CompanyView {
  vendor: Entity;
  /** Why it is listed: reasons on a page, matched terms in a search. */
  reasons: string[];
  /** Findings to show, already filtered and ranked. */
  findings: Finding[];
  totalFindings: number;
  /** A note under the heading ("its findings for this page are listed above"). */
  note?: string;
  /** "Suggest this page as a source": a prefilled new-issue address. */
  suggestUrl?: string;
}

/** What each finding offers: copying its citation, reporting a problem with it. */
export interface FindingActions {
  reportUrl(finding: Finding): string;
  copy(finding: Finding, format: CitationFormat): void;
}

/** A finding the page reports, with the terms found ("Unit 8200, Ofek"). */
export interface ReportedFinding {
  finding: Finding;
  terms: string[];
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** "This page is cited by N findings" / "This page appears to report": one group of findings, listed whole. */
export function renderReportGroup(
  heading: string, reported: readonly ReportedFinding[], entities: ReadonlyMap<string, Entity>, lang: Lang, t: Translate, key: string, actions: FindingActions,
): HTMLElement {
  const section = element('section', `report-group report-${key}`);
  const headingId = `reports-${key}`;
  section.setAttribute('aria-labelledby', headingId);
  const title = element('h3', undefined, heading);
  title.id = headingId;
  section.append(title);
  const list = element('ol', 'findings');
  list.id = `${headingId}-findings`;
  reported.forEach(({ finding, terms }, position) => {
    const item = renderFinding(finding, entities, lang, t, actions, terms.slice(0, TERMS_SHOWN));
    if (position >= FINDINGS_SHOWN_FIRST) item.hidden = true;
    list.append(item);
  });
  section.append(list);
  if (reported.length > FINDINGS_SHOWN_FIRST) section.append(renderShowMore(list, reported.length, t));
  return section;
}

/** The heaviest terms found say why; the rest would only lengthen the line. */
const TERMS_SHOWN = 4;

/** A new-tab link the reader chooses to follow; screen readers hear that it opens a tab. */
function externalLink(href: string, text: string, t: Translate, className?: string): HTMLAnchorElement {
  const link = element('a', className, text);
  link.href = href;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  link.append(element('span', 'visually-hidden', ` ${t('newTab')}`));
  return link;
}

export function renderCompany(
  view: CompanyView, entities: ReadonlyMap<string, Entity>, lang: Lang, t: Translate, key: string, actions: FindingActions,
): HTMLElement {
  const section = element('section', 'company');
  const headingId = `company-${key}-${view.vendor.id}`;
  section.setAttribute('aria-labelledby', headingId);
  const heading = element('h3');
  heading.id = headingId;
  heading.append(element('span', undefined, view.vendor.name));
  const count = view.findings.length;
  heading.append(element('span', 'count', count === 1 ? t('findingsOne') : t('findingsMany', { n: count })));
  section.append(heading);

  // The company's whole record on the explore page, in a tab of its own.
  const timeline = element('a', 'timeline-link', t('seeTimeline'));
  timeline.href = `explore.html#vendor=${encodeURIComponent(view.vendor.id)}`;
  timeline.target = '_blank';
  timeline.setAttribute('aria-label', `${t('seeTimeline')}: ${view.vendor.name}`);
  section.append(timeline);

  if (view.reasons.length) {
    const reasons = element('ul', 'reasons');
    for (const reason of view.reasons) reasons.append(element('li', undefined, reason));
    section.append(reasons);
  }
  if (view.note) section.append(element('p', 'note', view.note));

  if (count) {
    const list = element('ol', 'findings');
    list.id = `${headingId}-findings`;
    view.findings.forEach((finding, position) => {
      const item = renderFinding(finding, entities, lang, t, actions);
      // The most relevant few show at once so every company stays within reach; the rest on request.
      if (position >= FINDINGS_SHOWN_FIRST) item.hidden = true;
      list.append(item);
    });
    section.append(list);
    if (count > FINDINGS_SHOWN_FIRST) section.append(renderShowMore(list, count, t));
  }
  const hidden = view.totalFindings - count;
  if (hidden > 0 && !view.note) {
    section.append(element('p', 'note', count === 0 ? t('allHiddenByFilters', { n: view.totalFindings }) : t('hiddenByFilters', { hidden })));
  }
  if (view.suggestUrl) {
    const suggest = element('p', 'suggest');
    suggest.append(externalLink(view.suggestUrl, t('suggestSource'), t));
    section.append(suggest);
  }
  return section;
}

const FINDINGS_SHOWN_FIRST = 3;

function renderShowMore(list: HTMLOListElement, count: number, t: Translate): HTMLButtonElement {
  const button = element('button', 'link-button show-more', t('showAll', { n: count }));
  button.type = 'button';
  button.setAttribute('aria-controls', list.id);
  button.setAttribute('aria-expanded', 'false');
  button.addEventListener('click', () => {
    const expanded = button.getAttribute('aria-expanded') === 'true';
    [...list.children].forEach((item, position) => {
      if (position >= FINDINGS_SHOWN_FIRST) (item as HTMLElement).hidden = expanded;
    });
    button.setAttribute('aria-expanded', String(!expanded));
    button.textContent = expanded ? t('showAll', { n: count }) : t('showFewer');
    if (!expanded) (list.children[FINDINGS_SHOWN_FIRST]?.querySelector('h4') as HTMLElement | null)?.focus();
  });
  return button;
}

/** A customer's name in the reader's language where the catalog has one (first French name, capitalised). */
function nameOf(entity: Entity | undefined, id: string, lang: Lang): string {
  if (!entity) return id;
  const local = lang === 'fr' ? entity.names?.fr?.[0] : undefined;
  return local ? local.charAt(0).toLocaleUpperCase('fr') + local.slice(1) : entity.name;
}

function renderFinding(
  finding: Finding, entities: ReadonlyMap<string, Entity>, lang: Lang, t: Translate, actions: FindingActions, terms: readonly string[] = [],
): HTMLElement {
  const item = element('li');
  const article = element('article', 'finding');
  article.dataset.finding = finding.id;
  const title = element('h4', undefined, finding.title[lang]);
  // Focus target when "show all" reveals this finding.
  title.tabIndex = -1;
  article.append(title);

  const meta = element('p', 'meta');
  meta.append(element('span', `status status-${finding.status}`, labelStatus(finding.status, lang)));
  const time = element('time', undefined, formatDate(finding.date, lang));
  time.dateTime = finding.date;
  meta.append(time);
  article.append(meta);
  if (terms.length) article.append(element('p', 'terms', t('termsFound', { terms: terms.join(', ') })));

  const facts = element('dl', 'facts');
  const addFact = (label: string, value: string) => {
    facts.append(element('dt', undefined, label), element('dd', undefined, value));
  };
  const customer = finding.customer ? nameOf(entities.get(finding.customer), finding.customer, lang) : t('noCustomer');
  addFact(t('customer'), customer);
  if (finding.units?.length) addFact(t('units'), finding.units.join(', '));
  if (finding.amount) addFact(t('amount'), formatAmount(finding.amount, lang));
  article.append(facts);

  article.append(element('p', 'summary', finding.summary[lang]));
  if (finding.response) {
    const response = element('p', 'response');
    // French typography puts a narrow no-break space before the colon.
    response.append(element('strong', undefined, t('response')), lang === 'fr' ? '\u202f: ' : ': ', finding.response[lang]);
    article.append(response);
  }

  const sources = orderSources(finding.sources).filter((source) => isSafeLink(source.url));
  if (sources.length) {
    article.append(element('p', 'sources-title', t('sources')));
    const list = element('ul', 'sources');
    for (const source of sources) {
      const entry = element('li');
      const link = element('a', undefined, source.publisher);
      link.href = source.url;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      link.title = source.title;
      entry.append(link);
      const details = [formatDate(source.date, lang), source.original ? t('original') : ''].filter(Boolean);
      if (details.length) entry.append(` — ${details.join(' · ')}`);
      list.append(entry);
    }
    article.append(list);
  }
  article.append(renderActions(finding, t, actions));
  item.append(article);
  return item;
}

function renderActions(finding: Finding, t: Translate, actions: FindingActions): HTMLElement {
  const bar = element('div', 'actions');
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', t('findingActions'));
  for (const [format, label] of [['text', t('copyCitation')], ['markdown', t('copyMarkdown')]] as const) {
    const button = element('button', `link-button copy-${format}`, label);
    button.type = 'button';
    button.addEventListener('click', () => actions.copy(finding, format));
    bar.append(button);
  }
  bar.append(externalLink(actions.reportUrl(finding), t('reportProblem'), t, 'report-problem'));
  return bar;
}
