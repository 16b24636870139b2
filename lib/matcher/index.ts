// The matcher: which catalog companies a text or a URL is about. Pure TypeScript (no Node or DOM
// APIs), compiled once per catalog and used by the content script, the background and the CLI.
//
// Text: one Aho–Corasick pass over the text as it is, for every alias and product (case,
// equivalents such as ’ for ', invisible units and space runs are classes of the automaton; see
// lib/text/normalize); only text that NFKC would change (ligatures, full-width letters…) is
// normalised and scanned again → Unicode word boundaries → per-alias ambiguity rules from the
// catalog (case, collocations, cues and other senses in the sentence: lib/matcher/rules) → leftmost
// then longest alias wins, no overlaps → document-level evidence. Offsets in results always refer to
// the ORIGINAL text.
//
// Evidence by strength: a distinctive name counts alone; a name that is also a word, a person, a
// place or another brand counts on its sentence's evidence, or else (Verdict.NeedsDocument) only when
// a mention of the same top-level vendor that counts on its own is in the same document, or the page
// is the vendor's own ("Palantir" corroborates "Gotham" although "Palantir" has a rule of its own).
// Document-level API:
//   - matchDocument(texts) treats the texts (text nodes, blocks, lines…) as one document;
//   - or two phases: findCandidates(text) per chunk as it arrives, then resolveCandidates(all
//     chunks' candidates) once the document is known; matchText(text) = one-chunk document.
// A vendor attributed by the page URL can corroborate too (options.corroboratingVendors).
// Acronym policy: an alias of 2–4 characters written entirely in capitals ("HP", "IBM", "AWS") is
// matched case-sensitively even without a rule, so "hp" and "aws" in running text never match.
// Capitals policy: a name of several words keeps its capitals ("Whole Foods", "Red Hat": never
// "whole foods" in a diet article); its other letters may be of either case ("WHOLE FOODS").

import type { AmbiguityRule, Entity, Topic } from '../dataset/types';
import {
  canonicalUnit, equalsCanonical, foldUnit, isInvisibleUnit, isStableAt, isWordUnit, keepsCapitalsOf, matchStart, mayCompose, normalizeTerm,
  normalizeText, unitBefore, unitFrom, type NormalizedText,
} from '../text/normalize';
import { CHECK_UNIT, SKIP_UNIT, compileAutomaton, type ResolveUnit, type UnitMapping } from './automaton';
import { attributeHost, type DomainTarget } from './domains';
import { buildEvidenceTable, describePatterns, EvidenceHits, grow } from './evidence';
import { compileRule, judgeMention, placeWords, Verdict, type CompiledRule } from './rules';
import type { DomainMatch, Mention } from './types';

/** A mention found in one chunk before document-level corroboration is decided. */
export interface Candidate extends Mention {
  /** Needs a corroborating mention of the same vendor elsewhere in the document. */
  needsCorroboration: boolean;
  /** Passed its own rules without needing corroboration, so it corroborates its vendor. */
  corroborates: boolean;
}

export interface DocumentOptions {
  /** Vendors known to be concerned by other means (the page's domain): they corroborate. */
  corroboratingVendors?: Iterable<string>;
}

export interface Matcher {
  /** Mentions in one text taken as a whole document: sorted by start, non-overlapping. */
  matchText(text: string, options?: DocumentOptions): Mention[];
  /** Mentions per text, the texts being parts of one document. */
  matchDocument(texts: readonly string[], options?: DocumentOptions): Mention[][];
  /** Phase 1: candidates in one chunk (local rules applied, overlaps resolved). */
  findCandidates(text: string): Candidate[];
  /** Phase 2: drops candidates lacking corroboration in the document formed by all chunks. */
  resolveCandidates(chunks: readonly Candidate[][], options?: DocumentOptions): Mention[][];
  /** The company a URL's host belongs to, or null (not http(s), IP, unknown host, not a URL). */
  attributeUrl(url: string): DomainMatch | null;
  /** Top-level vendor of an entity id (follows `parent`); the id itself when unknown. */
  vendorOf(entityId: string): string;
  /** Number of distinct folded patterns in the automaton, names and evidence words (for diagnostics and benchmarks). */
  readonly patternCount: number;
}

/** One catalog spelling attached to a folded pattern. */
interface Term {
  entity: string;
  vendor: string;
  /** As written in the catalog. */
  alias: string;
  /** Normalised and canonical, case preserved, for case-sensitive comparison. */
  normalized: string;
  rule: CompiledRule | null;
  /** Matched case-sensitively (rule or acronym policy). */
  caseSensitive: boolean;
  /** A multi-word name: matched only where it keeps its capitals ("Whole Foods", never "whole foods"). */
  capitalsOnly: boolean;
}

interface Pattern {
  length: number;
  /** The pattern starts/ends with a word unit, so a word boundary is required there. */
  boundaryBefore: boolean;
  boundaryAfter: boolean;
  terms: Term[];
}

const ACRONYM = /^[\p{Lu}\p{N}]{2,4}$/u;
const NAME_PATTERN = 1;
const EVIDENCE_PATTERN = 2;
const MULTI_WORD = /[\p{L}\p{N}][\s\-][\p{L}\p{N}]/u;

/** How the automaton reads text: folded, equivalents resolved, invisible units skipped, spaces collapsed, words started. */
const TEXT_UNITS: UnitMapping = {
  mapUnit: (unit) => (isInvisibleUnit(unit) ? SKIP_UNIT : mayCompose(unit) ? CHECK_UNIT : foldUnit(canonicalUnit(unit))),
  collapsible: 0x20,
  // Names and evidence words that start with a letter or digit are found at word starts only.
  isWordUnit,
};
/** In text as it came: a character NFKC would change stops the scan. */
const resolveInRawText: ResolveUnit = (text, index) => (isStableAt(text, index) ? foldUnit(text.charCodeAt(index)) : null);
/** In normalised text: read every unit as it is. */
const resolveInNormalText: ResolveUnit = (text, index) => foldUnit(text.charCodeAt(index));

function buildVendorOf(entities: readonly Entity[]): (id: string) => string {
  const parents = new Map(entities.map((entity) => [entity.id, entity.parent]));
  const cache = new Map<string, string>();
  return (id: string): string => {
    const cached = cache.get(id);
    if (cached !== undefined) return cached;
    let current = id;
    const seen = new Set<string>([current]);
    for (;;) {
      const parent = parents.get(current);
      if (!parent || seen.has(parent)) break;
      seen.add(parent);
      current = parent;
    }
    cache.set(id, current);
    return current;
  };
}

/** Compiles the catalog's companies (entities of type "vendor") and the topics their rules use into a matcher. */
export function compileMatcher(entities: readonly Entity[], topics: readonly Topic[]): Matcher {
  const topicById = new Map(topics.map((topic) => [topic.id, topic]));
  const places = placeWords(topics);
  const vendorOf = buildVendorOf(entities);
  const patternIndex = new Map<string, number>();
  const patterns: Pattern[] = [];
  const folds: string[] = [];
  const domains = new Map<string, DomainTarget>();
  const compiledRules: CompiledRule[] = [];
  /** The pattern id of a folded string, added (with no catalog term) when new. */
  const patternOf = (folded: string): number => {
    let index = patternIndex.get(folded);
    if (index === undefined) {
      index = patterns.length;
      patternIndex.set(folded, index);
      folds.push(folded);
      patterns.push({
        length: folded.length,
        boundaryBefore: isWordUnit(folded.charCodeAt(0)),
        boundaryAfter: isWordUnit(folded.charCodeAt(folded.length - 1)),
        terms: [],
      });
    }
    return index;
  };

  for (const entity of entities) {
    if (entity.type !== 'vendor') continue;
    const vendor = vendorOf(entity.id);
    const rules = new Map<string, AmbiguityRule>(entity.ambiguous.map((rule) => [rule.alias, rule]));
    const seen = new Set<string>();
    for (const alias of [...entity.aliases, ...entity.products]) {
      if (seen.has(alias)) continue;
      seen.add(alias);
      const { text, folded } = normalizeTerm(alias);
      if (folded.length === 0) continue;
      const source = rules.get(alias);
      const rule = source ? compileRule(source, topicById) : null;
      if (rule) rule.evidence = compiledRules.push(rule) - 1;
      const term: Term = {
        entity: entity.id,
        vendor,
        alias,
        normalized: text,
        rule,
        caseSensitive: rule?.caseSensitive === true || ACRONYM.test(text),
        capitalsOnly: MULTI_WORD.test(text) && text !== text.toLowerCase(),
      };
      patterns[patternOf(folded)]?.terms.push(term);
    }
    for (const domain of entity.domains) {
      const key = domain.toLowerCase().replace(/\.$/u, '');
      // The most specific entity wins at equal domain; the first listed otherwise.
      if (!domains.has(key)) domains.set(key, { entity: entity.id, domain: key });
    }
  }
  // Cues, other senses and sentence ends are patterns too: one pass finds names and their evidence.
  const evidence = buildEvidenceTable(compiledRules, places, patternOf, () => patterns.length);
  describePatterns(evidence, folds);
  const automaton = compileAutomaton(folds, TEXT_UNITS);
  // What each pattern is, read once per occurrence: a name of the catalog, evidence for the rules, or both.
  const patternKinds = new Uint8Array(patterns.length);
  patterns.forEach((pattern, id) => {
    patternKinds[id] = (pattern.terms.length > 0 ? NAME_PATTERN : 0) | (evidence.isEvidence[id] === 1 ? EVIDENCE_PATTERN : 0);
  });
  const hits = new EvidenceHits(evidence);
  // Name occurrences of one scan (reused): pattern id, start, end.
  let nameIds = new Int32Array(256);
  let nameStarts = new Int32Array(256);
  let nameEnds = new Int32Array(256);
  let nameCount = 0;
  /** For the names the rules accept: their term and verdict, and their order by start. */
  const acceptedTerms: Term[] = [];
  const acceptedVerdicts: Verdict[] = [];
  let order = new Int32Array(256);

  /** The verdict of acceptTerm's term. */
  let acceptedVerdict: Verdict = Verdict.Reject;
  /** The first of the pattern's terms whose case and rule accept the text there (its verdict in acceptedVerdict), or null. */
  function acceptTerm(pattern: Pattern, text: string, start: number, end: number): Term | null {
    for (const term of pattern.terms) {
      if (term.caseSensitive ? !equalsCanonical(text, start, end, term.normalized) : term.capitalsOnly && !keepsCapitalsOf(text, start, end, term.normalized)) continue;
      acceptedVerdict = term.rule ? judgeMention(term.rule, text, start, end, hits) : Verdict.Counts;
      if (acceptedVerdict !== Verdict.Reject) return term;
    }
    return null;
  }

  function findCandidates(input: string): Candidate[] {
    let normal: NormalizedText | null = null;
    let text = input;
    const onMatch = (id: number, end: number): void => {
      const kind = patternKinds[id] ?? 0;
      if (kind & EVIDENCE_PATTERN) hits.record(id, end);
      if ((kind & NAME_PATTERN) === 0) return;
      const pattern = patterns[id]!;
      // The end first: it needs no walk back ("Meta" in "metadata" stops here).
      if (pattern.boundaryAfter && isWordUnit(unitFrom(text, end))) return;
      const start = matchStart(text, end, pattern.length);
      if (pattern.boundaryBefore && isWordUnit(unitBefore(text, start))) return;
      if (nameCount === nameIds.length) {
        nameIds = grow(nameIds);
        nameStarts = grow(nameStarts);
        nameEnds = grow(nameEnds);
      }
      nameIds[nameCount] = id;
      nameStarts[nameCount] = start;
      nameEnds[nameCount++] = end;
    };
    hits.reset();
    nameCount = 0;
    if (automaton.scan(text, onMatch, resolveInRawText) !== -1) {
      // NFKC changes something here: normalise and start again.
      hits.reset();
      nameCount = 0;
      normal = normalizeText(input);
      text = normal.text;
      automaton.scan(text, onMatch, resolveInNormalText);
    }
    // Rules are judged once the whole text's evidence is known (a cue may follow the name); what
    // they accept is kept in place, in the name buffers, with its term and verdict.
    let kept = 0;
    for (let k = 0; k < nameCount; k++) {
      const start = nameStarts[k] ?? 0;
      const end = nameEnds[k] ?? 0;
      // A place named after a company (Oracle Park) is not the company.
      if (hits.placeFollows(text, end)) continue;
      const accepted = acceptTerm(patterns[nameIds[k] ?? 0]!, text, start, end);
      if (!accepted) continue;
      acceptedTerms[kept] = accepted;
      acceptedVerdicts[kept] = acceptedVerdict;
      nameStarts[kept] = start;
      nameEnds[kept++] = end;
    }
    // Leftmost, then longest alias wins; no overlaps. Hits come in order of end, so they are
    // nearly in order of start already: an insertion sort of their indices is linear here.
    if (order.length < kept) order = new Int32Array(nameIds.length);
    for (let k = 0; k < kept; k++) {
      let at = k;
      const start = nameStarts[k] ?? 0;
      const end = nameEnds[k] ?? 0;
      while (at > 0) {
        const previous = order[at - 1] ?? 0;
        const previousStart = nameStarts[previous] ?? 0;
        if (previousStart < start || (previousStart === start && (nameEnds[previous] ?? 0) >= end)) break;
        order[at] = previous;
        at--;
      }
      order[at] = k;
    }
    const candidates: Candidate[] = [];
    let reached = 0;
    for (let k = 0; k < kept; k++) {
      const index = order[k] ?? 0;
      const start = nameStarts[index] ?? 0;
      if (start < reached) continue;
      const end = nameEnds[index] ?? 0;
      const term = acceptedTerms[index]!;
      const verdict = acceptedVerdicts[index];
      candidates.push({
        vendor: term.vendor,
        entity: term.entity,
        alias: term.alias,
        start: normal ? normal.toOriginalStart(start) : start,
        end: normal ? normal.toOriginalEnd(end) : end,
        needsCorroboration: verdict === Verdict.NeedsDocument,
        corroborates: verdict === Verdict.Counts,
      });
      reached = end;
    }
    return candidates;
  }

  function resolveCandidates(chunks: readonly Candidate[][], options?: DocumentOptions): Mention[][] {
    const corroborated = new Set<string>(options?.corroboratingVendors ?? []);
    for (const chunk of chunks) for (const candidate of chunk) if (candidate.corroborates) corroborated.add(candidate.vendor);
    return chunks.map((chunk) => {
      const mentions: Mention[] = [];
      for (const { vendor, entity, alias, start, end, needsCorroboration } of chunk) {
        if (!needsCorroboration || corroborated.has(vendor)) mentions.push({ vendor, entity, alias, start, end });
      }
      return mentions;
    });
  }

  return {
    patternCount: patterns.length,
    findCandidates,
    resolveCandidates,
    matchDocument: (texts, options) => resolveCandidates(texts.map(findCandidates), options),
    matchText: (text, options) => resolveCandidates([findCandidates(text)], options)[0] ?? [],
    attributeUrl(url) {
      const target = attributeHost(domains, url);
      return target ? { vendor: vendorOf(target.entity), entity: target.entity, domain: target.domain } : null;
    },
    vendorOf,
  };
}
