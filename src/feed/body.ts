/**
 * Reading a fetched feed body into the model: decode, detect, parse. Bodies
 * over `offThread.minBytes` go to a worker (a 26 MB JSON Feed was a 6 s task
 * on the page: 4 s of decoding, 1.4 s of JSON.parse), whose client
 * (`off-thread.ts`) is loaded only then. Smaller bodies, XML (no DOMParser in
 * workers) and pages where no worker can start are read on the main thread,
 * with the same result: both ways end in `readText` (read.ts).
 */
import { decodeBody } from './decode.js';
import type { FetchedBody } from './fetch.js';
import type { ParseOptions } from './parse.js';
import { readText, type BodyRead, type BodyReadOptions } from './read.js';

/** Tunable for benchmarks and tests: `minBytes: Infinity` keeps every body on the main thread. */
export const offThread = { minBytes: 256 * 1024 };

/**
 * Decodes and parses a 200 response's body. Resolves `unchanged` when the
 * text hashes to `knownHash`. Parse failures are FeedErrors as from `readFeed`.
 */
export async function readFeedBody(body: FetchedBody, url: string, options: ParseOptions, read: BodyReadOptions): Promise<BodyRead> {
  const opts = { ...options, contentType: body.contentType };
  if (body.bytes.byteLength >= offThread.minBytes) {
    // The client itself may fail to load (offline, a blocked chunk): then so much for the worker.
    const client = await import('./off-thread.js').catch(() => null);
    const answer = client && (await client.readInWorker(body.bytes, url, opts, read));
    if (answer) return answer;
    // No worker could start, or it died: the page reads the body itself.
  }
  return readText(decodeBody(body.bytes, body.contentType), url, opts, read);
}
