// The content script's side of "this page reports": the page's visible text, as the annotator reads
// it, goes to the background in bounded batches, where the story scanner runs per tab. Deliberately
// thin: when matching moves to the background, its own text batches feed the scanner and this goes.
import { MESSAGE_LIMITS } from '../messaging';

export interface StoryFeedOptions {
  send: (chunks: string[]) => void;
  schedule: (callback: () => void, ms: number) => void;
}

/** A story is told in a page's first pages of text: what lies beyond is not sent. */
export const STORY_FEED_MAX_CHARS = 200_000;
const FEED_DELAY_MS = 400;

export class StoryFeed {
  private pending: string[] = [];
  private queued = 0;
  private scheduled = false;

  constructor(private readonly options: StoryFeedOptions) {}

  /** Queues a text segment (cut to what the message allows); sends after a short pause. */
  add(text: string): void {
    const room = STORY_FEED_MAX_CHARS - this.queued;
    if (room <= 0 || !/\S/u.test(text)) return;
    const chunk = text.slice(0, Math.min(room, MESSAGE_LIMITS.chunk));
    this.pending.push(chunk);
    this.queued += chunk.length;
    if (this.scheduled) return;
    this.scheduled = true;
    this.options.schedule(() => this.flush(), FEED_DELAY_MS);
  }

  /** A new document (single-page-app navigation): its text counts afresh. */
  reset(): void {
    this.pending = [];
    this.queued = 0;
  }

  private flush(): void {
    this.scheduled = false;
    while (this.pending.length) this.options.send(this.pending.splice(0, MESSAGE_LIMITS.chunks));
  }
}
