/**
 * The page's side of the feed worker (`parse-worker.ts`), loaded by `body.ts`
 * only for big bodies. The model comes back in short messages; a worker that
 * cannot start or dies leaves the body to the page.
 */
import { readText, type BodyRead, type BodyReadOptions } from './read.js';
import { DEFAULT_TIME_ZONE, resolveTimeZone } from '../shared/time-zone.js';
import { FeedError, type FeedErrorCode } from './errors.js';
import type { ParseOptions } from './parse.js';
import { spawnWorker, workerScript } from '../shared/workers.js';
import type { Article, Feed, SkippedItem } from './types.js';

export type ToFeedWorker = {
  bytes: ArrayBuffer;
  contentType: string | null;
  url: string;
  options: ParseOptions;
  /** Also hash the decoded text (the server sent no validators). */
  hash: boolean;
  /** The cached copy's hash: the same body needs no parsing. */
  knownHash: string | null;
};

export type FromFeedWorker =
  | { type: 'unchanged'; hash: string }
  | { type: 'text'; text: string; hash: string | null }
  | { type: 'head'; head: Omit<Feed, 'items'>; skipped: SkippedItem[]; hash: string | null }
  | { type: 'items'; items: Article[] }
  | { type: 'done' }
  | { type: 'error'; name: string; message: string; code?: string; url?: string | null; status?: number | null };

/** The feed worker, in the form bundlers follow (see `workerScript`); only run against a stand-in. */
const startWorker = () => new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' });

/** The worker's answer, or null when there is no worker to give one. */
export function readInWorker(bytes: Uint8Array, url: string, options: ParseOptions, read: BodyReadOptions): Promise<BodyRead | null> {
  let worker: globalThis.Worker;
  try {
    worker = spawnWorker(workerScript(startWorker));
  } catch {
    return Promise.resolve(null);
  }
  return new Promise<BodyRead | null>((resolve, reject) => {
    let head: Extract<FromFeedWorker, { type: 'head' }> | null = null;
    const items: Article[] = [];
    const finish = (outcome: () => void) => {
      worker.terminate();
      outcome();
    };
    worker.addEventListener('message', (e: MessageEvent<FromFeedWorker>) => {
      const m = e.data;
      switch (m.type) {
        case 'items':
          for (const item of m.items) items.push(item);
          return;
        case 'head':
          head = m;
          return;
        case 'done':
          return finish(() => resolve({ unchanged: false, hash: head!.hash, result: { feed: { ...head!.head, items }, skipped: head!.skipped } }));
        case 'unchanged':
          return finish(() => resolve({ unchanged: true, hash: m.hash }));
        case 'text':
          // XML, or neither JSON nor XML: the page's reader (DOMParser) and its messages.
          return finish(() => resolve(readText(m.text, url, options, read, m.hash)));
        case 'error':
          // What the feed is (not JSON, not a feed) is the answer; anything else (out of memory) is the worker's trouble.
          return finish(() => (m.name === 'FeedError' && m.code ? reject(toError(m, url)) : resolve(null)));
      }
    });
    const fail = (e: Event) => {
      e.preventDefault();
      finish(() => resolve(null));
    };
    worker.addEventListener('error', fail);
    worker.addEventListener('messageerror', fail);
    // A copy goes: the page keeps its bytes to read them itself should the worker fail.
    const copy = bytes.slice().buffer;
    worker.postMessage({ bytes: copy, contentType: options.contentType ?? null, url, options, hash: read.hash, knownHash: read.knownHash ?? null } satisfies ToFeedWorker, [copy]);
    // While the worker reads, the page builds the Intl formatter of the zone its dates will be shown in (once, ~10 ms).
    resolveTimeZone(options.timeZone ?? DEFAULT_TIME_ZONE);
  });
}

function toError(m: Extract<FromFeedWorker, { type: 'error' }>, url: string): FeedError {
  return new FeedError(m.code as FeedErrorCode, m.message, m.url ?? url, m.status ?? null);
}

