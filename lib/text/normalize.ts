// Text normalisation for matching, with an offset map back to the original string.
// Invariants: `text` and `folded` have the same length; `origin[i]` is the UTF-16 index in the
// original text of the code unit that produced normalised unit i, and `origin[length]` is the
// original length, so a normalised range [s, e) maps to the original range [origin[s], origin[e]).

/** A normalised text: NFKC, apostrophes and spaces unified, invisible marks and ® ™ removed. */
export interface NormalizedText {
  /** Normalised, case preserved. */
  text: string;
  /** Same length as `text`, each code unit lower-cased where that keeps the length. */
  folded: string;
  /** Original index of each normalised code unit, plus one final entry (the original length). */
  origin: Int32Array;
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

const foldCache = new Map<number, number>();
function foldCached(unit: number): number {
  if (unit < 0x80) return unit >= 0x41 && unit <= 0x5a ? unit + 0x20 : unit;
  let folded = foldCache.get(unit);
  if (folded === undefined) {
    folded = foldUnit(unit);
    foldCache.set(unit, folded);
  }
  return folded;
}

/** Decodes a buffer of UTF-16 code units into a string, in chunks (apply() has an argument limit). */
function decodeUnits(units: Uint16Array, length: number): string {
  let result = '';
  const chunk = 8192;
  for (let i = 0; i < length; i += chunk) {
    result += String.fromCharCode.apply(null, units.subarray(i, Math.min(length, i + chunk)) as unknown as number[]);
  }
  return result;
}

/** Normalises `input` for matching, keeping the map back to original offsets. */
export function normalizeText(input: string): NormalizedText {
  const length = input.length;
  // NFKC may expand a character (ﬃ → ffi); grow on demand.
  let capacity = length + 16;
  let units = new Uint16Array(capacity);
  let folded = new Uint16Array(capacity);
  let origin = new Int32Array(capacity + 1);
  let out = 0;
  const ensure = (extra: number): void => {
    if (out + extra <= capacity) return;
    capacity = Math.max(capacity * 2, out + extra + 16);
    const nextUnits = new Uint16Array(capacity);
    nextUnits.set(units);
    units = nextUnits;
    const nextFolded = new Uint16Array(capacity);
    nextFolded.set(folded);
    folded = nextFolded;
    const nextOrigin = new Int32Array(capacity + 1);
    nextOrigin.set(origin);
    origin = nextOrigin;
  };

  let i = 0;
  while (i < length) {
    const unit = input.charCodeAt(i);
    const next = i + 1 < length ? input.charCodeAt(i + 1) : 0;
    // Fast path: ASCII not followed by a combining mark is already NFKC.
    if (unit < 0x80 && next < 0x300) {
      if (unit === SPACE || unit === 0x0a || unit === 0x09 || unit === 0x0d || unit === 0x0c) {
        // Whitespace runs collapse to one space so multi-word aliases match across line breaks.
        if (out > 0 && units[out - 1] === SPACE) {
          i++;
          continue;
        }
        units[out] = SPACE;
        folded[out] = SPACE;
        origin[out] = i;
        out++;
        i++;
        continue;
      }
      units[out] = unit;
      folded[out] = unit >= 0x41 && unit <= 0x5a ? unit + 0x20 : unit;
      origin[out] = i;
      out++;
      i++;
      continue;
    }
    const special = unit >= 0x80 ? mapSpecialUnit(unit) : undefined;
    if (special !== undefined) {
      if (special >= 0 && !(special === SPACE && out > 0 && units[out - 1] === SPACE)) {
        ensure(1);
        units[out] = special;
        folded[out] = special;
        origin[out] = i;
        out++;
      }
      i++;
      continue;
    }
    // A cluster: one code point plus the combining marks after it, normalised together.
    let end = i + (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1);
    while (end < length && input.charCodeAt(end) >= 0x300 && COMBINING_MARK.test(input[end] ?? '')) end++;
    const cluster = input.slice(i, end);
    const normal = cluster.normalize('NFKC');
    ensure(normal.length);
    for (let k = 0; k < normal.length; k++) {
      const code = normal.charCodeAt(k);
      const mapped = code >= 0x80 ? mapSpecialUnit(code) : undefined;
      if (mapped === -1) continue;
      const kept = mapped ?? code;
      units[out] = kept;
      folded[out] = foldCached(kept);
      origin[out] = i;
      out++;
    }
    i = end;
  }
  origin[out] = length;
  return { text: decodeUnits(units, out), folded: decodeUnits(folded, out), origin: origin.subarray(0, out + 1) };
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

/**
 * The original end offset of the normalised range ending at `end`: just after the last original
 * character that produced it, so dropped marks that follow (Azure®) stay outside the mention.
 */
export function originalEnd(input: string, normalized: NormalizedText, end: number): number {
  if (end <= 0) return 0;
  let position = (normalized.origin[end - 1] ?? 0) + 1;
  const unit = input.charCodeAt(position - 1);
  if (unit >= 0xd800 && unit <= 0xdbff && position < input.length) position++;
  while (position < input.length && input.charCodeAt(position) >= 0x300 && COMBINING_MARK.test(input[position] ?? '')) {
    position++;
  }
  return position;
}
