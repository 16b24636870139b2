// A multi-pattern automaton (Aho–Corasick compiled to a full DFA over a compact alphabet):
// one pass over the text finds every occurrence of every pattern, whatever their number.
// Patterns are matched code unit by code unit, exactly; callers fold case beforehand.

export interface Automaton {
  /** Patterns as given, indexed by pattern id. */
  readonly patterns: readonly string[];
  /** Calls `onMatch(patternId, end)` for every occurrence, `end` exclusive, in order of end. */
  scan(text: string, onMatch: (patternId: number, end: number) => void): void;
  readonly stateCount: number;
}

/** Compiles the patterns (empty ones are ignored) into an automaton. */
export function compileAutomaton(patterns: readonly string[]): Automaton {
  // Alphabet: each distinct code unit used by a pattern gets a class; every other unit is class 0.
  const classOf = new Uint16Array(0x10000);
  let alphabet = 1;
  let totalUnits = 0;
  for (const pattern of patterns) {
    totalUnits += pattern.length;
    for (let i = 0; i < pattern.length; i++) {
      const unit = pattern.charCodeAt(i);
      if (classOf[unit] === 0) classOf[unit] = alphabet++;
    }
  }
  const maxStates = totalUnits + 1;
  let table = new Int32Array(maxStates * alphabet).fill(-1);
  const ownOutputs: number[][] = [[]];
  let states = 1;
  patterns.forEach((pattern, id) => {
    if (pattern.length === 0) return;
    let state = 0;
    for (let i = 0; i < pattern.length; i++) {
      const cell = state * alphabet + (classOf[pattern.charCodeAt(i)] ?? 0);
      let next = table[cell] ?? -1;
      if (next === -1) {
        next = states++;
        table[cell] = next;
        ownOutputs.push([]);
      }
      state = next;
    }
    ownOutputs[state]?.push(id);
  });
  table = table.slice(0, states * alphabet);

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

  // Flatten outputs; premultiply transitions by the alphabet size so the scan loop only adds.
  const outputStart = new Int32Array(states + 1);
  let outputCount = 0;
  for (let s = 0; s < states; s++) {
    outputStart[s] = outputCount;
    outputCount += outputs[s]?.length ?? 0;
  }
  outputStart[states] = outputCount;
  const outputIds = new Int32Array(outputCount);
  for (let s = 0; s < states; s++) outputIds.set(outputs[s] ?? [], outputStart[s] ?? 0);
  // Encoding: a transition holds the target's premultiplied row, bit-inverted (negative) when
  // the target reports matches, so the scan loop tests one sign instead of a second table.
  for (let i = 0; i < table.length; i++) {
    const target = table[i] ?? 0;
    const reports = (outputStart[target + 1] ?? 0) > (outputStart[target] ?? 0);
    table[i] = reports ? ~(target * alphabet) : target * alphabet;
  }

  return {
    patterns,
    stateCount: states,
    scan(text, onMatch) {
      let row = 0;
      const length = text.length;
      for (let i = 0; i < length; i++) {
        const next = table[row + classOf[text.charCodeAt(i)]!]!;
        if (next >= 0) {
          row = next;
          continue;
        }
        row = ~next;
        const state = row / alphabet;
        const last = outputStart[state + 1]!;
        for (let k = outputStart[state]!; k < last; k++) onMatch(outputIds[k]!, i + 1);
      }
    },
  };
}
