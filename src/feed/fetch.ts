import { FeedError } from './errors.js';

export interface FetchedBody {
  status: 200 | 304;
  /** The body as sent (empty for a 304): `readFeedBody` decodes and parses it, off the main thread when it is big. */
  bytes: Uint8Array;
  /** The Content-Type header: the first hint at the format. */
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
}

export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

export const FEED_TIMEOUT_MS = 15_000;

const sameOrigin = (url: string) => typeof location !== 'undefined' && new URL(url).origin === location.origin;

/**
 * GETs a feed. Same-origin requests carry our own conditional headers (a 304
 * comes back to us); cross-origin ones must stay CORS-simple, so they ask the
 * browser's HTTP cache to revalidate instead (`cache: 'no-cache'`), which
 * needs no preflight.
 */
export async function fetchFeedBody(
  url: string,
  validators: Validators = {},
  timeoutMs = FEED_TIMEOUT_MS,
): Promise<FetchedBody> {
  const headers: Record<string, string> = {};
  const own = sameOrigin(url);
  if (own && validators.etag) headers['If-None-Match'] = validators.etag;
  if (own && validators.lastModified) headers['If-Modified-Since'] = validators.lastModified;
  let response: Response;
  try {
    response = await fetch(url, {
      headers,
      cache: own && (validators.etag || validators.lastModified) ? 'no-store' : 'no-cache',
      credentials: 'same-origin',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    throw requestError(e, url, timeoutMs);
  }
  const etag = response.headers.get('ETag');
  const lastModified = response.headers.get('Last-Modified');
  const contentType = response.headers.get('Content-Type');
  if (response.status === 304) return { status: 304, bytes: new Uint8Array(0), contentType, etag, lastModified };
  if (!response.ok) {
    throw new FeedError(
      'http',
      `The server answered ${response.status} ${response.statusText} for ${url}. Check that the feed URL is right and the file is published.`,
      url,
      response.status,
    );
  }
  let bytes: ArrayBuffer;
  try {
    // Bytes, not response.text(): that assumes UTF-8, and old feeds declare their own charset.
    bytes = await response.arrayBuffer();
  } catch (e) {
    throw requestError(e, url, timeoutMs);
  }
  return { status: 200, bytes: new Uint8Array(bytes), contentType, etag, lastModified };
}

function requestError(e: unknown, url: string, timeoutMs: number): FeedError {
  const name = (e as Error)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new FeedError('timeout', `No answer from ${url} within ${timeoutMs / 1000} s.`, url);
  }
  return new FeedError(
    'network',
    `Could not reach ${url} (${(e as Error)?.message ?? e}). The reader may be offline, or the server does not allow this page's origin (CORS).`,
    url,
  );
}
