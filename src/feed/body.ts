/**
 * Reading a fetched feed body into the model: decode, detect, parse. Bodies
 * over `offThread.minBytes` go to a worker (a 26 MB JSON Feed was a 6 s task
 * on the page: 4 s of decoding, 1.4 s of JSON.parse), whose client
 * (`off-thread.ts`) is loaded only then. Smaller bodies, XML (no DOMParser in
 * workers) and pages where no worker can start are read on the main thread,
 * with the same result.
 */
import { decodeBody } from './decode.js';
import { hashText } from '../shared/hash.js';
import type { FetchedBody } from './fetch.js';
import type { ParseOptions, ParseResult } from './parse.js';
import { readFeed } from './read.js';

/** Tunable for benchmarks and tests: `minBytes: Infinity` keeps every body on the main thread. */
export const offThread = { minBytes: 256 * 1024 };

export type BodyRead =
  | { unchanged: true; hash: string }
  | { unchanged: false; hash: string | null; result: ParseResult };

export interface BodyReadOptions {
  /** Hash the text: the server sent no ETag or Last-Modified. */
  hash: boolean;
  knownHash?: string | null;
}

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

/** The main-thread reading of decoded text (the worker hands XML back here too). */
export async function readText(
  text: string,
  url: string,
  options: ParseOptions,
  read: BodyReadOptions,
  known = read.hash ? hashText(text) : null,
): Promise<BodyRead> {
  if (known && known === read.knownHash) return { unchanged: true, hash: known };
  return { unchanged: false, hash: known, result: await readFeed(text, url, options) };
}
