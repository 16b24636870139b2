// Checks an untrusted dataset (the bundled files, or a file a reader imports) against the contract in
// DESIGN.md and returns either a clean, normalised Dataset or every problem found (capped). Never throws.
import { parse as parseHost } from 'tldts';
import {
  CONFIRMERS,
  ENTITY_TYPES,
  FINDING_KINDS,
  FINDING_STATUSES,
  PUBLISHER_KINDS,
  type AmbiguityRule,
  type Confirmer,
  type Amount,
  type Dataset,
  type Entity,
  type EntityType,
  type Finding,
  type FindingKind,
  type FindingStatus,
  type Localized,
  type Publisher,
  type PublisherKind,
  type Source,
  type Topic,
} from './types';
import { normaliseDataset } from './normalise';

export interface DatasetProblem {
  /** File the problem is in, relative to assets/dataset ("findings/microsoft.json"), when known. */
  file?: string;
  /** Id of the entity or finding the problem is in, when known. */
  id?: string;
  /** Path of the field inside that entity or finding ("sources[0].url"). */
  field: string;
  message: string;
}

export type DatasetValidation = { ok: true; dataset: Dataset } | { ok: false; problems: DatasetProblem[] };

export interface ValidateOptions {
  /** File name reported for the version and entities ("entities.json"). */
  entitiesFile?: string;
  /** File name reported for the publisher registry ("publishers.json"). */
  publishersFile?: string;
  /** File name of each finding, parallel to input.findings ("findings/microsoft.json"). */
  findingFiles?: readonly (string | undefined)[];
  /** "Today" for the not-in-the-future date rule (tests pin it); defaults to now. */
  now?: Date;
}

export const MAX_PROBLEMS = 200;
export const MAX_ENTITIES = 5_000;
export const MAX_FINDINGS = 20_000;
export const MAX_SOURCES_PER_FINDING = 50;
export const MAX_LIST_ITEMS = 500;
export const LIMITS = { id: 80, name: 200, word: 200, title: 400, summary: 4_000, note: 1_000, url: 2_048 } as const;

/** Field shapes shared with the JSON Schema (schema.ts builds assets/dataset/schema.json from these). */
export const PATTERNS = {
  kebab: /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
  date: /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/,
  day: /^\d{4}-\d{2}-\d{2}$/,
  version: /^\d+\.\d+\.\d+$/,
  country: /^(?:[A-Z]{2}|NATO|EU|UN)$/,
  currency: /^[A-Z]{3}$/,
  lang: /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/,
} as const;
const { kebab: KEBAB, date: DATE, day: DAY, version: VERSION, country: COUNTRY, currency: CURRENCY, lang: LANG_TAG } = PATTERNS;
// C0 and C1 controls (tab and newline included: every field is one line) and bidi overrides.
export const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
export const MARKUP_START = /<[A-Za-z!/?]/;
const CONTROL = CONTROL_CHARACTERS;
const MARKUP = MARKUP_START;
export const MAX_AMOUNT = 1e13;

// A denied or disputed finding's title must say whose claim it is: a reporting or claiming verb, or the
// claim in quotation marks ("… reported that …", « selon … », a list of "Chinese military companies").
const WORD_START = '(?<![\\p{L}\\p{N}])';
const WORD_END = '(?![\\p{L}\\p{N}])';
const attribution = (verbs: string) => new RegExp(`${WORD_START}(?:${verbs})${WORD_END}|["“«‘'].+["”»’']`, 'iu');
export const ATTRIBUTION: Localized extends Record<infer K, string> ? Record<K, RegExp> : never = {
  en: attribution('reports?|reported(?:ly)?|says?|said|according to|alleges?|alleged(?:ly)?|claims?|claimed|accuses?|accused|concludes?|labels?|designates?|finds|found|investigation'),
  fr: attribution("selon|d['’]après|rapporte(?:nt)?|rapporté|affirme(?:nt)?|accuse(?:nt)?|estime(?:nt)?|aurai(?:t|ent)|prévoirai(?:t|ent)|qualifie(?:nt)?|désigne(?:nt)?|enquête"),
};

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const has = (object: Json, key: string) => Object.prototype.hasOwnProperty.call(object, key);

class TooManyProblems extends Error {}

/** Collects problems for one entity or finding; stops the whole run once the cap is reached. */
class Reporter {
  readonly problems: DatasetProblem[] = [];
  report(problem: DatasetProblem): void {
    if (this.problems.length >= MAX_PROBLEMS) throw new TooManyProblems();
    this.problems.push(problem);
    if (this.problems.length === MAX_PROBLEMS) {
      this.problems.push({ field: '', message: `stopped after ${MAX_PROBLEMS} problems` });
      throw new TooManyProblems();
    }
  }
}

/** Where we are: file and id of the record under check, for every problem it yields. */
interface At {
  reporter: Reporter;
  file?: string;
  id?: string;
}

function problem(at: At, field: string, message: string): void {
  const entry: DatasetProblem = { field, message };
  if (at.file !== undefined) entry.file = at.file;
  if (at.id !== undefined) entry.id = at.id;
  at.reporter.report(entry);
}

function readText(at: At, object: Json, key: string, field: string, max: number, optional = false): string | undefined {
  if (!has(object, key) || object[key] === undefined) {
    if (!optional) problem(at, field, 'is required');
    return undefined;
  }
  return checkText(at, object[key], field, max);
}

function checkText(at: At, value: unknown, field: string, max: number): string | undefined {
  if (typeof value !== 'string') return problem(at, field, 'must be a string'), undefined;
  const text = value.trim();
  if (text === '') return problem(at, field, 'must not be empty'), undefined;
  if (text.length > max) return problem(at, field, `must be at most ${max} characters`), undefined;
  if (CONTROL.test(text)) return problem(at, field, 'must not contain control characters'), undefined;
  if (MARKUP.test(text)) return problem(at, field, 'must not contain markup ("<")'), undefined;
  return text;
}

function readTextList(at: At, object: Json, key: string, field: string, optional: boolean, nonEmpty: boolean): string[] | undefined {
  if (!has(object, key) || object[key] === undefined) {
    if (!optional) problem(at, field, 'is required');
    return undefined;
  }
  const value = object[key];
  if (!Array.isArray(value)) return problem(at, field, 'must be a list'), undefined;
  if (value.length > MAX_LIST_ITEMS) return problem(at, field, `must have at most ${MAX_LIST_ITEMS} items`), undefined;
  if (nonEmpty && value.length === 0) return problem(at, field, 'must not be empty'), undefined;
  const items: string[] = [];
  const seen = new Set<string>();
  value.forEach((item, index) => {
    const text = checkText(at, item, `${field}[${index}]`, LIMITS.word);
    if (text === undefined) return;
    if (seen.has(text)) problem(at, `${field}[${index}]`, `"${text}" is listed twice`);
    seen.add(text);
    items.push(text);
  });
  return items;
}

function readBoolean(at: At, object: Json, key: string, field: string): boolean | undefined {
  if (!has(object, key) || object[key] === undefined) return undefined;
  if (typeof object[key] !== 'boolean') return problem(at, field, 'must be true or false'), undefined;
  return object[key] as boolean;
}

function readEnum<T extends string>(at: At, object: Json, key: string, field: string, allowed: readonly T[]): T | undefined {
  const value = object[key];
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  problem(at, field, `must be one of ${allowed.join(', ')}`);
  return undefined;
}

/** True for YYYY, YYYY-MM or YYYY-MM-DD naming a real day (or month/year) not after `now`. */
export function checkDate(value: string, now: Date): string | null {
  const match = DATE.exec(value);
  if (!match) return 'must be YYYY, YYYY-MM or YYYY-MM-DD';
  const year = Number(match[1]);
  const month = match[2] === undefined ? 1 : Number(match[2]);
  const day = match[3] === undefined ? 1 : Number(match[3]);
  if (year < 1900) return 'is before 1900';
  if (month < 1 || month > 12) return 'has no such month';
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return 'has no such day';
  const start = Date.UTC(year, month - 1, day);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (start > today) return 'is in the future';
  return null;
}

function readDate(at: At, object: Json, key: string, field: string, now: Date, optional: boolean): string | undefined {
  const text = readText(at, object, key, field, 10, optional);
  if (text === undefined) return undefined;
  const message = checkDate(text, now);
  if (message) return problem(at, field, message), undefined;
  return text;
}

function readLocalized(at: At, object: Json, key: string, field: string, max: number, optional = false): Localized | undefined {
  if (!has(object, key) || object[key] === undefined) {
    if (!optional) problem(at, field, 'is required (with en and fr)');
    return undefined;
  }
  const value = object[key];
  if (!isObject(value)) return problem(at, field, 'must be an object with en and fr'), undefined;
  const en = readText(at, value, 'en', `${field}.en`, max);
  const fr = readText(at, value, 'fr', `${field}.fr`, max);
  return en !== undefined && fr !== undefined ? { en, fr } : undefined;
}

/** Why a URL is refused, or null: https, parseable, a real host, nothing that could be markup or script. */
export function checkSourceUrl(url: string): string | null {
  if (/^\s*javascript:/i.test(url)) return 'must not be a javascript: URL';
  if (/[\s<>"'`]/.test(url)) return 'must not contain spaces, quotes or angle brackets';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a valid URL';
  }
  if (parsed.protocol !== 'https:') return 'must be https';
  if (parsed.username || parsed.password) return 'must not contain credentials';
  const host = parseHost(parsed.hostname);
  if (host.isIp || !host.domain) return 'must name a registrable domain';
  return null;
}

/** Why a catalog domain is refused, or null: lower-case, a registrable domain or a host under one. */
export function checkCatalogDomain(domain: string): string | null {
  if (domain !== domain.toLowerCase()) return 'must be lower-case';
  const host = parseHost(domain);
  if (host.isIp) return 'must not be an IP address';
  if (host.hostname !== domain || !host.domain || host.isIcann !== true) return 'must be a registrable domain or a host under one';
  return null;
}

const RULE_KEYS = new Set([
  'alias', 'caseSensitive', 'notBefore', 'notAfter', 'notAfterNumber', 'requireEvidence', 'cues', 'cueTopics', 'forbidNear', 'forbidTopics',
  'note',
]);

/** A record's `id`: kebab-case; once read, every later problem of the record names it. */
function readId(at: At, value: Json): string | undefined {
  const id = readText(at, value, 'id', 'id', LIMITS.id);
  if (id !== undefined) {
    at.id = id;
    if (!KEBAB.test(id)) problem(at, 'id', 'must be kebab-case (a-z, 0-9, single hyphens)');
  }
  return id;
}

function readRule(at: At, value: unknown, field: string, names: Set<string>, topicIds: ReadonlySet<string>): AmbiguityRule | undefined {
  if (!isObject(value)) return problem(at, field, 'must be an object'), undefined;
  for (const key of Object.keys(value)) if (!RULE_KEYS.has(key)) problem(at, `${field}.${key}`, 'is not a known rule field');
  const alias = readText(at, value, 'alias', `${field}.alias`, LIMITS.word);
  const note = readText(at, value, 'note', `${field}.note`, LIMITS.note);
  if (alias !== undefined && !names.has(alias)) problem(at, `${field}.alias`, `"${alias}" is not one of this entity's aliases or products`);
  const rule: AmbiguityRule = { alias: alias ?? '', note: note ?? '' };
  for (const key of ['caseSensitive', 'notAfterNumber', 'requireEvidence'] as const) {
    const flag = readBoolean(at, value, key, `${field}.${key}`);
    if (flag !== undefined) rule[key] = flag;
  }
  for (const key of ['notBefore', 'notAfter', 'cues', 'forbidNear'] as const) {
    const words = readTextList(at, value, key, `${field}.${key}`, true, true);
    if (words !== undefined) rule[key] = words;
  }
  for (const key of ['cueTopics', 'forbidTopics'] as const) {
    const ids = readTextList(at, value, key, `${field}.${key}`, true, true);
    ids?.forEach((id, index) => {
      if (!topicIds.has(id)) problem(at, `${field}.${key}[${index}]`, `"${id}" is not one of the catalog's topics`);
    });
    if (ids !== undefined) rule[key] = ids;
  }
  return alias !== undefined && note !== undefined ? rule : undefined;
}

function readEntity(at: At, value: unknown, field: string, topicIds: ReadonlySet<string>): Entity | undefined {
  if (!isObject(value)) return problem(at, field, 'must be an object'), undefined;
  const id = readId(at, value);
  const name = readText(at, value, 'name', 'name', LIMITS.name);
  const type = readEnum<EntityType>(at, value, 'type', 'type', ENTITY_TYPES);
  const country = readText(at, value, 'country', 'country', 8);
  if (country !== undefined && !COUNTRY.test(country)) problem(at, 'country', 'must be an ISO 3166-1 alpha-2 code or NATO, EU, UN');
  let parent: string | null = null;
  if (!has(value, 'parent')) problem(at, 'parent', 'is required (null for a top-level entity)');
  else if (value.parent !== null) parent = readText(at, value, 'parent', 'parent', LIMITS.id) ?? null;
  const aliases = readTextList(at, value, 'aliases', 'aliases', false, true);
  const products = readTextList(at, value, 'products', 'products', false, false);
  const domains = readTextList(at, value, 'domains', 'domains', false, false);
  domains?.forEach((domain, index) => {
    const message = checkCatalogDomain(domain);
    if (message) problem(at, `domains[${index}]`, message);
  });
  const names = new Set([...(aliases ?? []), ...(products ?? [])]);
  for (const product of products ?? []) if (aliases?.includes(product)) problem(at, 'products', `"${product}" is also an alias`);
  const ambiguous: AmbiguityRule[] = [];
  if (!has(value, 'ambiguous')) problem(at, 'ambiguous', 'is required (an empty list when nothing is ambiguous)');
  else if (!Array.isArray(value.ambiguous)) problem(at, 'ambiguous', 'must be a list');
  else
    value.ambiguous.slice(0, MAX_LIST_ITEMS).forEach((rule, index) => {
      const checked = readRule(at, rule, `ambiguous[${index}]`, names, topicIds);
      if (checked) ambiguous.push(checked);
    });
  let localNames: Entity['names'];
  if (has(value, 'names') && value.names !== undefined) {
    if (!isObject(value.names)) problem(at, 'names', 'must be an object of language → names');
    else {
      localNames = {};
      for (const lang of Object.keys(value.names)) {
        if (!LANG_TAG.test(lang)) problem(at, `names.${lang}`, 'must be keyed by a language code');
        const list = readTextList(at, value.names, lang, `names.${lang}`, false, true);
        if (list !== undefined) localNames[lang] = list;
      }
    }
  }
  if (id === undefined || name === undefined || type === undefined || country === undefined || !aliases || !products || !domains) return undefined;
  const entity: Entity = { id, name, type, country, parent, aliases, products, domains, ambiguous };
  if (localNames !== undefined) entity.names = localNames;
  return entity;
}

function readAmount(at: At, value: unknown): Amount | undefined {
  if (!isObject(value)) return problem(at, 'amount', 'must be an object { value, currency }'), undefined;
  const amountValue = value.value;
  let ok = true;
  if (typeof amountValue !== 'number' || !Number.isFinite(amountValue) || amountValue <= 0 || amountValue > MAX_AMOUNT) {
    problem(at, 'amount.value', `must be a positive number no larger than ${MAX_AMOUNT}`);
    ok = false;
  }
  const currency = readText(at, value, 'currency', 'amount.currency', 3);
  if (currency !== undefined && !CURRENCY.test(currency)) problem(at, 'amount.currency', 'must be an ISO 4217 code such as USD');
  const ceiling = readBoolean(at, value, 'ceiling', 'amount.ceiling');
  const shared = readBoolean(at, value, 'shared', 'amount.shared');
  if (!ok || currency === undefined || !CURRENCY.test(currency)) return undefined;
  const amount: Amount = { value: amountValue as number, currency };
  if (ceiling !== undefined) amount.ceiling = ceiling;
  if (shared !== undefined) amount.shared = shared;
  return amount;
}

function readPublisher(at: At, value: unknown, field: string): Publisher | undefined {
  if (!isObject(value)) return problem(at, field, 'must be an object'), undefined;
  const id = readId(at, value);
  const name = readText(at, value, 'name', 'name', LIMITS.name);
  const domains = readTextList(at, value, 'domains', 'domains', false, true);
  domains?.forEach((domain, index) => {
    const message = checkCatalogDomain(domain);
    if (message) problem(at, `domains[${index}]`, message);
  });
  const kind = readEnum<PublisherKind>(at, value, 'kind', 'kind', PUBLISHER_KINDS);
  const copyOf = readText(at, value, 'copyOf', 'copyOf', LIMITS.id, true);
  if (copyOf !== undefined && kind !== undefined && kind !== 'copy') problem(at, 'copyOf', 'is only for a publisher of kind copy');
  if (id === undefined || name === undefined || domains === undefined || kind === undefined) return undefined;
  return copyOf === undefined ? { id, name, domains, kind } : { id, name, domains, kind, copyOf };
}

/** Reads the registry: ids unique and sorted, each domain listed once, copyOf naming another publisher. */
function readPublishers(reporter: Reporter, value: unknown, file: string | undefined): Map<string, Publisher> {
  const top: At = file === undefined ? { reporter } : { reporter, file };
  const registry = new Map<string, Publisher>();
  if (!Array.isArray(value)) {
    problem(top, 'publishers', 'must be a list (the publisher registry, publishers.json)');
    return registry;
  }
  if (value.length > MAX_ENTITIES) {
    problem(top, 'publishers', `must have at most ${MAX_ENTITIES} items`);
    return registry;
  }
  const domainOwner = new Map<string, string>();
  const ats = new Map<Publisher, At>();
  let previous: string | undefined;
  value.forEach((item, index) => {
    const at: At = { ...top };
    const publisher = readPublisher(at, item, `publishers[${index}]`);
    if (!publisher) return;
    ats.set(publisher, at);
    if (registry.has(publisher.id)) problem(at, 'id', 'is used by another publisher');
    else registry.set(publisher.id, publisher);
    if (previous !== undefined && publisher.id < previous) problem(at, 'id', `is out of order: publishers are sorted by id (it comes before ${previous})`);
    previous = publisher.id;
    publisher.domains.forEach((domain, domainIndex) => {
      const owner = domainOwner.get(domain);
      if (owner !== undefined && owner !== publisher.id) problem(at, `domains[${domainIndex}]`, `"${domain}" is already listed for publisher ${owner}`);
      domainOwner.set(domain, publisher.id);
    });
  });
  for (const [publisher, at] of ats) {
    if (publisher.copyOf === undefined) continue;
    if (!registry.has(publisher.copyOf)) problem(at, 'copyOf', `"${publisher.copyOf}" is not a publisher id`);
    else if (publisher.copyOf === publisher.id) problem(at, 'copyOf', 'must name another publisher');
  }
  return registry;
}

/** The publisher registry as the findings see it: by id, with each publisher's display name. */
type Registry = ReadonlyMap<string, Publisher>;

/** True when `host` is `domain` or a host under it. */
export function hostIsUnder(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** "Dawn (Reuters)": the publisher's name, with the copied outlet's name for a copy. */
export function publisherDisplayName(registry: Registry, publisherId: string, copyOf: string | undefined): string {
  const publisher = registry.get(publisherId);
  const copied = copyOf ?? publisher?.copyOf;
  const copiedName = copied === undefined ? undefined : registry.get(copied)?.name;
  return copiedName === undefined ? (publisher?.name ?? publisherId) : `${publisher?.name ?? publisherId} (${copiedName})`;
}

function readSource(at: At, value: unknown, field: string, now: Date, registry: Registry): Source | undefined {
  if (!isObject(value)) return problem(at, field, 'must be an object'), undefined;
  // Files under findings/ name the publisher by id in `publisher`; an exported (normalised) dataset
  // carries the id in `publisherId` and a display name in `publisher`, which is recomputed here.
  const idKey = has(value, 'publisherId') ? 'publisherId' : 'publisher';
  const publisherId = readText(at, value, idKey, `${field}.${idKey}`, LIMITS.id);
  if (idKey === 'publisherId') readText(at, value, 'publisher', `${field}.publisher`, LIMITS.name);
  const publisher = publisherId === undefined ? undefined : registry.get(publisherId);
  if (publisherId !== undefined && !publisher) problem(at, `${field}.${idKey}`, `"${publisherId}" is not a publisher id in publishers.json`);
  const copyOf = readText(at, value, 'copyOf', `${field}.copyOf`, LIMITS.id, true);
  if (copyOf !== undefined && !registry.has(copyOf)) problem(at, `${field}.copyOf`, `"${copyOf}" is not a publisher id in publishers.json`);
  else if (copyOf !== undefined && copyOf === publisherId) problem(at, `${field}.copyOf`, 'must name another publisher than the site read');
  const confirms = has(value, 'confirms') ? readEnum<Confirmer>(at, value, 'confirms', `${field}.confirms`, CONFIRMERS) : undefined;
  const title = readText(at, value, 'title', `${field}.title`, LIMITS.title);
  const url = readText(at, value, 'url', `${field}.url`, LIMITS.url);
  const urlProblem = url === undefined ? 'missing' : checkSourceUrl(url);
  if (url !== undefined && urlProblem) problem(at, `${field}.url`, urlProblem);
  if (url !== undefined && !urlProblem && publisher) {
    const host = new URL(url).hostname.toLowerCase();
    if (!publisher.domains.some((domain) => hostIsUnder(host, domain)))
      problem(at, `${field}.url`, `is on ${host}, not on a domain of publisher ${publisher.id} (${publisher.domains.join(', ')})`);
  }
  const date = readDate(at, value, 'date', `${field}.date`, now, false);
  const lang = readText(at, value, 'lang', `${field}.lang`, 20);
  if (lang !== undefined && !LANG_TAG.test(lang)) problem(at, `${field}.lang`, 'must be a language code such as en or fr');
  const verified = readText(at, value, 'verified', `${field}.verified`, LIMITS.note);
  const original = readBoolean(at, value, 'original', `${field}.original`);
  if (original === true && (publisher?.kind === 'copy' || copyOf !== undefined)) problem(at, `${field}.original`, 'a copy cannot be the original report');
  if (publisherId === undefined || !publisher || title === undefined || url === undefined || urlProblem || date === undefined || lang === undefined || verified === undefined) return undefined;
  return {
    publisher: publisherDisplayName(registry, publisherId, copyOf),
    publisherId,
    ...(copyOf !== undefined ? { copyOf } : {}),
    ...(confirms !== undefined ? { confirms } : {}),
    title, url, date, lang,
    ...(original !== undefined ? { original } : {}),
    verified,
  };
}

function readFinding(at: At, value: unknown, field: string, now: Date, registry: Registry): Finding | undefined {
  if (!isObject(value)) return problem(at, field, 'must be an object'), undefined;
  const id = readId(at, value);
  const vendor = readText(at, value, 'vendor', 'vendor', LIMITS.id);
  let customer: string | null = null;
  if (!has(value, 'customer')) problem(at, 'customer', 'is required (null for a policy or labour finding without one)');
  else if (value.customer !== null) customer = readText(at, value, 'customer', 'customer', LIMITS.id) ?? null;
  const units = readTextList(at, value, 'units', 'units', true, false);
  const kind = readEnum<FindingKind>(at, value, 'kind', 'kind', FINDING_KINDS);
  if (has(value, 'customer') && value.customer === null && kind !== undefined && kind !== 'policy' && kind !== 'labor')
    problem(at, 'customer', 'may be null only for a policy or labor finding');
  const title = readLocalized(at, value, 'title', 'title', LIMITS.title);
  const summary = readLocalized(at, value, 'summary', 'summary', LIMITS.summary);
  const response = readLocalized(at, value, 'response', 'response', LIMITS.summary, true);
  const date = readDate(at, value, 'date', 'date', now, false);
  const amount = has(value, 'amount') && value.amount !== undefined ? readAmount(at, value.amount) : undefined;
  if (has(value, 'amountUsd') && value.amountUsd !== undefined) {
    const derived = amount && amount.currency === 'USD' ? amount.value : null;
    if (value.amountUsd !== derived) problem(at, 'amountUsd', `must match amount (expected ${derived === null ? 'null' : derived})`);
  }
  const products = readTextList(at, value, 'products', 'products', true, false);
  const terms = readTextList(at, value, 'terms', 'terms', true, false);
  const status = readEnum<FindingStatus>(at, value, 'status', 'status', FINDING_STATUSES);
  if ((status === 'denied' || status === 'disputed') && title) {
    if (!response) problem(at, 'response', `is required when the status is ${status} (the denial or dispute as reported)`);
    for (const lang of ['en', 'fr'] as const)
      if (!ATTRIBUTION[lang].test(title[lang])) problem(at, `title.${lang}`, `must attribute the claim when the status is ${status} ("X reported that…", « selon… »)`);
  }
  const reviewed = readText(at, value, 'reviewed', 'reviewed', 10);
  if (reviewed !== undefined) {
    const message = DAY.test(reviewed) ? checkDate(reviewed, now) : 'must be YYYY-MM-DD';
    if (message) problem(at, 'reviewed', message);
  }
  const sources: Source[] = [];
  if (!Array.isArray(value.sources) || value.sources.length === 0) problem(at, 'sources', 'must be a non-empty list');
  else if (value.sources.length > MAX_SOURCES_PER_FINDING) problem(at, 'sources', `must have at most ${MAX_SOURCES_PER_FINDING} items`);
  else {
    value.sources.forEach((source, index) => {
      const checked = readSource(at, source, `sources[${index}]`, now, registry);
      if (checked) sources.push(checked);
    });
    if (sources.length === value.sources.length) {
      const first = sources[0];
      // The original report or primary document leads (original: true) wherever it was found; where only
      // a later report of another outlet was, that report leads; a copy never does.
      if (first && (registry.get(first.publisherId)?.kind === 'copy' || first.copyOf !== undefined))
        problem(at, 'sources[0].publisher', `${first.publisherId} is a copy: the original report or the primary document comes first`);
      const firstCopy = sources.findIndex((source) => source.original !== true);
      if (firstCopy >= 0 && sources.slice(firstCopy).some((source) => source.original === true))
        problem(at, 'sources', 'the original report must be listed first');
      const urls = new Set<string>();
      sources.forEach((source, index) => {
        if (urls.has(source.url)) problem(at, `sources[${index}].url`, 'is listed twice');
        urls.add(source.url);
      });
    }
  }
  if (id === undefined || vendor === undefined || kind === undefined || !title || !summary || date === undefined || status === undefined || reviewed === undefined) return undefined;
  if (sources.length === 0 || !Array.isArray(value.sources) || sources.length !== value.sources.length) return undefined;
  const finding: Finding = { id, vendor, customer, kind, title, summary, date, status, sources, reviewed };
  if (units !== undefined && units.length > 0) finding.units = units;
  if (response !== undefined) finding.response = response;
  if (amount !== undefined) finding.amount = amount;
  if (products !== undefined && products.length > 0) finding.products = products;
  if (terms !== undefined && terms.length > 0) finding.terms = terms;
  return finding;
}

/** Follows parents up to the top-level entity; null on a missing parent or a cycle. */
function topOf(id: string, byId: Map<string, Entity>): Entity | null {
  let current = byId.get(id);
  for (let steps = 0; current && steps <= byId.size; steps++) {
    if (current.parent === null) return current;
    current = byId.get(current.parent);
  }
  return null;
}

/**
 * True when a source is the vendor's or the customer's own word: marked `confirms`, published by a
 * government (the customer's side), or published by a company on a domain of the vendor's family.
 */
function isStatement(source: Source, vendor: Entity, byId: Map<string, Entity>, entities: Entity[], registry: Registry): boolean {
  if (source.confirms !== undefined) return true;
  const kind = registry.get(source.publisherId)?.kind;
  if (kind === 'government') return true;
  if (kind !== 'company') return false;
  const top = topOf(vendor.id, byId)?.id ?? vendor.id;
  const host = new URL(source.url).hostname.toLowerCase();
  return entities.some((entity) => (topOf(entity.id, byId)?.id ?? entity.id) === top && entity.domains.some((domain) => hostIsUnder(host, domain)));
}

function checkReferences(reporter: Reporter, entities: Entity[], entityAt: Map<Entity, At>, findings: Finding[], findingAt: Map<Finding, At>, registry: Registry): void {
  const byId = new Map<string, Entity>();
  for (const entity of entities) {
    const at = entityAt.get(entity) ?? { reporter };
    if (byId.has(entity.id)) problem(at, 'id', 'is used by another entity');
    else byId.set(entity.id, entity);
  }
  const domainOwner = new Map<string, Entity>();
  const registrableOwner = new Map<string, { entity: Entity; top: string }>();
  for (const entity of entities) {
    const at = entityAt.get(entity) ?? { reporter };
    if (entity.parent !== null) {
      const parent = byId.get(entity.parent);
      if (!parent) problem(at, 'parent', `"${entity.parent}" is not an entity id`);
      else if (entity.type === 'military') problem(at, 'parent', 'must be null for a military');
      else if (parent.type !== 'vendor') problem(at, 'parent', `"${entity.parent}" is not a vendor`);
      else if (!topOf(entity.id, byId)) problem(at, 'parent', 'forms a cycle');
    }
    if (entity.type === 'military' && entity.domains.length > 0) problem(at, 'domains', 'must be empty for a military');
    const top = topOf(entity.id, byId)?.id ?? entity.id;
    entity.domains.forEach((domain, index) => {
      const owner = domainOwner.get(domain);
      if (owner && owner !== entity) problem(at, `domains[${index}]`, `"${domain}" is already listed for ${owner.id}`);
      domainOwner.set(domain, entity);
      const registrable = parseHost(domain).domain ?? domain;
      const claim = registrableOwner.get(registrable);
      if (claim && claim.top !== top) problem(at, `domains[${index}]`, `"${domain}" is under ${registrable}, which belongs to ${claim.entity.id}`);
      if (!claim) registrableOwner.set(registrable, { entity, top });
    });
  }
  const findingIds = new Set<string>();
  const events = new Map<string, string>();
  for (const finding of findings) {
    const at = findingAt.get(finding) ?? { reporter };
    if (findingIds.has(finding.id)) problem(at, 'id', 'is used by another finding');
    findingIds.add(finding.id);
    const vendor = byId.get(finding.vendor);
    if (!vendor) problem(at, 'vendor', `"${finding.vendor}" is not an entity id`);
    else if (vendor.type !== 'vendor') problem(at, 'vendor', `"${finding.vendor}" is not a vendor`);
    else if (at.file !== undefined) {
      const top = topOf(vendor.id, byId);
      const expected = top ? `findings/${top.id}.json` : undefined;
      if (expected && !at.file.endsWith(expected)) problem(at, 'vendor', `belongs in ${expected} (top-level vendor ${top?.id})`);
    }
    if (finding.customer !== null) {
      const customer = byId.get(finding.customer);
      if (!customer) problem(at, 'customer', `"${finding.customer}" is not an entity id`);
      else if (customer.type !== 'military') problem(at, 'customer', `"${finding.customer}" is not a military or defence customer`);
    }
    if (finding.status === 'confirmed' && vendor && !finding.sources.some((source) => isStatement(source, vendor, byId, entities, registry)))
      problem(at, 'status', 'confirmed needs a source from the vendor or the customer: a government publisher, the vendor\'s own site, or a source marked "confirms"');
    const event = [finding.vendor, finding.customer, finding.date, finding.kind, finding.sources[0]?.url].join('\u0001');
    const twin = events.get(event);
    if (twin !== undefined) problem(at, 'id', `duplicates ${twin} (same vendor, customer, date, kind and first source)`);
    else events.set(event, finding.id);
  }
}

function validateUnsafe(input: unknown, options: ValidateOptions, reporter: Reporter): Dataset | undefined {
  const now = options.now ?? new Date();
  const top: At = { reporter };
  if (options.entitiesFile !== undefined) top.file = options.entitiesFile;
  if (!isObject(input)) {
    problem(top, '', 'the dataset must be an object { version, publishers, entities, topics, findings }');
    return undefined;
  }
  const version = readText(top, input, 'version', 'version', 40);
  if (version !== undefined && !VERSION.test(version)) problem(top, 'version', 'must be MAJOR.MINOR.PATCH');
  const topics = readTopics(top, input);
  const topicIds = new Set(topics.map((topic) => topic.id));
  const entities: Entity[] = [];
  const entityAt = new Map<Entity, At>();
  if (!Array.isArray(input.entities)) problem(top, 'entities', 'must be a list');
  else if (input.entities.length > MAX_ENTITIES) problem(top, 'entities', `must have at most ${MAX_ENTITIES} items`);
  else
    input.entities.forEach((value, index) => {
      const at: At = { reporter };
      if (options.entitiesFile !== undefined) at.file = options.entitiesFile;
      const entity = readEntity(at, value, `entities[${index}]`, topicIds);
      if (entity) {
        entities.push(entity);
        entityAt.set(entity, at);
      }
    });
  const registry = readPublishers(reporter, input.publishers, options.publishersFile);
  const findings: Finding[] = [];
  const findingAt = new Map<Finding, At>();
  if (!Array.isArray(input.findings)) problem(top, 'findings', 'must be a list');
  else if (input.findings.length > MAX_FINDINGS) problem(top, 'findings', `must have at most ${MAX_FINDINGS} items`);
  else
    input.findings.forEach((value, index) => {
      const at: At = { reporter };
      const file = options.findingFiles?.[index];
      if (file !== undefined) at.file = file;
      const finding = readFinding(at, value, `findings[${index}]`, now, registry);
      if (finding) {
        findings.push(finding);
        findingAt.set(finding, at);
      }
    });
  checkReferences(reporter, entities, entityAt, findings, findingAt, registry);
  if (reporter.problems.length > 0 || version === undefined) return undefined;
  return normaliseDataset({ version, publishers: [...registry.values()], entities, topics, findings });
}

const TOPIC_KEYS = new Set(['id', 'note', 'words', 'namesAPlace']);

/** The catalog's shared vocabularies (optional: a dataset without them has rules without topics). */
function readTopics(top: At, input: Json): Topic[] {
  if (!has(input, 'topics') || input.topics === undefined) return [];
  if (!Array.isArray(input.topics)) return problem(top, 'topics', 'must be a list'), [];
  const topics: Topic[] = [];
  const seen = new Set<string>();
  input.topics.slice(0, MAX_LIST_ITEMS).forEach((value, index) => {
    const field = `topics[${index}]`;
    if (!isObject(value)) return problem(top, field, 'must be an object');
    for (const key of Object.keys(value)) if (!TOPIC_KEYS.has(key)) problem(top, `${field}.${key}`, 'is not a known topic field');
    const id = readText(top, value, 'id', `${field}.id`, LIMITS.id);
    if (id !== undefined && !KEBAB.test(id)) problem(top, `${field}.id`, 'must be kebab-case (a-z, 0-9, single hyphens)');
    if (id !== undefined && seen.has(id)) problem(top, `${field}.id`, `"${id}" is listed twice`);
    const note = readText(top, value, 'note', `${field}.note`, LIMITS.note);
    const words = isObject(value.words) ? value.words : undefined;
    if (!words) problem(top, `${field}.words`, 'must be an object { en: [...], fr: [...] }');
    const en = words ? readTextList(top, words, 'en', `${field}.words.en`, false, true) : undefined;
    const fr = words ? readTextList(top, words, 'fr', `${field}.words.fr`, false, true) : undefined;
    const namesAPlace = readBoolean(top, value, 'namesAPlace', `${field}.namesAPlace`);
    if (id === undefined || note === undefined || en === undefined || fr === undefined) return;
    seen.add(id);
    topics.push(namesAPlace === true ? { id, note, words: { en, fr }, namesAPlace } : { id, note, words: { en, fr } });
  });
  return topics;
}


/** Validates and normalises an untrusted dataset; reports every problem (up to MAX_PROBLEMS). */
export function validateDataset(input: unknown, options: ValidateOptions = {}): DatasetValidation {
  const reporter = new Reporter();
  try {
    const dataset = validateUnsafe(input, options, reporter);
    if (dataset && reporter.problems.length === 0) return { ok: true, dataset };
  } catch (error) {
    // The cap was reached, or the input defeated a check in a way we did not foresee: report, never throw.
    if (!(error instanceof TooManyProblems)) reporter.problems.push({ field: '', message: `could not be checked: ${String(error).slice(0, 200)}` });
  }
  if (reporter.problems.length === 0) reporter.problems.push({ field: '', message: 'the dataset is incomplete' });
  return { ok: false, problems: reporter.problems };
}

/** "findings/microsoft.json: microsoft-x: sources[0].url: must be https". */
export function formatProblem(problem: DatasetProblem): string {
  return [problem.file, problem.id, problem.field || undefined, problem.message].filter((part) => part !== undefined && part !== '').join(': ');
}
