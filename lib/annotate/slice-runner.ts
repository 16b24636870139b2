// Runs an iterator of small work items in time slices (≤ 4 ms, less when the browser's idle
// deadline says so), yielding to the page between slices, so no task of ours comes near the 50 ms
// long-task line. Stops for good on abort, and on an error thrown by the work (reported to
// onError): a hostile page can end one run, never wedge it.

/** What requestIdleCallback hands its callback (a timer fallback hands nothing). */
export interface IdleDeadlineLike {
  timeRemaining(): number;
  readonly didTimeout: boolean;
}

/** Even a slice the idle deadline leaves no room for does this much, so the work always ends. */
const MIN_SLICE_MS = 1;

export interface SliceOptions {
  budgetMs?: number;
  signal: AbortSignal;
  /** Schedules the next slice (ctx-bound idle callback or timer in the content script, so it dies with the context). */
  schedule: (next: (deadline?: IdleDeadlineLike) => void) => void;
  now?: () => number;
  /** Called with each slice's duration (for the benchmark's longest-slice figure). */
  onSlice?: (ms: number) => void;
  /** Called when the work throws; the run then ends as if aborted. */
  onError?: (error: unknown) => void;
}

/** Resolves true when the iterator is exhausted, false when aborted first. */
export function runInSlices(work: Iterator<unknown>, options: SliceOptions): Promise<boolean> {
  const { budgetMs = 4, signal, schedule, now = () => performance.now(), onSlice, onError } = options;
  return new Promise((resolve) => {
    const slice = (idle?: IdleDeadlineLike) => {
      if (signal.aborted) return resolve(false);
      const started = now();
      const room = idle && !idle.didTimeout ? Math.max(MIN_SLICE_MS, Math.min(budgetMs, idle.timeRemaining())) : budgetMs;
      const deadline = started + room;
      let finished = false;
      try {
        do {
          if (work.next().done) {
            finished = true;
            break;
          }
        } while (now() < deadline && !signal.aborted);
      } catch (error) {
        onError?.(error);
        return resolve(false);
      }
      onSlice?.(now() - started);
      if (finished) resolve(!signal.aborted);
      else schedule(slice);
    };
    schedule(slice);
  });
}
