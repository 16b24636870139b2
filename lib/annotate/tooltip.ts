// The one tooltip of the page: a single shadow-DOM host created on first use, positioned next to a
// mark, listing the company's most relevant findings with their sources (those this page reports
// first, and said so). Invariant: nothing from the
// data or the page is ever parsed as HTML (textContent and createElement only), links are https only.
import type { Entity, Finding, Lang, Localized } from '../dataset/types';
import { translator } from '../i18n/index';
import { tooltipMessages } from '../i18n/tooltip';
import type { Mention } from '../matcher/types';
import { formatAmount, formatDate, isSafeLink, labelStatus } from '../present/format';
import { orderSources, rankFindings } from '../present/rank';
import { TOOLTIP_CSS } from './tooltip-styles';

export const TOOLTIP_TAG = 'dual-use-tooltip';

/** Our host's tag: TOOLTIP_TAG or, where the page defined that name itself, TOOLTIP_TAG-<random>. */
function hostTagFallback(): string {
  return `${TOOLTIP_TAG}-${Math.random().toString(36).slice(2, 10)}`;
}

/** True for a tooltip host this script (or an older copy of it) made. */
export function isTooltipHost(element: Element): boolean {
  return element.localName === TOOLTIP_TAG || element.localName.startsWith(`${TOOLTIP_TAG}-`);
}
const SHOWN_FINDINGS = 3;

export interface TooltipContent {
  vendor: Entity | null;
  findings: Finding[];
  totalFindings: number;
  /** Of these findings, those the page reports (cited by its address, or its story), most relevant first. */
  reports?: ReadonlyArray<{ finding: Finding; why: 'cited' | 'story'; terms: readonly Localized[] }>;
}

export interface TooltipOptions {
  document: Document;
  lang: Lang;
  /** Entity names by id (vendors, subsidiaries, customers) for "Azure → Microsoft" and customers. */
  nameOf: (id: string) => string;
  onOpenList: (vendor: string) => void;
  /** Escape or the close button: the caller restores focus. */
  onClose: () => void;
}

function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className = '', text = ''): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  if (className) el.className = className;
  if (text) el.textContent = text;
  return el;
}

export class Tooltip {
  private host: HTMLElement | null = null;
  private card: HTMLElement | null = null;
  private live: HTMLElement | null = null;
  private shownFor: Mention | null = null;
  private readonly t;

  constructor(private readonly options: TooltipOptions) {
    this.t = translator(tooltipMessages, options.lang);
  }

  get isOpen(): boolean {
    return this.shownFor !== null;
  }

  get mention(): Mention | null {
    return this.shownFor;
  }

  /** True when a node (an event target, retargeted to the host) is our tooltip. */
  contains(node: EventTarget | null): boolean {
    return node !== null && node === this.host;
  }

  /**
   * Our host, made on first use and again whenever the page removed it. Null when the page leaves no
   * way to show it (no document element, attachShadow broken): the tooltip then stays closed.
   */
  private ensureHost(): { card: HTMLElement; live: HTMLElement; host: HTMLElement } | null {
    if (this.host && this.card && this.live && this.host.isConnected) return { host: this.host, card: this.card, live: this.live };
    const doc = this.options.document;
    const parent = doc.documentElement;
    if (!parent) return null;
    const made = this.makeShadowHost(TOOLTIP_TAG) ?? this.makeShadowHost(hostTagFallback());
    if (!made) return null;
    const { host, shadow } = made;
    // Inline styles set through the CSSOM are not subject to the page's CSP.
    host.style.cssText = 'all: initial; position: fixed; top: 0; left: 0; z-index: 2147483647; display: none;';
    const style = doc.createElement('style');
    style.textContent = TOOLTIP_CSS;
    shadow.append(style);
    const card = element(doc, 'div', 'card');
    card.setAttribute('role', 'dialog');
    card.tabIndex = -1;
    card.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        this.hide();
        this.options.onClose();
      }
    });
    const live = element(doc, 'div', 'sr');
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    shadow.append(card, live);
    try {
      // After the body (outside the page's own content), or last in <html> on a page without one.
      if (doc.body && doc.body.parentNode === parent) doc.body.after(host);
      else parent.append(host);
    } catch {
      return null;
    }
    this.host?.remove();
    this.host = host;
    this.card = card;
    this.live = live;
    return { host, card, live };
  }

  /**
   * A host element with a shadow root of our own, or null. The page may have defined our tag as a
   * custom element that takes the shadow root itself (attachShadow then throws): a random tag of the
   * same family (still skipped by the walker and the mutation queue) cannot have been defined in advance.
   */
  private makeShadowHost(tag: string): { host: HTMLElement; shadow: ShadowRoot } | null {
    try {
      const host = this.options.document.createElement(tag);
      return { host, shadow: host.attachShadow({ mode: 'open' }) };
    } catch {
      return null;
    }
  }

  /** Shows the tooltip for a mention next to `anchor`; content null = still loading. */
  show(mention: Mention, anchor: DOMRect, content: TooltipContent | null, focus: boolean): void {
    const parts = this.ensureHost();
    if (!parts) return;
    const { host, card, live } = parts;
    this.shownFor = mention;
    const doc = this.options.document;
    const vendorName = content?.vendor?.name ?? this.options.nameOf(mention.vendor);
    card.replaceChildren();
    card.setAttribute('aria-label', this.t('dialogLabel', { vendor: vendorName }));

    const header = element(doc, 'header');
    header.append(element(doc, 'h2', '', vendorName));
    const countText = content ? this.countLabel(content.totalFindings) : this.t('loading');
    header.append(element(doc, 'span', 'count', countText));
    const close = element(doc, 'button', 'close', '×');
    close.type = 'button';
    close.setAttribute('aria-label', this.t('close'));
    close.addEventListener('click', () => {
      this.hide();
      this.options.onClose();
    });
    header.append(close);
    card.append(header);
    card.append(element(doc, 'p', 'why', this.whyText(mention, vendorName)));

    if (content) {
      const reports = new Map((content.reports ?? []).map((report) => [report.finding.id, report]));
      const rest = rankFindings(content.findings.filter((finding) => !reports.has(finding.id)), [mention.alias]);
      const top = [...[...reports.values()].map((report) => report.finding), ...rest].slice(0, SHOWN_FINDINGS);
      if (top.length === 0) card.append(element(doc, 'p', 'empty', this.t('noFindings')));
      else {
        const list = element(doc, 'ol');
        for (const finding of top) {
          const item = this.renderFinding(finding);
          const report = reports.get(finding.id);
          if (report) item.prepend(element(doc, 'div', 'page-report', this.reportLabel(report.why, report.terms)));
          list.append(item);
        }
        card.append(list);
      }
      const footer = element(doc, 'footer');
      if (content.findings.length > top.length || content.totalFindings > content.findings.length) {
        footer.append(element(doc, 'span', 'shown', this.t('shownOf', { shown: top.length, total: content.totalFindings })));
      }
      const open = element(doc, 'button', 'open', this.t('openList'));
      open.type = 'button';
      open.addEventListener('click', () => this.options.onOpenList(mention.vendor));
      footer.append(open);
      card.append(footer);
      live.textContent = this.t('announce', { vendor: vendorName, count: countText });
    }

    host.style.display = 'block';
    this.place(host, anchor);
    if (focus) card.focus({ preventScroll: true });
  }

  /** "Cited by this page" / "This page reports it: Unit 8200, Ofek". */
  private reportLabel(why: 'cited' | 'story', terms: readonly Localized[]): string {
    if (why === 'cited') return this.t('citedHere');
    const words = terms.slice(0, 3).map((term) => term[this.options.lang]);
    return this.t('storyHere', { terms: words.join(', ') });
  }

  private countLabel(total: number): string {
    return total === 1 ? this.t('findingsOne') : this.t('findingsMany', { n: total });
  }

  private whyText(mention: Mention, vendorName: string): string {
    if (mention.alias.toLowerCase() === vendorName.toLowerCase()) return this.t('matchedSame');
    const named = mention.entity !== mention.vendor ? this.options.nameOf(mention.entity) : '';
    const alias = named && named !== mention.alias ? `${mention.alias} (${named})` : mention.alias;
    return this.t('matched', { alias, vendor: vendorName });
  }

  private renderFinding(finding: Finding): HTMLElement {
    const doc = this.options.document;
    const { lang } = this.options;
    const item = element(doc, 'li');
    const source = orderSources(finding.sources).find((s) => isSafeLink(s.url));
    const titleText = finding.title[lang] || finding.title.en;
    if (source) {
      const link = element(doc, 'a', 'title', titleText);
      link.href = source.url;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      item.append(link);
    } else item.append(element(doc, 'span', 'title', titleText));
    const meta = element(doc, 'div', 'meta');
    const parts = [
      finding.customer ? this.options.nameOf(finding.customer) : '',
      formatDate(finding.date, lang),
      finding.amount ? formatAmount(finding.amount, lang) : '',
    ].filter(Boolean);
    meta.append(doc.createTextNode(parts.join(' · ') + ' · '));
    meta.append(element(doc, 'span', `status ${finding.status}`, labelStatus(finding.status, lang)));
    item.append(meta);
    if (source) {
      const line = element(doc, 'div', 'source');
      const link = element(doc, 'a', '', this.t('source', { publisher: source.publisher }));
      link.href = source.url;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      line.append(link);
      item.append(line);
    }
    return item;
  }

  /** Below the mark when there is room, else above; always inside the viewport. */
  private place(host: HTMLElement, anchor: DOMRect): void {
    const view = this.options.document.defaultView;
    const width = view?.innerWidth ?? 1024;
    const height = view?.innerHeight ?? 768;
    const box = host.getBoundingClientRect();
    const w = box.width || 380;
    const h = box.height || 200;
    const left = Math.max(8, Math.min(anchor.left, width - w - 8));
    const below = anchor.bottom + 6;
    const top = below + h <= height - 8 ? below : Math.max(8, anchor.top - h - 6);
    host.style.left = `${Math.round(left)}px`;
    host.style.top = `${Math.round(top)}px`;
  }

  hide(): void {
    this.shownFor = null;
    if (this.host) this.host.style.display = 'none';
  }

  dispose(): void {
    this.hide();
    this.host?.remove();
    this.host = null;
  }
}
