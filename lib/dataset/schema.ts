// Builds the JSON Schema of the dataset files (assets/dataset/schema.json: findings/*.json,
// entities.json, publishers.json) from the validator's own constants, so the two cannot drift: the
// schema gives editors structure as they type; validate.ts stays the one place for semantic rules
// (references, domains, dates in the future, the first-source and status rules that need the registry).
import { CONFIRMERS, ENTITY_TYPES, FINDING_KINDS, FINDING_STATUSES, PUBLISHER_KINDS } from './types';
import { LIMITS, MAX_AMOUNT, MAX_ENTITIES, MAX_FINDINGS, MAX_LIST_ITEMS, MAX_SOURCES_PER_FINDING, PATTERNS, CONTROL_CHARACTERS, MARKUP_START } from './validate';

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/definitions/${name}` });
/** A one-line text: not blank, bounded, no control characters, nothing that starts markup. */
const text = (maxLength: number, description?: string): Schema => ({
  type: 'string',
  minLength: 1,
  maxLength,
  pattern: `^(?![\\s\\S]*${MARKUP_START.source})(?=[\\s\\S]*\\S)[^${CONTROL_CHARACTERS.source.slice(1, -1)}]*$`,
  ...(description ? { description } : {}),
});
const pattern = (regex: RegExp, description: string, maxLength?: number): Schema => ({
  type: 'string',
  pattern: regex.source,
  ...(maxLength ? { maxLength } : {}),
  description,
});
const words = (description: string): Schema => ({ type: 'array', items: text(LIMITS.word), uniqueItems: true, maxItems: MAX_LIST_ITEMS, description });
const object = (required: string[], properties: Record<string, Schema>, description: string): Schema => ({
  type: 'object',
  description,
  required,
  additionalProperties: false,
  properties,
});

export function buildDatasetSchema(): Schema {
  const source = object(['publisher', 'title', 'url', 'date', 'lang', 'verified'], {
    publisher: { ...ref('id'), description: 'Publisher id in publishers.json: the site this URL is on.' },
    copyOf: { ...ref('id'), description: 'Publisher id of the outlet whose report this page carries (a syndicated or mirrored copy).' },
    confirms: { enum: [...CONFIRMERS], description: 'Set when this source is, or quotes, the vendor’s or the customer’s own statement.' },
    title: text(LIMITS.title, 'The headline exactly as published.'),
    url: { type: 'string', pattern: '^https://[^\\s<>"\'`]+$', maxLength: LIMITS.url, description: 'https address on one of the publisher’s domains.' },
    date: ref('date'),
    lang: pattern(PATTERNS.lang, 'Language code: en, fr, de…', 20),
    original: { type: 'boolean', description: 'The original report or the primary document (never a copy); listed first.' },
    verified: text(LIMITS.note, 'Which copy was read, and what it supports.'),
  }, 'One source of a finding.');
  const finding = {
    ...object(['id', 'vendor', 'customer', 'kind', 'title', 'summary', 'date', 'status', 'sources', 'reviewed'], {
      id: ref('id'),
      vendor: { ...ref('id'), description: 'Entity id of the vendor (may be a subsidiary).' },
      customer: { oneOf: [ref('id'), { type: 'null' }], description: 'Entity id of the military customer; null only for policy or labor.' },
      units: words('Units of the customer named by the sources.'),
      kind: { enum: [...FINDING_KINDS] },
      title: ref('localizedTitle'),
      summary: ref('localizedSummary'),
      response: ref('localizedSummary'),
      date: ref('date'),
      amount: object(['value', 'currency'], {
        value: { type: 'number', exclusiveMinimum: 0, maximum: MAX_AMOUNT },
        currency: pattern(PATTERNS.currency, 'ISO 4217 code, kept as reported (never converted).'),
        ceiling: { type: 'boolean', description: 'A ceiling, not money paid.' },
        shared: { type: 'boolean', description: 'Shared with other vendors: never add it up.' },
      }, 'The amount as reported.'),
      amountUsd: { type: ['number', 'null'], description: 'Derived: amount.value when the currency is USD.' },
      products: words('Products named by the sources.'),
      terms: words('Extra distinctive words of the story.'),
      status: { enum: [...FINDING_STATUSES] },
      sources: { type: 'array', minItems: 1, maxItems: MAX_SOURCES_PER_FINDING, items: ref('source') },
      reviewed: pattern(PATTERNS.day, 'YYYY-MM-DD: the day this finding was last checked against its sources.'),
    }, 'One finding: what was sold to whom, when, with its sources.'),
    if: { required: ['status'], properties: { status: { enum: ['denied', 'disputed'] } } },
    then: { required: ['response'] },
  };
  const rule = object(['alias', 'note'], {
    alias: text(LIMITS.word),
    caseSensitive: { type: 'boolean', description: 'Match only with this exact letter case.' },
    notBefore: words('Collocations of another sense: rejected when these words follow.'),
    notAfter: words('Collocations of another sense: rejected when these words precede.'),
    notAfterNumber: { type: 'boolean', description: 'Rejected after a number (300 hp).' },
    requireEvidence: { type: 'boolean', description: 'A weak name: counts only with a cue in its sentence, another mention of the company, or its own site.' },
    cues: words('Words in the sentence that show the company is meant; a trailing * matches any ending.'),
    cueTopics: words('Topics whose words count as cues.'),
    forbidNear: words('Words in the sentence of another sense.'),
    forbidTopics: words('Topics whose words count as another sense.'),
    note: text(LIMITS.note),
  }, 'How a name that is also a word, a person, a place or another brand must be evidenced.');
  const topic = object(['id', 'note', 'words'], {
    id: ref('id'),
    note: text(LIMITS.note),
    words: object(['en', 'fr'], { en: { ...words('English words and phrases.'), minItems: 1 }, fr: { ...words('French words and phrases.'), minItems: 1 } }, 'In both languages; a trailing * matches any ending.'),
    namesAPlace: { type: 'boolean', description: 'Right after any catalog name these words make it a place named after the company (Oracle Park).' },
  }, 'A shared vocabulary the name rules use.');
  const entity = object(['id', 'name', 'type', 'country', 'parent', 'aliases', 'products', 'domains', 'ambiguous'], {
    id: ref('id'),
    name: text(LIMITS.name),
    type: { enum: [...ENTITY_TYPES] },
    country: pattern(PATTERNS.country, 'ISO 3166-1 alpha-2, or NATO, EU, UN.'),
    parent: { oneOf: [ref('id'), { type: 'null' }] },
    aliases: { ...words('Names that count as a mention.'), minItems: 1 },
    products: words('Product names.'),
    domains: words('Registrable domains or hosts that belong to this entity.'),
    ambiguous: { type: 'array', items: ref('ambiguityRule'), maxItems: MAX_LIST_ITEMS },
    names: { type: 'object', additionalProperties: words('Names in this language.') },
  }, 'A company or a military.');
  const publisher = object(['id', 'name', 'domains', 'kind'], {
    id: ref('id'),
    name: text(LIMITS.name),
    domains: { ...words('Domains its pages are on (subdomains included).'), minItems: 1 },
    kind: { enum: [...PUBLISHER_KINDS] },
    copyOf: { ...ref('id'), description: 'For a copy site that mirrors one outlet: that outlet’s id.' },
  }, 'A site sources are read on.');
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Dual Use dataset files',
    description: 'findings/<vendor>.json (an array of findings), entities.json and publishers.json. Generated by `npm run --silent data:schema`; data:check also applies the semantic rules of lib/dataset/validate.ts.',
    definitions: {
      id: pattern(PATTERNS.kebab, 'Stable kebab-case id.', LIMITS.id),
      date: pattern(PATTERNS.date, 'YYYY, YYYY-MM or YYYY-MM-DD.', 10),
      localizedTitle: object(['en', 'fr'], { en: text(LIMITS.title), fr: text(LIMITS.title) }, 'English and French.'),
      localizedSummary: object(['en', 'fr'], { en: text(LIMITS.summary), fr: text(LIMITS.summary) }, 'English and French.'),
      source,
      finding,
      ambiguityRule: rule,
      topic,
      entity,
      publisher,
      findingsFile: { type: 'array', items: ref('finding'), maxItems: MAX_FINDINGS },
      entitiesFile: object(['version', 'entities'], {
        $schema: { type: 'string' },
        version: pattern(PATTERNS.version, 'Dataset version, MAJOR.MINOR.PATCH (CHANGELOG.md).'),
        entities: { type: 'array', items: ref('entity'), maxItems: MAX_ENTITIES },
        topics: { type: 'array', items: ref('topic'), maxItems: MAX_LIST_ITEMS },
      }, 'entities.json'),
      publishersFile: object(['publishers'], {
        $schema: { type: 'string' },
        publishers: { type: 'array', items: ref('publisher'), maxItems: MAX_ENTITIES },
      }, 'publishers.json'),
    },
    if: { type: 'array' },
    then: ref('findingsFile'),
    else: { if: { type: 'object', required: ['publishers'] }, then: ref('publishersFile'), else: ref('entitiesFile') },
  };
}

/** schema.json as committed: 2-space JSON and a final newline. */
export function serializeSchema(): string {
  return `${JSON.stringify(buildDatasetSchema(), null, 2)}\n`;
}
