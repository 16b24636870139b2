// Text normalisation for matching, with an offset map back to the original string.
// Invariants: `text` and `folded` have the same length; a normalised range [s, e) maps to the
// original range [toOriginalStart(s), toOriginalEnd(e)). Untouched stretches are copied, not
// rebuilt unit by unit: that is what makes normalisation cheap on real text.

/** A normalised text: NFKC, apostrophes and spaces unified, invisible marks and ® ™ removed. */
export interface NormalizedText {
  /** Normalised, case preserved. */
  text: string;
  /** Same length as `text`, each code unit lower-cased where that keeps the length. */
  folded: string;
  /** Original index of the character that produced normalised unit `index`. */
  toOriginalStart(index: number): number;
  /** Original index just after the character that produced normalised unit `end - 1`. */
  toOriginalEnd(end: number): number;
}

const APOSTROPHE = 0x27;
const SPACE = 0x20;
const COMBINING_MARK = /\p{M}/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** What a non-ASCII code unit becomes before NFKC: -1 drops it, otherwise a replacement unit. */
function mapSpecialUnit(unit: number): number | undefined {
  switch (unit) {
    case 0x00ad: // soft hyphen
    case 0x200b: // zero-width space
    case 0x200c: // zero-width non-joiner
    case 0x200d: // zero-width joiner
    case 0x2060: // word joiner
    case 0xfeff: // BOM / zero-width no-break space
    case 0x00ae: // ®
    case 0x2122: // ™
      return -1;
    case 0x2019: // ’
    case 0x2018: // ‘
    case 0x02bc: // ʼ modifier letter apostrophe
    case 0x2032: // ′ prime, often typed as an apostrophe
      return APOSTROPHE;
    case 0x00a0: // no-break space
    case 0x202f: // narrow no-break space
    case 0x2007: // figure space
    case 0x2009: // thin space
      return SPACE;
    default:
      return undefined;
  }
}

/** Lower-cases one code unit when the result is a single code unit; ASCII takes the fast path. */
function foldUnit(unit: number): number {
  if (unit < 0x80) return unit >= 0x41 && unit <= 0x5a ? unit + 0x20 : unit;
  if (unit >= 0xd800 && unit <= 0xdfff) return unit;
  const lower = String.fromCharCode(unit).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : unit;
}

/** Folded unit + 1 per code unit, 0 while not yet computed. */
const foldTable = new Uint16Array(0x10000);
function foldCached(unit: number): number {
  if (unit < 0x80) return unit >= 0x41 && unit <= 0x5a ? unit + 0x20 : unit;
  let folded = foldTable[unit] ?? 0;
  if (folded === 0) {
    folded = foldUnit(unit) + 1;
    foldTable[unit] = folded;
  }
  return folded - 1;
}

/**
 * What needs rewriting; everything else (printable ASCII, common precomposed Latin letters) is
 * already NFKC and is copied as is. Alternatives: a whitespace run of two or more, or one code
 * unit outside the safe ranges (surrogate pairs and combining marks are joined up in the loop:
 * without the `u` flag this scan is twice as fast).
 */
const REWRITE =
  /[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]{2,}|[^\x20-\x7e\u00c0-\u0131\u0134-\u013e\u0141-\u0148\u014a-\u017e]/g;

function isCombiningAt(input: string, index: number): boolean {
  return input.charCodeAt(index) >= 0x300 && COMBINING_MARK.test(input.charAt(index));
}

const WHITESPACE = /^[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/u;

/** Replaces or drops the special characters (apostrophes, spaces, invisible marks, ® ™). */
function mapSpecials(text: string): string {
  let result = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const mapped = unit >= 0x80 ? mapSpecialUnit(unit) : undefined;
    if (mapped === -1) continue;
    result += mapped === undefined ? text.charAt(i) : String.fromCharCode(mapped);
  }
  return result;
}

/** Rewritten short pieces: the same few characters (’, NBSP, ®) recur throughout a page. */
const pieceCache = new Map<string, string>();

/** Normalises one rewritten piece (a regex match of REWRITE), through the cache when short. */
function rewritePiece(piece: string): string {
  if (piece.length > 2) return rewritePieceUncached(piece);
  let result = pieceCache.get(piece);
  if (result === undefined) {
    result = rewritePieceUncached(piece);
    if (pieceCache.size < 4096) pieceCache.set(piece, result);
  }
  return result;
}

function rewritePieceUncached(piece: string): string {
  if (WHITESPACE.test(piece)) return ' ';
  // Specials first (NFKC would turn ™ into "TM"), then NFKC, then specials it may produce.
  return mapSpecials(mapSpecials(piece).normalize('NFKC'));
}

/** Folds text unit by unit: the native lower-casing when it keeps every unit in place. */
function foldText(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = foldCached(text.charCodeAt(i));
  let result = '';
  for (let i = 0; i < units.length; i += 8192) {
    result += String.fromCharCode.apply(null, units.subarray(i, i + 8192) as unknown as number[]);
  }
  return result;
}

/** Normalises `input` for matching, keeping the map back to original offsets. */
export function normalizeText(input: string): NormalizedText {
  const pieces: string[] = [];
  // Segment k starts at normalised index normStart[k] and original index origStart[k]; an
  // identity segment maps unit by unit, a rewritten one maps every unit to its whole source.
  const normStart: number[] = [0];
  const origStart: number[] = [0];
  const origEnd: number[] = [-1];
  let normLength = 0;
  let copiedUpTo = 0;
  REWRITE.lastIndex = 0;
  for (let match = REWRITE.exec(input); match !== null; match = REWRITE.exec(input)) {
    let start = match.index;
    let stop = start + match[0].length;
    const unit = input.charCodeAt(start);
    if (unit >= 0xd800 && unit <= 0xdbff && stop === start + 1) {
      const low = input.charCodeAt(stop);
      if (low >= 0xdc00 && low <= 0xdfff) stop++;
    }
    // NFKC composes a character with the marks after it: normalise them together.
    while (stop < input.length && isCombiningAt(input, stop)) stop++;
    if (start > copiedUpTo && isCombiningAt(input, start)) start--;
    REWRITE.lastIndex = stop;
    const source = input.slice(start, stop);
    if (start > copiedUpTo) {
      if (normLength > 0 || copiedUpTo > 0) {
        normStart.push(normLength);
        origStart.push(copiedUpTo);
        origEnd.push(-1);
      }
      pieces.push(input.slice(copiedUpTo, start));
      normLength += start - copiedUpTo;
    }
    let piece = rewritePiece(source);
    // A collapsed space right after a space (" \u00ad\n") would still leave two.
    if (piece.startsWith(' ') && pieces.length > 0 && (pieces[pieces.length - 1] ?? '').endsWith(' ')) piece = piece.slice(1);
    if (piece.length > 0) {
      normStart.push(normLength);
      origStart.push(start);
      origEnd.push(start + source.length);
      pieces.push(piece);
      normLength += piece.length;
    }
    copiedUpTo = start + source.length;
  }
  if (copiedUpTo < input.length) {
    if (normLength > 0 || copiedUpTo > 0) {
      normStart.push(normLength);
      origStart.push(copiedUpTo);
      origEnd.push(-1);
    }
    pieces.push(input.slice(copiedUpTo));
    normLength += input.length - copiedUpTo;
  }
  const text = pieces.length === 1 ? (pieces[0] ?? '') : pieces.join('');
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
    folded: foldText(text),
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

/** Normalises a catalog string (alias, rule word) the same way as page text. */
export function normalizeTerm(term: string): { text: string; folded: string } {
  const { text, folded } = normalizeText(term.trim().replace(/\s+/gu, ' '));
  return { text, folded };
}
