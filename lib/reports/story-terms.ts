// The distinctive terms of each finding's story, derived from the record itself: its units, the
// products named, its customer (every name, English and French), the figures with their units and
// the months its title and summary state, the proper nouns that both its English and French texts
// name, and any extra `terms` the dataset lists. Company and publisher names are never terms: a
// page naming Microsoft or the Guardian tells no story by that alone.
import type { Dataset, Entity, Finding, Lang, Localized } from '../dataset/types';
import { formatDate, formatMoney } from '../present/format';
import { isMonthName, phraseWord, readStory, type StoryWord } from './story-tokens';

/**
 * unit, name (proper noun), figure and extra terms can tell a story; product, customer and date
 * terms only add to one (a product review names products; many stories share a customer or a month).
 */
export type TermKind = 'unit' | 'name' | 'figure' | 'extra' | 'product' | 'customer' | 'date';

export interface StoryTerm {
  /** `p:<folded words>` for a phrase, `c:<entity id>` for a customer, `f:…` / `d:…` for figures and months. */
  key: string;
  label: Localized;
  kind: TermKind;
  /** Word sequences (phraseWord) that each mean the term; none for figures and months (their key is the mark). */
  phrases: string[][];
  /** A name counts only where its first word is capitalised ("Services", never "services"). */
  cased?: boolean;
}

/** What every finding's terms are derived against, built once per dataset. */
export interface TermContext {
  entities: ReadonlyMap<string, Entity>;
  /** Folded phrases that are never terms (company names, publishers, catalog products). */
  excluded: ReadonlySet<string>;
  /** Folded phrase → the military it names. */
  militaries: ReadonlyMap<string, string>;
  /** Folded names of the outlets the dataset cites: a name listed beside one is an outlet too ("Local Call"). */
  publishers: ReadonlySet<string>;
  /** The excluded phrases and the militaries' names, keyed by first word (built once). */
  knownNames: PhraseMap;
}

/** The words of a name as the scanner compares them (folded, see phraseWord). */
export function phraseOf(text: string): string[] {
  let words = phraseCache.get(text);
  if (!words) {
    words = readStory(text).words.map((word) => phraseWord(word.folded));
    // The same names (customers, products, publishers) come back for finding after finding.
    if (phraseCache.size < 10_000) phraseCache.set(text, words);
  }
  return [...words];
}

const phraseCache = new Map<string, string[]>();

/** Drops a trailing explanation: "Rolling Stone (population-registry system)" → "Rolling Stone". */
function splitParenthetical(name: string): { main: string; aside: string | null } {
  const match = /^(.*?)\s*\(([^()]*)\)\s*$/u.exec(name);
  return match ? { main: match[1]!.trim(), aside: match[2]!.trim() } : { main: name.trim(), aside: null };
}

/** An aside that is itself a name (an acronym such as NUDT), not a description. */
const isAcronym = (text: string) => /^[\p{Lu}\d&.-]{2,}$/u.test(text);

export function buildTermContext(dataset: Pick<Dataset, 'entities' | 'findings'>): TermContext {
  const excluded = new Set<string>();
  const militaries = new Map<string, string>();
  const add = (into: Set<string>, text: string) => {
    const phrase = phraseOf(text).join(' ');
    if (phrase) into.add(phrase);
  };
  for (const entity of dataset.entities) {
    const names = [entity.name, ...entity.aliases, ...Object.values(entity.names ?? {}).flatMap((list) => list ?? [])];
    if (entity.type === 'military') {
      for (const name of names) {
        const phrase = phraseOf(name).join(' ');
        if (phrase && !militaries.has(phrase)) militaries.set(phrase, entity.id);
      }
      continue;
    }
    for (const name of [...names, ...entity.products]) add(excluded, name);
  }
  const publishers = new Set<string>();
  for (const finding of dataset.findings) for (const source of finding.sources) add(publishers, source.publisher);
  for (const publisher of publishers) excluded.add(publisher);
  const knownNames = mapPhrases([...excluded, ...militaries.keys()]);
  return { entities: new Map(dataset.entities.map((entity) => [entity.id, entity])), excluded, militaries, publishers, knownNames };
}

const CONNECTORS = new Set(['of', 'for', 'the', 'de', 'du', 'des', 'la', 'le', 'les', 'd', 'l']);
const LIST_WORDS = new Set(['and', 'et']);

/** Which words of a reading are known names, and which of those are outlets. */
interface Coverage {
  known: boolean[];
  outlet: boolean[];
}
const MIN_NAME_LETTERS = 3;

/** Phrases keyed by their first word, for findPhrases. */
type PhraseMap = ReadonlyMap<string, readonly string[][]>;

function mapPhrases(phrases: Iterable<string>): Map<string, string[][]> {
  const byFirst = new Map<string, string[][]>();
  for (const phrase of phrases) {
    const parts = phrase.split(' ');
    const list = byFirst.get(parts[0]!) ?? [];
    list.push(parts);
    byFirst.set(parts[0]!, list);
  }
  return byFirst;
}

/** Occurrences of known phrases in a word list: [start, end) word ranges with the phrase. */
function findPhrases(words: readonly StoryWord[], maps: readonly PhraseMap[]): Array<{ from: number; to: number; phrase: string }> {
  const found: Array<{ from: number; to: number; phrase: string }> = [];
  for (let i = 0; i < words.length; i++) {
    const first = phraseWord(words[i]!.folded);
    for (const map of maps) {
      for (const parts of map.get(first) ?? []) {
        if (parts.every((part, k) => words[i + k] !== undefined && phraseWord(words[i + k]!.folded) === part)) found.push({ from: i, to: i + parts.length, phrase: parts.join(' ') });
      }
    }
  }
  return found;
}

/** True when the text between two words keeps them in one name: spaces, hyphens, or the dot of an initial ("U.S."). */
function joins(text: string, left: StoryWord, right: StoryWord): boolean {
  const gap = text.slice(left.end, right.start);
  if (/^[\s\u00a0\u202f-]+$/u.test(gap) || gap === '') return true;
  return /^\.\s*$/u.test(gap) && left.end - left.start === 1 && left.capital;
}

/** True for the first word of a sentence (capitalised whatever it is). */
function startsSentence(reading: ReturnType<typeof readStory>, i: number): boolean {
  if (i === 0) return true;
  const gap = reading.text.slice(reading.words[i - 1]!.end, reading.words[i]!.start);
  return /[.!?:«»"“”]/u.test(gap);
}

const contains = (haystack: readonly string[], needle: readonly string[]) =>
  haystack.some((_, i) => needle.every((part, k) => haystack[i + k] === part));

/**
 * Proper nouns of the English text that the French text names too ("Rolling Stone", "Nimbus"):
 * maximal runs of capitalised words (numbers and "of"/"de" inside allowed), outside known names and
 * not listed with an outlet; of a run the French text lacks, its parts are tried, longest first.
 * Sentence-initial words fall out on their own (French does not capitalise "According" or "Report").
 */
function properNouns(
  english: string,
  french: { words: readonly string[]; capitalised: ReadonlySet<string> },
  covered: (reading: ReturnType<typeof readStory>) => Coverage,
): Array<{ words: string[]; label: string }> {
  const reading = readStory(english);
  const { words, text } = reading;
  const { known: skip, outlet } = covered(reading);
  const usable = (i: number) => !skip[i] && !isMonthName(words[i]!.folded);
  // "+972 Magazine, Local Call and The Guardian reported": a name in a list with an outlet is an outlet.
  const besideOutlet = (edge: number, step: -1 | 1): boolean => {
    let k = edge;
    if (words[k] && LIST_WORDS.has(words[k]!.folded)) k += step;
    if (!words[k] || !outlet[k]) return false;
    const [left, right] = step < 0 ? [words[k]!, words[edge + 1]!] : [words[edge - 1]!, words[k]!];
    return /^[\s,&]*(?:and|et)?[\s,&]*$/u.test(text.slice(left.end, right.start));
  };
  const listedWithOutlet = (from: number, to: number) => besideOutlet(from - 1, -1) || besideOutlet(to, 1);
  const nouns: Array<{ words: string[]; label: string }> = [];
  /** Names seen listed with an outlet: outlets wherever else they stand (a title's "+972 and Local Call"). */
  const outlets = new Set<string>();
  /** Accepts words[from, to) as a name; 'outlet' when it is listed with an outlet (then no part of it is a name either). */
  const accept = (from: number, to: number): boolean | 'outlet' => {
    const parts = words.slice(from, to).map((word) => word.folded);
    const letters = parts.join('').replace(/\d/gu, '').length;
    if (letters < MIN_NAME_LETTERS || !contains(french.words, parts)) return false;
    // One word alone must be a capitalised word of the French text too ("Nimbus", not "Forces").
    if (parts.length === 1 && !french.capitalised.has(parts[0]!)) return false;
    if (listedWithOutlet(from, to)) {
      outlets.add(parts.join(' '));
      return 'outlet';
    }
    nouns.push({ words: parts, label: text.slice(words[from]!.start, words[to - 1]!.end) });
    return true;
  };
  for (let i = 0; i < words.length; i++) {
    if (!words[i]!.capital || !usable(i)) continue;
    let end = i + 1;
    while (end < words.length && usable(end) && joins(text, words[end - 1]!, words[end]!)) {
      const word = words[end]!;
      if (word.capital || word.number !== null) end++;
      else if (CONNECTORS.has(word.folded) && words[end + 1]?.capital && usable(end + 1) && joins(text, word, words[end + 1]!)) end += 2;
      else break;
    }
    // A run the French text lacks as a whole ("President Brad Smith") may hold a name ("Brad Smith"): longest parts first.
    if (accept(i, end) === false) {
      let taken = i;
      for (let length = end - i - 1; length >= 1; length--) {
        for (let from = Math.max(i, taken); from + length <= end; from++) {
          if (!words[from]!.capital || !words[from + length - 1]!.capital) continue;
          if (accept(from, from + length) !== false) taken = from + length;
        }
      }
    }
    i = end - 1;
  }
  return nouns.filter((noun) => !outlets.has(noun.words.join(' ')));
}

function localized(en: string, fr?: string): Localized {
  return { en, fr: fr ?? en };
}

/** A customer's name in French where the catalog has one, capitalised. */
function frenchName(entity: Entity): string {
  const local = entity.names?.fr?.[0];
  return local ? local.charAt(0).toLocaleUpperCase('fr') + local.slice(1) : entity.name;
}

/** Every story term of one finding, each key once, in the order: units, extra, customer, products, names, figures, months. */
export function deriveStoryTerms(finding: Finding, context: TermContext): StoryTerm[] {
  const terms = new Map<string, StoryTerm>();
  const addPhrase = (kind: TermKind, label: Localized, variants: readonly string[]) => {
    const phrases = variants.map(phraseOf).filter((words) => words.length > 0);
    const [first] = phrases;
    if (!first) return;
    const key = `p:${first.join(' ')}`;
    if (!terms.has(key) && !context.excluded.has(first.join(' '))) terms.set(key, { key, label, kind, phrases, ...(kind === 'name' ? { cased: true } : {}) });
  };
  const addMark = (kind: TermKind, key: string, label: Localized) => {
    if (!terms.has(key)) terms.set(key, { key, label, kind, phrases: [] });
  };
  const addCustomer = (id: string) => {
    const entity = context.entities.get(id);
    const key = `c:${id}`;
    if (!entity || terms.has(key)) return;
    const names = [entity.name, ...entity.aliases, ...Object.values(entity.names ?? {}).flatMap((list) => list ?? [])];
    terms.set(key, { key, label: localized(entity.name, frenchName(entity)), kind: 'customer', phrases: names.map(phraseOf).filter((words) => words.length > 0) });
  };

  for (const unit of finding.units ?? []) {
    const { main, aside } = splitParenthetical(unit);
    const variants = [main];
    // "Unit 8200" is « unité 8200 » in French.
    if (/^unit\s/iu.test(main)) variants.push(main.replace(/^unit/iu, 'unité'));
    if (aside && isAcronym(aside)) variants.push(aside);
    addPhrase('unit', localized(main, main.replace(/^unit(?=\s)/iu, 'Unité')), variants);
  }
  for (const extra of finding.terms ?? []) {
    const marks = readStory(extra).marks;
    const whole = marks.length === 1 && phraseOf(extra).length <= 6 ? marks[0] : undefined;
    if (whole) addMark('extra', whole.key, localized(extra));
    else addPhrase('extra', localized(extra), [extra]);
  }
  if (finding.customer) addCustomer(finding.customer);
  for (const product of finding.products ?? []) {
    const { main } = splitParenthetical(product);
    const phrase = phraseOf(main);
    const key = `p:${phrase.join(' ')}`;
    // Catalog products are excluded as names, yet they are this finding's products.
    if (phrase.length && !terms.has(key)) terms.set(key, { key, label: localized(main), kind: 'product', phrases: [phrase] });
  }

  const english = `${finding.title.en}. ${finding.summary.en}`;
  const french = `${finding.title.fr}. ${finding.summary.fr}`;
  const ownPhrases = mapPhrases(new Set([...terms.values()].flatMap((term) => term.phrases.map((words) => words.join(' ')))));
  const covered = (reading: ReturnType<typeof readStory>): Coverage => {
    const mask = reading.words.map(() => false);
    const outlet = reading.words.map(() => false);
    for (const { from, to, phrase } of findPhrases(reading.words, [context.knownNames, ownPhrases])) {
      for (let k = from; k < to; k++) {
        mask[k] = true;
        if (context.publishers.has(phrase)) outlet[k] = true;
      }
      const military = context.militaries.get(phrase);
      if (military) addCustomer(military);
    }
    return { known: mask, outlet };
  };
  // The French words outside known names ("The Guardian" lends no "the" to an English name).
  const frenchReading = readStory(french);
  const frenchMask = covered(frenchReading).known;
  const frenchWords = frenchReading.words.map((word, i) => (frenchMask[i] ? '' : word.folded));
  const capitalised = new Set(frenchReading.words.filter((word, i) => word.capital && !frenchMask[i] && !startsSentence(frenchReading, i)).map((word) => word.folded));
  for (const noun of properNouns(english, { words: frenchWords, capitalised }, covered)) addPhrase('name', localized(noun.label), [noun.label]);

  // Figures and months, labelled as each language writes them.
  const labels = new Map<string, Partial<Record<Lang, string>>>();
  for (const [lang, text] of [['en', english], ['fr', french]] as const) {
    const reading = readStory(text);
    for (const mark of reading.marks) {
      const entry = labels.get(mark.key) ?? {};
      entry[lang] ??= reading.text.slice(mark.start, mark.end);
      labels.set(mark.key, entry);
    }
  }
  if (finding.amount) {
    const key = `f:${finding.amount.value}:${finding.amount.currency}`;
    const entry = labels.get(key) ?? {};
    entry.en ??= formatMoney(finding.amount.value, finding.amount.currency, 'en');
    entry.fr ??= formatMoney(finding.amount.value, finding.amount.currency, 'fr');
    labels.set(key, entry);
  }
  const month = /^(\d{4})-(\d{2})/u.exec(finding.date);
  if (month) labels.set(`d:${month[1]}-${month[2]}`, labels.get(`d:${month[1]}-${month[2]}`) ?? {});
  for (const [key, entry] of labels) {
    const isDate = key.startsWith('d:');
    const en = isDate ? formatDate(key.slice(2), 'en') : entry.en ?? entry.fr!;
    const fr = isDate ? formatDate(key.slice(2), 'fr') : entry.fr ?? entry.en!;
    addMark(isDate ? 'date' : 'figure', key, { en, fr });
  }
  return [...terms.values()];
}
