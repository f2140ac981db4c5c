import type { Article } from './types.js';

/**
 * About 1 MB a record (or a message between threads): measured in Chromium,
 * one 10 MB record blocks the main thread 55–120 ms on write or first read;
 * 1 MB records stay well under 50 ms.
 */
export const CHUNK_BYTES = 1_000_000;

/** Rough in-memory size of an item: strings dominate and cost 2 bytes a code unit at most. */
// No array of the fields per call: it runs once per item of 100,000-item feeds.
function itemBytes(a: Article): number {
  let n = 200 + a.attachments.length * 200;
  n += (a.id.length + (a.url?.length ?? 0) + a.title.length + (a.summary?.length ?? 0)) * 2;
  n += ((a.contentHtml?.length ?? 0) + (a.contentText?.length ?? 0) + (a.image?.length ?? 0) + (a.category?.length ?? 0)) * 2;
  for (const t of a.tags) n += t.length * 2;
  return n;
}

export function chunkItems(items: Article[], maxBytes = CHUNK_BYTES): Article[][] {
  return chunkBy(items, itemBytes, maxBytes);
}

/** `chunkItems` one run at a time: a writer sizes each record just before storing it. */
export function eachChunkOfItems(items: Article[], maxBytes = CHUNK_BYTES): Generator<Article[]> {
  return eachChunk(items, itemBytes, maxBytes);
}

/** Splits a list into runs of about `maxBytes`, by each entry's estimated size; never an empty list of runs. */
export function chunkBy<T>(items: readonly T[], bytes: (item: T) => number, maxBytes = CHUNK_BYTES): T[][] {
  return [...eachChunk(items, bytes, maxBytes)];
}

function* eachChunk<T>(items: readonly T[], bytes: (item: T) => number, maxBytes: number): Generator<T[]> {
  let current: T[] = [];
  let size = 0;
  let any = false;
  for (const item of items) {
    const b = bytes(item);
    if (current.length && size + b > maxBytes) {
      any = true;
      yield current;
      current = [];
      size = 0;
    }
    current.push(item);
    size += b;
  }
  if (current.length || !any) yield current;
}
