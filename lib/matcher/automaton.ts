// A multi-pattern automaton (Aho–Corasick compiled to a full DFA over a compact alphabet):
// one pass over the text finds every occurrence of every pattern, whatever their number.
// The text is scanned as it is, never copied: what each text unit stands for (its lower case, a
// straight apostrophe for a curly one, nothing for a soft hyphen) is asked once per distinct unit
// and kept in the class table, and runs of the collapsible unit (the space) count as one.
// With `isWordUnit`, a pattern that starts with a word unit is found only at the start of a word:
// the automaton itself knows whether the unit before was a word unit, so "it" in "with" or "fence"
// in "defence" is never reported (on mention-dense text about a third of all occurrences, each of
// which the matcher would otherwise receive and discard).

/** `mapUnit` result: the unit is ignored where it stands (a soft hyphen): the state stays. */
export const SKIP_UNIT = -1;
/** `mapUnit` result: the unit's meaning depends on its neighbours; `resolve` is asked at each occurrence. */
export const CHECK_UNIT = -2;

export interface UnitMapping {
  /** The pattern unit a text unit stands for (itself, its lower case…), SKIP_UNIT or CHECK_UNIT. */
  mapUnit(unit: number): number;
  /** A pattern unit whose runs in the text match it once (the space). */
  collapsible?: number;
  /**
   * Word units (of patterns and of mapped text): when given, a pattern starting with one matches
   * only where the unit before it (skipped units aside) is not one, or at the start of the text.
   */
  isWordUnit?: (unit: number) => boolean;
}

/**
 * For a CHECK_UNIT at `index`: the pattern unit it stands for there (SKIP_UNIT allowed), or null
 * to stop the scan there.
 */
export type ResolveUnit = (text: string, index: number) => number | null;

export interface Automaton {
  /** Patterns as given, indexed by pattern id. */
  readonly patterns: readonly string[];
  /**
   * Calls `onMatch(patternId, end)` for every occurrence, `end` exclusive, in order of end.
   * Returns -1 once the whole text is scanned, or the index where `resolve` stopped the scan.
   */
  scan(text: string, onMatch: (patternId: number, end: number) => void, resolve: ResolveUnit): number;
  readonly stateCount: number;
}

/** Compiles the patterns (empty ones are ignored) into an automaton reading text through `mapping`. */
export function compileAutomaton(patterns: readonly string[], mapping: UnitMapping): Automaton {
  // Alphabet: class 0 is "any unit no pattern uses" (not a word unit, with isWordUnit), then one
  // class per pattern unit; with isWordUnit, OTHER_WORD ("any word unit no pattern uses") and
  // BOUNDARY, a unit that never occurs: a word-initial pattern is inserted after it, and the
  // automaton reads it, in effect, before each word (see below); then SKIP (every state stays) and
  // UNSEEN (a unit not classified yet: leave the fast loop).
  const isWord = mapping.isWordUnit;
  const patternClass = new Map<number, number>();
  let totalUnits = 0;
  for (const pattern of patterns) {
    totalUnits += pattern.length;
    for (let i = 0; i < pattern.length; i++) {
      const unit = pattern.charCodeAt(i);
      if (!patternClass.has(unit)) patternClass.set(unit, patternClass.size + 1);
    }
  }
  const otherWordClass = isWord ? patternClass.size + 1 : -1;
  const boundaryClass = isWord ? patternClass.size + 2 : -1;
  const skipClass = patternClass.size + (isWord ? 3 : 1);
  const unseenClass = skipClass + 1;
  const alphabet = unseenClass + 1;
  const collapsibleClass = mapping.collapsible === undefined ? -1 : (patternClass.get(mapping.collapsible) ?? -1);
  /** isWordClass[c]: class c stands for word units. */
  const isWordClass = new Uint8Array(alphabet);
  if (isWord) {
    for (const [unit, unitClass] of patternClass) if (isWord(unit)) isWordClass[unitClass] = 1;
    isWordClass[otherWordClass] = 1;
  }
  /** With isWordUnit: BOUNDARY stands before unit i of the pattern (a word unit at its start or after a unit that is not one). */
  const boundaryBefore = (pattern: string, i: number): boolean =>
    isWord !== undefined && isWord(pattern.charCodeAt(i)) && (i === 0 || !isWord(pattern.charCodeAt(i - 1)));

  // A state per unit and per BOUNDARY at most, and AFTER_WORD (below).
  let boundaries = 0;
  if (isWord) for (const pattern of patterns) for (let i = 0; i < pattern.length; i++) if (boundaryBefore(pattern, i)) boundaries++;
  const maxStates = totalUnits + boundaries + 2;
  let table = new Int32Array(maxStates * alphabet).fill(-1);
  const ownOutputs: number[][] = [[]];
  /** The class of the unit that leads into each state (-1 for the root). */
  const incoming: number[] = [-1];
  let states = 1;
  patterns.forEach((pattern, id) => {
    if (pattern.length === 0) return;
    let state = 0;
    const step = (unitClass: number): void => {
      const cell = state * alphabet + unitClass;
      let next = table[cell] ?? -1;
      if (next === -1) {
        next = states++;
        table[cell] = next;
        ownOutputs.push([]);
        incoming.push(unitClass);
      }
      state = next;
    };
    for (let i = 0; i < pattern.length; i++) {
      if (boundaryBefore(pattern, i)) step(boundaryClass);
      step(patternClass.get(pattern.charCodeAt(i)) ?? 0);
    }
    ownOutputs[state]?.push(id);
  });
  // With isWordUnit, room for AFTER_WORD's row.
  table = table.slice(0, (isWord ? states + 1 : states) * alphabet);

  // Breadth-first: failure links, then missing transitions borrowed from the failure state.
  const fail = new Int32Array(states);
  const outputs: number[][] = ownOutputs.map((own) => own.slice());
  const queue = new Int32Array(states);
  let head = 0;
  let tail = 0;
  for (let c = 0; c < alphabet; c++) {
    const next = table[c] ?? -1;
    if (next === -1) table[c] = 0;
    else {
      fail[next] = 0;
      queue[tail++] = next;
    }
  }
  while (head < tail) {
    const state = queue[head++] ?? 0;
    const failRow = (fail[state] ?? 0) * alphabet;
    const row = state * alphabet;
    for (let c = 0; c < alphabet; c++) {
      const next = table[row + c] ?? -1;
      if (next === -1) {
        table[row + c] = table[failRow + c] ?? 0;
      } else {
        const target = table[failRow + c] ?? 0;
        fail[next] = target;
        const inherited = outputs[target];
        if (inherited && inherited.length > 0) outputs[next]?.push(...inherited);
        queue[tail++] = next;
      }
    }
  }
  /** The AFTER_WORD state (with isWordUnit), else -1. */
  let afterWord = -1;
  if (isWord) {
    // Word starts. The Aho–Corasick table above reads BOUNDARY as a unit, which every pattern
    // holds before each word it starts (its first one, if it starts with a word unit, and any after
    // a space or a hyphen in it). The text never holds it, so a word unit read where the unit before
    // was not one is read as BOUNDARY then that unit: next(s, c) = next(next(s, BOUNDARY), c).
    // Whether the unit before was a word unit is known from the state (the class that leads into
    // it), except in the root, which is split in two: the root
    // (start of text, or after a unit no pattern continues that is not a word unit) and AFTER_WORD
    // (the same after a word unit), which reads every unit as the root would without the boundary.
    afterWord = states++;
    incoming.push(otherWordClass);
    outputs.push([]);
    // In place: AFTER_WORD first (it reads the root's row before that is rewritten); the states
    // BOUNDARY leads into are never current, and their rows are read as they are.
    for (let k = 0; k < states; k++) {
      const s = k === 0 ? afterWord : k - 1;
      if (incoming[s] === boundaryClass) continue;
      const source = s === afterWord ? 0 : s;
      const wordBefore = s === afterWord || (s !== 0 && isWordClass[incoming[s] ?? 0] === 1);
      const boundaryRow = (table[source * alphabet + boundaryClass] ?? 0) * alphabet;
      for (let c = 0; c < alphabet; c++) {
        let target = !wordBefore && isWordClass[c] === 1 ? (table[boundaryRow + c] ?? 0) : (table[source * alphabet + c] ?? 0);
        if (target === 0 && isWordClass[c] === 1) target = afterWord;
        table[s * alphabet + c] = target;
      }
    }
  }
  // A skipped unit leaves every state as it is; so does a repeat of the collapsible unit after it.
  for (let s = 0; s < states; s++) {
    table[s * alphabet + skipClass] = s;
    if (collapsibleClass > 0 && incoming[s] === collapsibleClass) table[s * alphabet + collapsibleClass] = s;
  }

  // Renumber states breadth-first, so the shallow states every scan keeps returning to share a few
  // cache lines (insertion order scatters them across the table: measured 1.4-2x on the catalog).
  const order = new Int32Array(states);
  const rank = new Int32Array(states);
  let ranked0 = 0;
  order[ranked0++] = 0;
  if (afterWord >= 0) order[ranked0++] = afterWord;
  for (let k = 0; k < tail; k++) order[ranked0++] = queue[k] ?? 0;
  for (let k = 0; k < states; k++) rank[order[k] ?? 0] = k;

  // Flatten outputs; premultiply transitions by the alphabet size so the scan loop only adds.
  const outputStart = new Int32Array(states + 1);
  let outputCount = 0;
  for (let k = 0; k < states; k++) {
    outputStart[k] = outputCount;
    outputCount += outputs[order[k] ?? 0]?.length ?? 0;
  }
  outputStart[states] = outputCount;
  const outputIds = new Int32Array(outputCount);
  for (let k = 0; k < states; k++) outputIds.set(outputs[order[k] ?? 0] ?? [], outputStart[k] ?? 0);
  // Encoding: a transition holds the target's premultiplied row, or, when the target reports
  // matches, its state number bit-inverted (negative), so the scan loop tests one sign instead of a
  // second table and finds the target's outputs without dividing by the alphabet size.
  // UNSEEN is a negative value below every report: the one rare case handled out of the loop.
  // A skip or a collapsed repeat stays in place without reporting again.
  const UNSEEN = ~states;
  const ranked = new Int32Array(states * alphabet);
  for (let s = 0; s < states; s++) {
    const row = (rank[s] ?? 0) * alphabet;
    for (let c = 0; c < alphabet; c++) {
      const target = table[s * alphabet + c] ?? 0;
      const to = rank[target] ?? 0;
      const stays = target === s && (c === skipClass || c === collapsibleClass);
      const reports = !stays && (outputStart[to + 1] ?? 0) > (outputStart[to] ?? 0);
      ranked[row + c] = c === unseenClass ? UNSEEN : reports ? ~to : to * alphabet;
    }
  }
  table = ranked;

  // Text unit → class: every unit starts UNSEEN and is classified on first sight.
  const classOf = new Uint16Array(0x10000).fill(unseenClass);
  const classFor = (unit: number): number =>
    unit === SKIP_UNIT ? skipClass : (patternClass.get(unit) ?? (isWord !== undefined && isWord(unit) ? otherWordClass : 0));

  return {
    patterns,
    stateCount: states,
    scan(text, onMatch, resolve) {
      let row = 0;
      const length = text.length;
      for (let i = 0; i < length; i++) {
        const unit = text.charCodeAt(i);
        let next = table[row + classOf[unit]!]!;
        if (next >= 0) {
          row = next;
          continue;
        }
        if (next === UNSEEN) {
          let mapped = mapping.mapUnit(unit);
          if (mapped !== CHECK_UNIT) classOf[unit] = classFor(mapped);
          else {
            const resolved = resolve(text, i);
            if (resolved === null) return i;
            mapped = resolved;
          }
          next = table[row + classFor(mapped)]!;
          if (next >= 0) {
            row = next;
            continue;
          }
        }
        const state = ~next;
        row = state * alphabet;
        const last = outputStart[state + 1]!;
        for (let k = outputStart[state]!; k < last; k++) onMatch(outputIds[k]!, i + 1);
      }
      return -1;
    },
  };
}
