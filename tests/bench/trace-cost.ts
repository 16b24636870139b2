// Reads a Chromium performance trace (CDP Tracing, with the V8 sampling profiler) for what one
// extension cost the page's main thread: time in its scripts before and after the load event, its
// longest share of any one task, and the tasks ≥ 50 ms it took part in. Pure: events in, figures out.

/** The fields of Chrome trace events we read. */
export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      frame?: string;
      isMainFrame?: boolean;
      url?: string;
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string; functionName?: string };
}

export interface ScriptCost {
  /** Our main-thread time (sampled JS with our script on the stack, plus compiling it) before the load event, ms. */
  beforeLoadMs: number;
  afterLoadMs: number;
  /** The most of our time inside any one main-thread task, ms. */
  longestTaskShareMs: number;
  /** Main-thread tasks of ≥ 50 ms in which our code ran ≥ 1 ms. */
  longTasksWithUs: number;
}

/** A sample gap longer than this is idle time between samples, not ours. */
const MAX_SAMPLE_GAP_US = 2000;

/** `frame`: the page's main frame id (CDP Page.getFrameTree), whose load event splits before from after. */
export function measureScriptCost(events: readonly TraceEvent[], urlPrefix: string, frame: string): ScriptCost {
  const load = events.filter((e) => e.name === 'MarkLoad' && e.args?.data?.frame === frame).pop();
  if (!load) throw new Error(`trace has no MarkLoad event for frame ${frame}`);
  const { pid, tid } = load;
  const onMain = (e: TraceEvent) => e.pid === pid && e.tid === tid;
  const loadTs = load.ts;

  // Our time as intervals [start, end) in µs, from the sampling profiler of the page's main thread.
  const ours: Array<[number, number]> = [];
  const profiles = new Map<string, { time: number; nodes: Map<number, ProfileNode>; isOurs: Map<number, boolean>; last: { at: number; ours: boolean } | null }>();
  for (const event of events) {
    // Profile comes from the sampled thread, its chunks from V8's profiler thread of the same process.
    if (event.pid !== pid || event.id === undefined) continue;
    if (event.name === 'Profile' && event.tid !== tid) continue;
    if (event.name === 'Profile') {
      profiles.set(event.id, { time: event.args?.data?.startTime ?? event.ts, nodes: new Map(), isOurs: new Map(), last: null });
      continue;
    }
    if (event.name !== 'ProfileChunk') continue;
    const profile = profiles.get(event.id);
    const data = event.args?.data;
    if (!profile || !data) continue;
    for (const node of data.cpuProfile?.nodes ?? []) profile.nodes.set(node.id, node);
    const isOurs = (id: number): boolean => {
      const known = profile.isOurs.get(id);
      if (known !== undefined) return known;
      const node = profile.nodes.get(id);
      const result = !!node && ((node.callFrame.url ?? '').startsWith(urlPrefix) || (node.parent !== undefined && isOurs(node.parent)));
      profile.isOurs.set(id, result);
      return result;
    };
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      profile.time += deltas[i] ?? 0;
      const last = profile.last;
      if (last?.ours && profile.time - last.at <= MAX_SAMPLE_GAP_US) ours.push([last.at, profile.time]);
      profile.last = { at: profile.time, ours: isOurs(samples[i] as number) };
    }
  }
  // Compiling our script happens outside JS samples.
  for (const event of events) {
    if (!onMain(event) || event.ph !== 'X' || !event.dur) continue;
    if (/compile/i.test(event.name) && (event.args?.data?.url ?? '').startsWith(urlPrefix)) ours.push([event.ts, event.ts + event.dur]);
  }

  let beforeLoad = 0;
  let afterLoad = 0;
  for (const [start, end] of ours) {
    if (end <= loadTs) beforeLoad += end - start;
    else if (start >= loadTs) afterLoad += end - start;
    else {
      beforeLoad += loadTs - start;
      afterLoad += end - loadTs;
    }
  }

  ours.sort((a, b) => a[0] - b[0]);
  let longestShare = 0;
  let longTasks = 0;
  const tasks = events.filter((e) => onMain(e) && e.name === 'RunTask' && e.ph === 'X' && (e.dur ?? 0) > 0);
  let cursor = 0;
  for (const task of tasks.sort((a, b) => a.ts - b.ts)) {
    const end = task.ts + (task.dur ?? 0);
    while (cursor < ours.length && (ours[cursor] as [number, number])[1] <= task.ts) cursor++;
    let share = 0;
    for (let i = cursor; i < ours.length && (ours[i] as [number, number])[0] < end; i++) {
      const [s, e] = ours[i] as [number, number];
      share += Math.min(e, end) - Math.max(s, task.ts);
    }
    longestShare = Math.max(longestShare, share);
    if ((task.dur ?? 0) >= 50_000 && share >= 1000) longTasks++;
  }
  return {
    beforeLoadMs: beforeLoad / 1000,
    afterLoadMs: afterLoad / 1000,
    longestTaskShareMs: longestShare / 1000,
    longTasksWithUs: longTasks,
  };
}
