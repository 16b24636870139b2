// The matcher: which catalog companies a text or a URL is about. Pure TypeScript (no Node or DOM
// APIs), compiled once per catalog and used by the content script, the background and the CLI.
//
// Text: normalise (lib/text/normalize) → one Aho–Corasick pass over the case-folded text for every
// alias and product → Unicode word boundaries → per-alias ambiguity rules from the catalog
// (case, neighbouring words, words nearby) → leftmost then longest alias wins, no overlaps → document-level
// corroboration. Offsets in results always refer to the ORIGINAL text.
//
// Document-level API, for `requireCorroboration` (an ambiguous alias counts only when an
// unambiguous alias of the same top-level vendor appears in the same document):
//   - matchDocument(texts) treats the texts (text nodes, blocks, lines…) as one document;
//   - or two phases: findCandidates(text) per chunk as it arrives, then resolveCandidates(all
//     chunks' candidates) once the document is known; matchText(text) = one-chunk document.
// A vendor attributed by the page URL can corroborate too (options.corroboratingVendors).
// Acronym policy: an alias of 2–4 characters written entirely in capitals ("HP", "IBM", "AWS") is
// matched case-sensitively even without a rule, so "hp" and "aws" in running text never match.

import type { AmbiguityRule, Entity } from '../dataset/types';
import { normalizeTerm, normalizeText, isWordUnit } from '../text/normalize';
import { compileAutomaton } from './automaton';
import { attributeHost, type DomainTarget } from './domains';
import { compileRule, passesLocalRule, type CompiledRule } from './rules';
import type { DomainMatch, Mention } from './types';

/** A mention found in one chunk before document-level corroboration is decided. */
export interface Candidate extends Mention {
  /** Needs an unambiguous alias of the same vendor elsewhere in the document. */
  needsCorroboration: boolean;
  /** Is itself an unambiguous alias, so it corroborates its vendor. */
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
  /** Number of distinct folded patterns in the automaton (for diagnostics and benchmarks). */
  readonly patternCount: number;
}

/** One catalog spelling attached to a folded pattern. */
interface Term {
  entity: string;
  vendor: string;
  /** As written in the catalog. */
  alias: string;
  /** Normalised, case preserved, for case-sensitive comparison. */
  normalized: string;
  rule: CompiledRule | null;
  /** Matched case-sensitively (rule or acronym policy). */
  caseSensitive: boolean;
}

interface Pattern {
  length: number;
  /** The pattern starts/ends with a word unit, so a word boundary is required there. */
  boundaryBefore: boolean;
  boundaryAfter: boolean;
  terms: Term[];
}

const ACRONYM = /^[\p{Lu}\p{N}]{2,4}$/u;

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

/** Compiles the catalog's companies (entities of type "vendor") into a matcher. */
export function compileMatcher(entities: readonly Entity[]): Matcher {
  const vendorOf = buildVendorOf(entities);
  const patternIndex = new Map<string, number>();
  const patterns: Pattern[] = [];
  const folds: string[] = [];
  const domains = new Map<string, DomainTarget>();

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
      const rule = source ? compileRule(source) : null;
      const term: Term = {
        entity: entity.id,
        vendor,
        alias,
        normalized: text,
        rule,
        caseSensitive: rule?.caseSensitive === true || ACRONYM.test(text),
      };
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
      patterns[index]?.terms.push(term);
    }
    for (const domain of entity.domains) {
      const key = domain.toLowerCase().replace(/\.$/u, '');
      // The most specific entity wins at equal domain; the first listed otherwise.
      if (!domains.has(key)) domains.set(key, { entity: entity.id, domain: key });
    }
  }
  const automaton = compileAutomaton(folds);

  function acceptTerm(pattern: Pattern, text: string, folded: string, start: number, end: number): Term | null {
    for (const term of pattern.terms) {
      if (term.caseSensitive && text.slice(start, end) !== term.normalized) continue;
      if (term.rule && !passesLocalRule(term.rule, text, folded, start, end, term.normalized)) continue;
      return term;
    }
    return null;
  }

  function findCandidates(input: string): Candidate[] {
    const normal = normalizeText(input);
    const { text, folded } = normal;
    const found: { start: number; end: number; term: Term }[] = [];
    automaton.scan(folded, (id, end) => {
      const pattern = patterns[id];
      if (!pattern) return;
      const start = end - pattern.length;
      if (pattern.boundaryBefore && start > 0 && isWordUnit(folded.charCodeAt(start - 1))) return;
      if (pattern.boundaryAfter && end < folded.length && isWordUnit(folded.charCodeAt(end))) return;
      const term = acceptTerm(pattern, text, folded, start, end);
      if (term) found.push({ start, end, term });
    });
    // Leftmost, then longest alias wins; no overlaps.
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const candidates: Candidate[] = [];
    let reached = 0;
    for (const hit of found) {
      if (hit.start < reached) continue;
      const { term } = hit;
      candidates.push({
        vendor: term.vendor,
        entity: term.entity,
        alias: term.alias,
        start: normal.toOriginalStart(hit.start),
        end: normal.toOriginalEnd(hit.end),
        needsCorroboration: term.rule?.requireCorroboration === true,
        corroborates: term.rule === null,
      });
      reached = hit.end;
    }
    return candidates;
  }

  function resolveCandidates(chunks: readonly Candidate[][], options?: DocumentOptions): Mention[][] {
    const corroborated = new Set<string>(options?.corroboratingVendors ?? []);
    for (const chunk of chunks) for (const candidate of chunk) if (candidate.corroborates) corroborated.add(candidate.vendor);
    return chunks.map((chunk) =>
      chunk
        .filter((candidate) => !candidate.needsCorroboration || corroborated.has(candidate.vendor))
        .map(({ vendor, entity, alias, start, end }) => ({ vendor, entity, alias, start, end })),
    );
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
