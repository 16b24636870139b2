// Text normalisation for matching, with an offset map back to the original string.
// Two layers, so that ordinary text is never rebuilt:
//   - normalizeText rewrites only what NFKC changes (ligatures, full-width or mathematical
//     letters, a letter written with a combining accent). Text without any comes back as it is.
//   - everything else is resolved unit by unit by whoever reads the text, with the helpers below:
//     case (foldUnit), equivalents (canonicalUnit: ’ is ', a no-break space or a line break is a
//     space), invisible units (soft hyphen, zero-width characters, ® ™: isInvisibleUnit) and runs
//     of spaces, which count as one. The matcher's automaton bakes all of them into its classes.
// A normalised range [s, e) maps to the original range [toOriginalStart(s), toOriginalEnd(e)).

/** A text with NFKC's rewrites done; case, equivalents, invisible units and space runs left in place. */
export interface NormalizedText {
  /** NFKC where it changes anything, otherwise the input itself. */
  text: string;
  /** Original index of the character that produced normalised unit `index`. */
  toOriginalStart(index: number): number;
  /** Original index just after the character that produced normalised unit `end - 1`. */
  toOriginalEnd(end: number): number;
}
const APOSTROPHE = 0x27;
const SPACE = 0x20;
const COMBINING_MARK = /\p{M}/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Ignored wherever they appear: they only affect how a word is displayed. */
const INVISIBLE_UNITS = [0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ae, 0x2122];
// soft hyphen, zero-width space / non-joiner / joiner, word joiner, BOM, ®, ™

/** Each code unit that counts as another one, paired with it: apostrophes and spacing characters. */
const EQUIVALENT_UNITS: readonly (readonly [unit: number, canonical: number])[] = [
  // ’ ‘ ʼ (modifier letter apostrophe) ′ (prime)
  ...[0x2019, 0x2018, 0x02bc, 0x2032].map((unit) => [unit, APOSTROPHE] as const),
  ...[0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008,
    0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000].map((unit) => [unit, SPACE] as const),
];

/** A unit's canonical unit, 0 where it is its own (no unit has NUL as its canonical one): filling a table of every unit with itself cost ~2 ms at each start of the service worker. */
const canonicalTable = new Uint16Array(0x10000);
for (const [unit, canonical] of EQUIVALENT_UNITS) canonicalTable[unit] = canonical;
const invisibleTable = new Uint8Array(0x10000);
for (const unit of INVISIBLE_UNITS) invisibleTable[unit] = 1;

/** The unit a code unit stands for: ’ is ', a no-break space or a line break is a space. */
export function canonicalUnit(unit: number): number {
  return canonicalTable[unit] || unit;
}

/** True for the units ignored wherever they stand (soft hyphen, zero-width characters, ® ™). */
export function isInvisibleUnit(unit: number): boolean {
  return invisibleTable[unit] === 1;
}

/** Folded unit + 1 per code unit, 0 while not yet computed. */
const foldTable = new Uint16Array(0x10000);

/** Case-folds one code unit (its lower case when that is one unit): the same fold for patterns and text. */
export function foldUnit(unit: number): number {
  if (unit < 0x80) return unit >= 0x41 && unit <= 0x5a ? unit + 0x20 : unit;
  let folded = foldTable[unit] ?? 0;
  if (folded === 0) {
    const lower = unit >= 0xd800 && unit <= 0xdfff ? '' : String.fromCharCode(unit).toLowerCase();
    folded = (lower.length === 1 ? lower.charCodeAt(0) : unit) + 1;
    foldTable[unit] = folded;
  }
  return folded - 1;
}

/** Units foldText cannot leave to the native lower-casing: equivalents, invisible units, Σ (final-sigma rule). */
const NEEDS_UNIT_FOLD = /[\t-\r\u00a0\u00ad\u00ae\u02bc\u03a3\u1680\u2000-\u200d\u2018\u2019\u2028\u2029\u202f\u2032\u205f\u2060\u2122\u3000\ufeff]/;

/** Folds and canonicalises a short string unit by unit, invisible units left out (words, catalog terms). */
export function foldText(text: string): string {
  // The native lower-casing maps each unit as foldUnit does when it keeps the length (Σ aside).
  if (!NEEDS_UNIT_FOLD.test(text)) {
    const lower = text.toLowerCase();
    if (lower.length === text.length) return lower;
  }
  let result = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (!isInvisibleUnit(unit)) result += String.fromCharCode(foldUnit(canonicalUnit(unit)));
  }
  return result;
}

/**
 * True when normalised text[start, end) reads as `target` (canonical, case kept): invisible units
 * ignored, equivalents resolved, a run of spaces read as one.
 */
export function equalsCanonical(text: string, start: number, end: number, target: string): boolean {
  let j = 0;
  let afterSpace = false;
  for (let i = start; i < end; i++) {
    const unit = text.charCodeAt(i);
    if (isInvisibleUnit(unit)) continue;
    const canonical = canonicalUnit(unit);
    if (canonical === SPACE && afterSpace) continue;
    if (canonical !== target.charCodeAt(j)) return false;
    afterSpace = canonical === SPACE;
    j++;
  }
  return j === target.length;
}

/**
 * True when [start, end) of `text` keeps the capitals of `target` (canonical, case preserved): each
 * upper-case unit of the target is upper-case there too; other units may be of either case. Read as
 * equalsCanonical reads, so it is only asked of a range the automaton matched to `target`.
 */
export function keepsCapitalsOf(text: string, start: number, end: number, target: string): boolean {
  let j = 0;
  let afterSpace = false;
  for (let i = start; i < end && j < target.length; i++) {
    const unit = text.charCodeAt(i);
    if (isInvisibleUnit(unit)) continue;
    const canonical = canonicalUnit(unit);
    if (canonical === SPACE && afterSpace) continue;
    const wanted = target.charCodeAt(j);
    if (wanted !== foldUnit(wanted) && canonical !== wanted) return false;
    afterSpace = canonical === SPACE;
    j++;
  }
  return true;
}

/**
 * Where a match of `length` canonical units that ends at `end` starts, read backwards the way
 * the automaton read forwards (invisible units and repeated spaces do not count).
 */
export function matchStart(text: string, end: number, length: number): number {
  let i = end;
  let counted = 0;
  let beforeSpace = false;
  while (i > 0 && counted < length) {
    i--;
    const unit = text.charCodeAt(i);
    if (isInvisibleUnit(unit)) continue;
    const space = canonicalUnit(unit) === SPACE;
    if (space && beforeSpace) continue;
    beforeSpace = space;
    counted++;
  }
  return i;
}

/** The nearest unit before `index` that is not invisible, or NaN at the start. */
export function unitBefore(text: string, index: number): number {
  let i = index - 1;
  while (i >= 0 && isInvisibleUnit(text.charCodeAt(i))) i--;
  return text.charCodeAt(i);
}

/** The nearest unit at or after `index` that is not invisible, or NaN at the end. */
export function unitFrom(text: string, index: number): number {
  let i = index;
  while (i < text.length && isInvisibleUnit(text.charCodeAt(i))) i++;
  return text.charCodeAt(i);
}

/** Hangul medial vowels and final consonants compose with the syllable before them. */
const isJamoMedialOrFinal = (unit: number): boolean => unit >= 0x1160 && unit <= 0x11ff;

// What NFKC may do to a unit, found on first sight: bit 1 set once known, bit 2 "may compose"
// (it or what it follows may change), bit 4 "combining" (a mark or a medial/final jamo, which
// composes with the unit before it).
const KNOWN = 1;
const MAY_COMPOSE = 2;
const COMBINING = 4;
const composeInfo = new Uint8Array(0x10000);

function composeInfoOf(unit: number): number {
  let info = composeInfo[unit] ?? 0;
  if (info === 0) {
    const char = String.fromCharCode(unit);
    const combining = unit >= 0x300 && (COMBINING_MARK.test(char) || isJamoMedialOrFinal(unit));
    // Equivalents (NBSP, typographic spaces) and invisible units (™) are read as they are, not rewritten.
    const special = canonicalUnit(unit) !== unit || isInvisibleUnit(unit);
    const composes = unit >= 0x80 && !special && (combining || (unit >= 0xd800 && unit <= 0xdfff) || char.normalize('NFKC') !== char);
    info = KNOWN | (composes ? MAY_COMPOSE : 0) | (combining ? COMBINING : 0);
    composeInfo[unit] = info;
  }
  return info;
}

/**
 * True when NFKC may change this unit or compose it with the one before: combining marks,
 * surrogates, compatibility characters. normalizeText leaves everything else as it is.
 */
export function mayCompose(unit: number): boolean {
  return unit >= 0x80 && (composeInfoOf(unit) & MAY_COMPOSE) !== 0;
}

function isCombiningAt(input: string, index: number): boolean {
  const unit = input.charCodeAt(index);
  return unit >= 0x300 && (composeInfoOf(unit) & COMBINING) !== 0;
}

/** The piece NFKC must see for a unit that mayCompose: its character (a surrogate pair is one), its marks, and the character before a leading mark. */
function composedPieceAt(input: string, index: number, from: number): { start: number; stop: number } {
  let start = index;
  let stop = index + 1;
  const unit = input.charCodeAt(index);
  if (unit >= 0xd800 && unit <= 0xdbff && stop < input.length) {
    const low = input.charCodeAt(stop);
    if (low >= 0xdc00 && low <= 0xdfff) stop++;
  }
  while (stop < input.length && isCombiningAt(input, stop)) stop++;
  if (start > from && isCombiningAt(input, start)) start--;
  return { start, stop };
}

/** Drops invisible units (before NFKC, which would turn ™ into "TM", and after it). */
function dropInvisible(text: string): string {
  let result = '';
  for (let i = 0; i < text.length; i++) if (!isInvisibleUnit(text.charCodeAt(i))) result += text.charAt(i);
  return result;
}

/** Composed short pieces: the same few characters (ﬁ, é written with a mark) recur throughout a page. */
const pieceCache = new Map<string, string>();

/** NFKC of one piece, cached when short. */
function composePiece(piece: string): string {
  const compose = (source: string): string => {
    const visible = dropInvisible(source);
    const composed = visible.normalize('NFKC');
    return composed === visible ? source : dropInvisible(composed);
  };
  if (piece.length > 3) return compose(piece);
  let result = pieceCache.get(piece);
  if (result === undefined) {
    result = compose(piece);
    if (pieceCache.size < 4096) pieceCache.set(piece, result);
  }
  return result;
}

/**
 * True when NFKC leaves the piece at `index` (a unit that mayCompose) as it is: the text can be
 * read there without normalizeText. A low surrogate after its high one is part of that piece.
 */
export function isStableAt(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  if (unit >= 0xdc00 && unit <= 0xdfff && index > 0) {
    const high = text.charCodeAt(index - 1);
    if (high >= 0xd800 && high <= 0xdbff) return true;
  }
  // A mark, or a high surrogate, is judged with its neighbour (the unit before, the low half
  // after): one cached answer per pair, since scripts written with marks repeat the same pairs.
  const combining = (composeInfoOf(unit) & COMBINING) !== 0;
  const high = unit >= 0xd800 && unit <= 0xdbff;
  if (combining || high) {
    const other = combining ? (index > 0 ? text.charCodeAt(index - 1) : -1) : index + 1 < text.length ? text.charCodeAt(index + 1) : -1;
    const key = combining ? other * 0x10000 + unit : unit * 0x10000 + other;
    let stable = stablePairs.get(key);
    if (stable === undefined) {
      const pair = other < 0 ? String.fromCharCode(unit) : combining ? String.fromCharCode(other, unit) : String.fromCharCode(unit, other);
      stable = dropInvisible(pair).normalize('NFKC') === dropInvisible(pair);
      if (stablePairs.size < 65536) stablePairs.set(key, stable);
    }
    return stable;
  }
  // Any other unit that may compose is one NFKC changes on its own (a ligature, a full-width letter).
  return false;
}

/** NFKC-stable pairs (key: first unit × 0x10000 + second), see isStableAt. */
const stablePairs = new Map<number, boolean>();

/**
 * Normalises `input` for matching, keeping the map back to original offsets: each piece NFKC
 * changes is replaced and opens an offset segment; a text without such a piece is returned as is.
 */
export function normalizeText(input: string): NormalizedText {
  const length = input.length;
  const pieces: string[] = [];
  // Segment k starts at normalised index normStart[k] and original index origStart[k]; an
  // identity segment (origEnd -1) maps unit by unit, a rewritten one maps every unit to its whole source.
  const normStart: number[] = [0];
  const origStart: number[] = [0];
  const origEnd: number[] = [-1];
  let normLength = 0;
  /** Input before this index has been emitted. */
  let copiedUpTo = 0;

  for (let i = 0; i < length; ) {
    if (!mayCompose(input.charCodeAt(i))) {
      i++;
      continue;
    }
    const { start, stop } = composedPieceAt(input, i, copiedUpTo);
    i = stop;
    const source = input.slice(start, stop);
    const piece = composePiece(source);
    if (piece === source) continue;
    if (start > copiedUpTo) {
      pieces.push(input.slice(copiedUpTo, start));
      normLength += start - copiedUpTo;
    }
    let last = normStart.length - 1;
    if (piece.length > 0) {
      // A segment that has not covered any unit yet is replaced rather than followed.
      if (normStart[last] !== normLength) last = normStart.push(normLength) - 1;
      origStart[last] = start;
      origEnd[last] = stop;
      pieces.push(piece);
      normLength += piece.length;
    }
    if (normStart[last] !== normLength) last = normStart.push(normLength) - 1;
    origStart[last] = stop;
    origEnd[last] = -1;
    copiedUpTo = stop;
  }
  if (copiedUpTo === 0) return identity(input);
  if (copiedUpTo < length) pieces.push(input.slice(copiedUpTo));
  const text = pieces.join('');

  const findSegment = (index: number): number => {
    let low = 0;
    let high = normStart.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((normStart[middle] ?? 0) <= index) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  return {
    text,
    toOriginalStart(index) {
      if (index >= text.length) return input.length;
      const k = findSegment(index);
      const end = origEnd[k] ?? -1;
      return end >= 0 ? (origStart[k] ?? 0) : (origStart[k] ?? 0) + index - (normStart[k] ?? 0);
    },
    toOriginalEnd(end) {
      if (end <= 0) return 0;
      const k = findSegment(end - 1);
      const sourceEnd = origEnd[k] ?? -1;
      return sourceEnd >= 0 ? sourceEnd : (origStart[k] ?? 0) + end - (normStart[k] ?? 0);
    },
  };
}

/** A text that needed no rewriting: offsets map to themselves. */
function identity(text: string): NormalizedText {
  return {
    text,
    toOriginalStart: (index) => Math.min(Math.max(index, 0), text.length),
    toOriginalEnd: (end) => Math.min(Math.max(end, 0), text.length),
  };
}

/** True for a letter, digit or combining mark: the characters that make up a word. */
export function isWordUnit(unit: number): boolean {
  if (unit < 0x80) {
    return (unit >= 0x30 && unit <= 0x39) || (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x61 && unit <= 0x7a);
  }
  // Surrogate halves count as word units: astral letters are rare in running text, and this
  // errs towards "no boundary", i.e. towards not matching.
  if (unit >= 0xd800 && unit <= 0xdfff) return true;
  let known = wordUnitCache[unit] ?? 0;
  if (known === 0) {
    known = WORD_CHAR.test(String.fromCharCode(unit)) ? 1 : 2;
    wordUnitCache[unit] = known;
  }
  return known === 1;
}

/** 0 = not yet known, 1 = word unit, 2 = not a word unit. */
const wordUnitCache = new Uint8Array(0x10000);

/**
 * Normalises a catalog string (alias, rule word) to what the automaton matches: NFKC, invisible
 * units dropped, equivalents resolved, spaces collapsed. `text` keeps the case (for
 * case-sensitive comparison), `folded` is the pattern.
 */
export function normalizeTerm(term: string): { text: string; folded: string } {
  const { text } = normalizeText(term);
  let canonical = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (!isInvisibleUnit(unit)) canonical += String.fromCharCode(canonicalUnit(unit));
  }
  canonical = canonical.trim().replace(/ {2,}/gu, ' ');
  return { text: canonical, folded: foldText(canonical) };
}
