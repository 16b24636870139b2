// Runs an iterator of small work items in time slices (~4 ms), yielding to the page between
// slices, so no task of ours comes near the 50 ms long-task line. Stops for good on abort, and on
// an error thrown by the work (reported to onError): a hostile page can end one run, never wedge it.

export interface SliceOptions {
  budgetMs?: number;
  signal: AbortSignal;
  /** Schedules the next slice (ctx.setTimeout in the content script, so it dies with the context). */
  schedule: (next: () => void) => void;
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
    const slice = () => {
      if (signal.aborted) return resolve(false);
      const started = now();
      const deadline = started + budgetMs;
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
