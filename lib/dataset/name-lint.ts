// Lints the catalog's names: a one-word alias or product that is also a dictionary word (English or
// French), a person's first name or surname, or another company's name must have a rule saying how
// it is evidenced. Multi-word names need none: the matcher matches them with their capitals only
// ("Whole Foods", never "whole foods"). Pure: the word lists come in through `NameLexicon`
// (lib/cli/name-lexicon.ts loads the maintained ones in Node).
import type { Entity } from './types';
import type { DatasetProblem } from './validate';

export interface NameLexicon {
  /** True for a dictionary word, given in lower case ("oracle", "lattice", "modèle"). */
  isWord(lowerCase: string): boolean;
  /** True for a first name or surname, given as written ("Claude", "Dell"). */
  isPersonName(name: string): boolean;
  /** True for a company or brand name, given as written ("Lattice", "Ampere"). */
  isCompanyName(name: string): boolean;
}

/** Why a one-word name needs a rule, or null when it reads as the company alone (or has several words). */
export function describeAmbiguity(name: string, lexicon: NameLexicon): string | null {
  // Short all-capital acronyms are matched case-sensitively by the matcher's acronym policy.
  if (/^[\p{Lu}\p{N}]{2,4}$/u.test(name)) return null;
  const words = name.split(/[\s\-–]+/u).filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (words.length !== 1) return null;
  const word = (words[0] ?? '').replace(/[.,]+$/u, '');
  if (lexicon.isWord(word.toLowerCase())) return 'a dictionary word';
  if (lexicon.isPersonName(word)) return "a person's name";
  return lexicon.isCompanyName(word) ? "another company's name" : null;
}

/** Every vendor name that needs a rule and lacks one. */
export function lintNames(entities: readonly Entity[], lexicon: NameLexicon, file = 'entities.json'): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  for (const entity of entities) {
    if (entity.type !== 'vendor') continue;
    const rules = new Map(entity.ambiguous.map((rule) => [rule.alias, rule]));
    const own = new Set([entity.name, ...entity.aliases]);
    for (const [list, names] of [['aliases', entity.aliases], ['products', entity.products]] as const) {
      names.forEach((name, index) => {
        let why = describeAmbiguity(name, lexicon);
        // The company's own name in the company list is the company itself, not another one.
        if (why === "another company's name" && own.has(name)) why = null;
        if (!why) return;
        if (!rules.has(name)) problems.push({ file, id: entity.id, field: `${list}[${index}]`, message: `"${name}" is ${why}: it needs a rule in "ambiguous"` });
      });
    }
  }
  return problems;
}
