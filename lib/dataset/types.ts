// The dataset contract (../shared/DESIGN.md): entities and findings as they are stored in
// assets/dataset/ and as `data:export` prints them. Every other module reads these types.

export type Lang = 'en' | 'fr';
export type Localized<T = string> = { en: T; fr: T };

export const FINDING_KINDS = ['cloud', 'ai', 'software', 'surveillance', 'hardware', 'services', 'policy', 'labor'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const FINDING_STATUSES = ['reported', 'confirmed', 'denied', 'disputed'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export const ENTITY_TYPES = ['vendor', 'military'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/**
 * How a name that is also something else (a word, a person, a place, another brand) must be
 * evidenced before it counts as a mention of the company. Rules are data, read by lib/matcher;
 * every field is optional and they combine. Evidence is looked for in the mention's sentence (at
 * most `window` words either side), in the rest of the document, and in the page's own domain.
 */
export interface AmbiguityRule {
  /** The alias or product this rule governs, exactly as written in `aliases`/`products`. */
  alias: string;
  /** Match only with this exact letter case ("Amazon", never "amazon"). */
  caseSensitive?: boolean;
  /** Known collocations of another sense: rejected if the next words are one of these ("Oracle of Delphi"). */
  notBefore?: string[];
  /** Known collocations of another sense: rejected if the previous words are one of these ("Dell Curry" is notBefore; "Apache Maven" notAfter). */
  notAfter?: string[];
  /** Rejected if the previous word is a number ("a 300 hp engine"). */
  notAfterNumber?: boolean;
  /**
   * A weak name: it counts only with evidence — a cue in its sentence, a mention of the same
   * company that counts on its own anywhere in the document, or the page's own domain.
   */
  requireEvidence?: boolean;
  /** Words or phrases that, in the mention's sentence, show the company is meant ("status page"); a trailing * matches any ending ("stream*"). */
  cues?: string[];
  /** Shared vocabularies (the catalog's `topics`) whose words count as cues. */
  cueTopics?: string[];
  /**
   * Words of another sense in the mention's sentence ("Tolkien", "basketball"): the mention then
   * counts only when a cue outweighs them (never for a weak name) or another mention of the
   * company counts in the document.
   */
  forbidNear?: string[];
  /** Shared vocabularies whose words count as words of another sense. */
  forbidTopics?: string[];
  /** Why the rule exists, for reviewers. */
  note: string;
}

/** A shared vocabulary (software, business, sports…) that rules use as cues or as another sense. */
export interface Topic {
  id: string;
  /** What the vocabulary is for, for reviewers. */
  note: string;
  /** Words and phrases in each language, written as readers write them; a trailing * matches any ending. */
  words: Localized<string[]>;
  /** Words that, right after any catalog name, make the whole a place named after it (Oracle Park, Dell Diamond): such a mention never counts. */
  namesAPlace?: boolean;
}

export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  /** ISO 3166-1 alpha-2, or an organisation code such as "NATO". */
  country: string;
  /** The owning entity's id for a subsidiary; null for a top-level company or a military. */
  parent: string | null;
  aliases: string[];
  products: string[];
  /** Registrable domains or product hosts (azure.microsoft.com) that belong to this entity. */
  domains: string[];
  ambiguous: AmbiguityRule[];
  /** Names in French and local languages shown in search (Tsahal, צה"ל). */
  names?: Partial<Record<Lang | string, string[]>>;
}

export interface Source {
  publisher: string;
  /** The headline exactly as published; absent where it was not seen verbatim. */
  title?: string;
  url: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD; absent where no date was seen. */
  date?: string;
  lang: string;
  /** What was checked and how: which copy was read and what it supports. */
  verified: string;
  /** True for the outlet that first reported it (listed first). */
  original?: boolean;
}

export interface Amount {
  value: number;
  /** ISO 4217: USD, GBP, EUR… Kept as reported, never converted. */
  currency: string;
  /** The figure is a ceiling (maximum value), not money paid. */
  ceiling?: boolean;
  /** The figure is shared with other vendors (e.g. JWCC): never add it up across vendors. */
  shared?: boolean;
}

export interface Finding {
  id: string;
  /** Entity id of the vendor (may be a subsidiary). */
  vendor: string;
  /** Entity id of the military or defence customer; null for a policy or labour finding with none. */
  customer: string | null;
  units?: string[];
  kind: FindingKind;
  title: Localized;
  summary: Localized;
  /** The vendor's reported response or denial. */
  response?: Localized;
  date: string;
  amount?: Amount;
  /** Derived: amount.value when the currency is USD, else null (DESIGN.md contract field). */
  amountUsd?: number | null;
  products?: string[];
  status: FindingStatus;
  sources: Source[];
}

export interface Dataset {
  version: string;
  entities: Entity[];
  /** The vocabularies the name rules refer to (stored in entities.json beside the entities). */
  topics: Topic[];
  findings: Finding[];
}
