// Reads a text as the story scanner compares it: folded words (numbers written with group separators
// joined, "19 000" and "19,000" are "19000"), and marks for the figures with a unit and the dates it
// states, in English and French: "19,000 hours" and « 19 000 heures » are both `f:19000:hour`,
// "$10 million" and « 10 millions de dollars » both `f:10000000:USD`, "October 2023" and « octobre
// 2023 » both `d:2023-10`. Pure; the same reading serves the dataset's texts and the page's.
import { canonicalUnit, foldText, isInvisibleUnit, isWordUnit, normalizeText } from '../text/normalize';

export interface StoryWord {
  /** Case-folded (lib/text/normalize), or the number's value for a number ("19000", "1.2"). */
  folded: string;
  start: number;
  end: number;
  /** Starts with an upper-case letter (proper nouns, acronyms). */
  capital: boolean;
  /** A number (digits, joined across group separators). */
  number: number | null;
}

export interface StoryMark {
  /** `f:<value>:<unit>` for a figure, `d:<yyyy>-<mm>` for a month. */
  key: string;
  /** Where it was read in the (normalised) text, for labels. */
  start: number;
  end: number;
}

export interface StoryReading {
  /** The text as read (NFKC where that changes anything): offsets refer to it. */
  text: string;
  words: StoryWord[];
  marks: StoryMark[];
}


const CURRENCY_BEFORE: Record<string, string> = { '$': 'USD', usd: 'USD', 'us$': 'USD', '€': 'EUR', eur: 'EUR', '£': 'GBP', gbp: 'GBP', '₪': 'ILS', nis: 'ILS', ils: 'ILS', '¥': 'CNY', rmb: 'CNY' };
/** "A$", "C$", "HK$": the word before a dollar sign names the dollar. */
const DOLLAR_PREFIX: Record<string, string> = { us: 'USD', a: 'AUD', au: 'AUD', c: 'CAD', ca: 'CAD', hk: 'HKD', nz: 'NZD', s: 'SGD' };
const CURRENCY_AFTER: Record<string, string> = {
  '$': 'USD', dollar: 'USD', dollars: 'USD', usd: 'USD', '€': 'EUR', euro: 'EUR', euros: 'EUR', eur: 'EUR',
  '£': 'GBP', pound: 'GBP', pounds: 'GBP', livre: 'GBP', livres: 'GBP', gbp: 'GBP', sterling: 'GBP',
  '₪': 'ILS', shekel: 'ILS', shekels: 'ILS', nis: 'ILS', ils: 'ILS', yuan: 'CNY', rmb: 'CNY', cny: 'CNY', '¥': 'CNY',
};
/** Scale words; the one-letter ones ("$10M", "10 M$") count only beside a currency. */
const SCALES: Record<string, number> = {
  thousand: 1e3, k: 1e3, million: 1e6, millions: 1e6, mn: 1e6, mio: 1e6, m: 1e6, billion: 1e9, billions: 1e9,
  bn: 1e9, b: 1e9, milliard: 1e9, milliards: 1e9, md: 1e9, mds: 1e9, mrd: 1e9, trillion: 1e12, tn: 1e12,
};
const LETTER_SCALES = new Set(['k', 'm', 'b']);
/** Units other than money, English and French. */
const UNITS: Record<string, string> = {
  hour: 'hour', hours: 'hour', heure: 'hour', heures: 'hour', day: 'day', days: 'day', jour: 'day', jours: 'day',
  week: 'week', weeks: 'week', semaine: 'week', semaines: 'week', '%': 'percent', percent: 'percent', pct: 'percent',
  times: 'times', fois: 'times', employee: 'employee', employees: 'employee', employé: 'employee', employés: 'employee',
  employes: 'employee', salarié: 'employee', salariés: 'employee', worker: 'employee', workers: 'employee',
  soldier: 'soldier', soldiers: 'soldier', soldat: 'soldier', soldats: 'soldier', troops: 'soldier',
  drone: 'drone', drones: 'drone', satellite: 'satellite', satellites: 'satellite', people: 'person', personnes: 'person',
};
/** Words that may stand between a figure and its unit: "10 millions de dollars", "19 000 heures". */
const LINKS = new Set(['of', 'de', 'd', 'us', 'american', 'américains', 'americains', 'sterling']);
/** "multiplied by 64", « multiplié par 64 ». */
const TIMES_BEFORE: readonly (readonly [string, string])[] = [['multiplied', 'by'], ['multiplié', 'par'], ['multiplie', 'par']];

const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12, janvier: 1, février: 2, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7,
  août: 8, aout: 8, septembre: 9, octobre: 10, novembre: 11, décembre: 12, decembre: 12,
};

/** The English and French month names, folded, with and without accents. */
export const MONTH_NAMES: readonly string[] = Object.keys(MONTHS);

/** True when `folded` is an English or French month name. */
export function isMonthName(folded: string): boolean {
  return Object.prototype.hasOwnProperty.call(MONTHS, folded);
}

/** An ASCII digit: numbers are runs of them (a token is cut where digits meet letters). */
export const isDigitUnit = (unit: number): boolean => unit >= 0x30 && unit <= 0x39;

/** The word starting at `start` is capitalised: its first character is not its own lower case. */
export function isCapitalAt(text: string, start: number): boolean {
  const unit = text.charCodeAt(start);
  if (unit < 0x80) return unit >= 0x41 && unit <= 0x5a;
  const char = text.charAt(start);
  return char !== char.toLowerCase();
}

interface RawToken {
  text: string;
  start: number;
  end: number;
  digits: boolean;
}

/** True for a symbol read as a word of its own: a currency ($ £ ¥ ₪ €) or the percent sign. */
export function isSymbolUnit(unit: number): boolean {
  // Unit by unit: asked of every unit between words, no string made.
  return unit === 0x24 || unit === 0x25 || unit === 0xa3 || unit === 0xa5 || unit === 0x20aa || unit === 0x20ac;
}

/**
 * Runs of word units, cut where digits meet letters ("10M" → "10", "M"); symbols alone. From `from`
 * (a token's start), at most `limit` tokens.
 */
function rawTokens(text: string, from = 0, limit = Infinity): RawToken[] {
  const tokens: RawToken[] = [];
  let start = -1;
  let digits = false;
  /** The run holds an invisible unit (a soft hyphen inside a word), to be dropped from its text. */
  let invisible = false;
  const flush = (end: number) => {
    if (start >= 0) {
      let chars = text.slice(start, end);
      if (invisible) chars = [...chars].filter((char) => !isInvisibleUnit(char.charCodeAt(0))).join('');
      if (chars) tokens.push({ text: chars, start, end, digits });
    }
    start = -1;
    invisible = false;
  };
  for (let i = from; i < text.length && tokens.length < limit; i++) {
    const unit = text.charCodeAt(i);
    if (isInvisibleUnit(unit)) {
      invisible = true; // a soft hyphen inside a word keeps it whole
      continue;
    }
    if (isWordUnit(unit)) {
      const digit = isDigitUnit(unit);
      if (start >= 0 && digit !== digits) flush(i);
      if (start < 0) {
        start = i;
        digits = digit;
      }
      continue;
    }
    flush(i);
    if (isSymbolUnit(unit)) tokens.push({ text: text.charAt(i), start: i, end: i + 1, digits: false });
  }
  if (tokens.length < limit) flush(text.length);
  return tokens;
}

/** The one separator between two tokens, canonical (a no-break space is a space), or '' for anything else. */
function separator(text: string, from: number, to: number): string {
  let found = '';
  for (let i = from; i < to; i++) {
    const unit = text.charCodeAt(i);
    if (isInvisibleUnit(unit)) continue;
    if (found) return '';
    found = String.fromCharCode(canonicalUnit(unit));
  }
  return found;
}

/** Joins "19" "000" across one group separator, and "1" "2" across a decimal point, into numbers. */
function readWords(text: string, raw: RawToken[]): StoryWord[] {
  const words: StoryWord[] = [];
  for (let i = 0; i < raw.length; i++) {
    const token = raw[i]!;
    if (!token.digits) {
      words.push({ folded: foldText(token.text), start: token.start, end: token.end, capital: isCapitalAt(text, token.start), number: null });
      continue;
    }
    let digits = token.text;
    let end = token.end;
    let next = raw[i + 1];
    // Thousands groups: "19,000", "19 000", "19.000", "1'200'000" (the first group has 1 to 3 digits).
    const groupSep = digits.length <= 3 && next?.digits && next.text.length === 3 ? separator(text, end, next.start) : '';
    if (groupSep === ',' || groupSep === '.' || groupSep === ' ' || groupSep === "'") {
      while (next?.digits && next.text.length === 3 && separator(text, end, next.start) === groupSep) {
        digits += next.text;
        end = next.end;
        i++;
        next = raw[i + 1];
      }
    }
    let value = Number(digits);
    let folded = String(value);
    // A decimal: "1.2", « 1,2 » (not followed by a three-digit group, read above).
    if (next?.digits && next.text.length !== 3 && end === token.end) {
      const sep = separator(text, end, next.start);
      if (sep === '.' || sep === ',') {
        folded = `${Number(digits)}.${next.text}`;
        value = Number(folded);
        end = next.end;
        i++;
      }
    }
    words.push({ folded, start: token.start, end, capital: false, number: value });
  }
  return words;
}

/**
 * The words of (normalised) `text` from the token that starts at `from`, at least `count` of them
 * where the text has them, read exactly as readStory reads the whole text (the last word needed is
 * complete: a number's groups are joined). For the scanner, which reads words only where it must.
 */
export function readWordsAt(text: string, from: number, count: number): StoryWord[] {
  for (let limit = count + 8; ; limit *= 2) {
    const raw = rawTokens(text, from, limit);
    const words = readWords(text, raw);
    if (raw.length < limit || words.length > count) return words;
  }
}

/** How many words after the number readFigure may read ("1.2 billion in US dollars", "15 per cent"). */
export const FIGURE_WORDS_AFTER = 5;

/** The figure that starts at the number words[i], if it has a unit: its key and extent (it reads words[i - 2] to words[i + FIGURE_WORDS_AFTER]). */
export function readFigure(words: StoryWord[], i: number): StoryMark | null {
  const number = words[i]!;
  let value = number.number!;
  let start = number.start;
  let currency: string | null = null;
  const before = words[i - 1];
  if (before && Object.prototype.hasOwnProperty.call(CURRENCY_BEFORE, before.folded)) {
    currency = CURRENCY_BEFORE[before.folded]!;
    start = before.start;
    const prefix = words[i - 2];
    if (before.folded === '$' && prefix && prefix.end === before.start && Object.prototype.hasOwnProperty.call(DOLLAR_PREFIX, prefix.folded)) {
      currency = DOLLAR_PREFIX[prefix.folded]!;
      start = prefix.start;
    }
  }
  let j = i + 1;
  let end = number.end;
  const scaleWord = words[j]?.folded ?? '';
  const scale = Object.prototype.hasOwnProperty.call(SCALES, scaleWord) ? SCALES[scaleWord]! : 0;
  const afterScale = words[j + 1]?.folded ?? '';
  const currencyNext = Object.prototype.hasOwnProperty.call(CURRENCY_AFTER, afterScale);
  if (scale && (!LETTER_SCALES.has(scaleWord) || currency !== null || currencyNext)) {
    value *= scale;
    end = words[j]!.end;
    j++;
  }
  let unit: string | null = currency;
  if (unit === null) {
    let k = j;
    while (k < j + 2 && words[k] && LINKS.has(words[k]!.folded)) k++;
    const word = words[k]?.folded ?? '';
    if (Object.prototype.hasOwnProperty.call(CURRENCY_AFTER, word)) unit = CURRENCY_AFTER[word]!;
    else if (Object.prototype.hasOwnProperty.call(UNITS, word) && (k === j || word !== 'times')) unit = UNITS[word]!;
    else if ((word === 'per' || word === 'pour') && words[k + 1]?.folded === 'cent') {
      unit = 'percent';
      k++;
    }
    if (unit !== null) end = words[k]!.end;
  }
  if (unit === null) {
    const [first, second] = [words[i - 2]?.folded, words[i - 1]?.folded];
    if (TIMES_BEFORE.some(([a, b]) => a === first && b === second)) {
      unit = 'times';
      start = words[i - 2]!.start;
    }
  }
  if (unit === null) return null;
  return { key: `f:${Math.round(value * 1000) / 1000}:${unit}`, start, end };
}

/** A month named with its year: "October 2023", « octobre 2023 », "October 24, 2024". */
export function readDate(words: StoryWord[], i: number): StoryMark | null {
  const month = MONTHS[words[i]!.folded];
  if (month === undefined) return null;
  let j = i + 1;
  const day = words[j]?.number;
  if (day !== undefined && day !== null && Number.isInteger(day) && day >= 1 && day <= 31 && words[j]!.folded.length <= 2) j++;
  const year = words[j]?.number;
  if (year === undefined || year === null || !Number.isInteger(year) || year < 1900 || year > 2099) return null;
  return { key: `d:${year}-${String(month).padStart(2, '0')}`, start: words[i]!.start, end: words[j]!.end };
}

/**
 * A word as phrases compare it: a final "s" of a longer word dropped, so "registres de population"
 * reads as "registre de population" and "units" as "unit" (the same rule on both sides).
 */
export function phraseWord(folded: string): string {
  return folded.length > 3 && folded.endsWith('s') ? folded.slice(0, -1) : folded;
}

export function readStory(input: string): StoryReading {
  const { text } = normalizeText(input);
  const words = readWords(text, rawTokens(text));
  const marks: StoryMark[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const mark = word.number !== null ? readFigure(words, i) : readDate(words, i);
    if (mark) marks.push(mark);
  }
  return { text, words, marks };
}
