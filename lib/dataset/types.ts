// The dataset contract (../shared/DESIGN.md): entities and findings as they are stored in
// assets/dataset/ and as `data:export` prints them. Every other module reads these types.

export type Lang = 'en' | 'fr';
export type Localized = { en: string; fr: string };

export const FINDING_KINDS = ['cloud', 'ai', 'software', 'surveillance', 'hardware', 'services', 'policy', 'labor'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const FINDING_STATUSES = ['reported', 'confirmed', 'denied', 'disputed'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export const ENTITY_TYPES = ['vendor', 'military'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/**
 * How an ambiguous alias or product name must be evidenced before it counts as a mention.
 * Rules are data, read by lib/matcher; every field is optional and they combine (all must hold).
 */
export interface AmbiguityRule {
  /** The alias or product this rule governs, exactly as written in `aliases`/`products`. */
  alias: string;
  /** Match only with this exact letter case ("Amazon", never "amazon"). */
  caseSensitive?: boolean;
  /** The mention is rejected if the next word (after the alias) is one of these (case-insensitive). */
  notBefore?: string[];
  /** The mention is rejected if the previous word is one of these (case-insensitive). */
  notAfter?: string[];
  /** The mention is rejected if the previous word is a number ("a 300 hp engine"). */
  notAfterNumber?: boolean;
  /** At least one of these words must appear within `window` words either side. */
  requireNear?: string[];
  /** None of these words may appear within `window` words either side. */
  forbidNear?: string[];
  /** Words either side looked at by requireNear/forbidNear (default 8). */
  window?: number;
  /** Counts only if a mention of the same top-level vendor that does not need corroboration appears in the same document. */
  requireCorroboration?: boolean;
  /** Why the rule exists, for reviewers. */
  note: string;
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
  /** Extra distinctive words of its story ("population registry"), beyond those derived from the record (lib/reports). */
  terms?: string[];
}

export interface Dataset {
  version: string;
  entities: Entity[];
  findings: Finding[];
}
