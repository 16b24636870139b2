// Test helper: the background's side of `page-text` in the same process (a PageDocument per
// document id over a compiled matcher), so unit tests drive the annotator as the extension does.
import type { Entity, Topic } from '../dataset/types';
import { compileMatcher } from '../matcher/index';
import type { PageTextResponse } from '../messaging';
import { PageDocument } from '../page-document';
import type { TextBatch } from './annotator';

export function createLocalReader(entities: readonly Entity[], options: { corroborating?: string[]; topics?: readonly Topic[] } = {}) {
  const matcher = compileMatcher(entities, options.topics ?? []);
  const documents = new Map<string, PageDocument>();
  let latest: PageDocument | null = null;
  const names = Object.fromEntries(entities.map((e) => [e.id, e.name]));
  return {
    /** Every text length the reader was sent. */
    lengths: [] as number[],
    async read(batch: TextBatch): Promise<PageTextResponse> {
      let document = documents.get(batch.document);
      if (!document) {
        document = new PageDocument(batch.document, options.corroborating ?? []);
        documents.set(batch.document, document);
      }
      latest = document;
      for (const text of batch.texts) this.lengths.push(text.text.length);
      return { ...document.read(matcher, batch.texts), names };
    },
    /** The counts of the document read last (what the background reports for the tab). */
    mentions: () => latest?.mentions() ?? [],
  };
}
