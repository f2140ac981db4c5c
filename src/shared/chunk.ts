/**
 * About 1 MB a record (or a message between threads): measured in Chromium,
 * one 10 MB record blocks the main thread 55–120 ms on write or first read;
 * 1 MB records stay well under 50 ms.
 */
export const CHUNK_BYTES = 1_000_000;

/** Splits a list into runs of about `maxBytes`, by each entry's estimated size; never an empty list of runs. */
export function chunkBy<T>(items: readonly T[], bytes: (item: T) => number, maxBytes = CHUNK_BYTES): T[][] {
  return [...eachChunk(items, bytes, maxBytes)];
}

/** `chunkBy` one run at a time: a writer sizes each record just before storing it. */
export function* eachChunk<T>(items: readonly T[], bytes: (item: T) => number, maxBytes = CHUNK_BYTES): Generator<T[]> {
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
