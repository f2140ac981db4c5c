/**
 * The feed worker: decodes a big body and parses it as JSON Feed off the
 * page's main thread (a 26 MB feed is seconds of work), then hands the model
 * back in messages of about 200 KB, so that reading each on the page
 * is a short task. XML comes back as text: workers have no DOMParser.
 * One request per worker; the page ends the worker after the answer.
 */
import { eachChunkOfItems } from './chunk.js';
import { decodeBody } from './decode.js';
import { hashText } from '../shared/hash.js';
import { parseFeedText } from './parse.js';
// Registers the RSS date reader: the worker reads the big feeds, RSS dates or not, in one go.
import './rfc822.js';
import { detectFormat } from './read.js';
import type { FromFeedWorker, ToFeedWorker } from './off-thread.js';

const scope = self as unknown as {
  postMessage(message: FromFeedWorker): void;
  onmessage: ((e: MessageEvent<ToFeedWorker>) => void) | null;
};

/**
 * Items per message: each is read (deserialized) in one task on the page. About
 * 200 KB is some 700 items, 10–20 ms on the test machine; 500 KB messages made 40–80 ms tasks.
 */
const MESSAGE_BYTES = 200_000;

scope.onmessage = ({ data: m }) => {
  try {
    const text = decodeBody(new Uint8Array(m.bytes), m.contentType);
    const hash = m.hash ? hashText(text) : null;
    if (hash && hash === m.knownHash) return scope.postMessage({ type: 'unchanged', hash });
    if (detectFormat(text, m.contentType) !== 'json') return scope.postMessage({ type: 'text', text, hash });
    const { feed, skipped } = parseFeedText(text, m.url, m.options);
    const { items, ...head } = feed;
    scope.postMessage({ type: 'head', head, skipped, hash });
    for (const chunk of eachChunkOfItems(items, MESSAGE_BYTES)) scope.postMessage({ type: 'items', items: chunk });
    scope.postMessage({ type: 'done' });
  } catch (e) {
    const err = e as { name?: string; message?: string; code?: string; url?: string | null; status?: number | null };
    scope.postMessage({ type: 'error', name: err?.name ?? 'Error', message: err?.message ?? String(e), code: err?.code, url: err?.url, status: err?.status });
  }
};
