import { CHUNK_BYTES, chunkBy, eachChunk } from '../shared/chunk.js';
import type { Article } from './types.js';

export { CHUNK_BYTES };

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
