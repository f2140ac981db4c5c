import { readCachedCount, writeCachedCount } from './cache.js';
import { counterUrl, getCount, recordHit, type CounterRequestOptions } from './client.js';
import { countedThisSession, markCounted } from './session.js';

export interface LoadCountOptions extends CounterRequestOptions {
  /** Record a visit first, unless this browser session already did for this key. */
  record?: boolean;
}

/** Requests in flight, so two widgets on one page make one request (and one hit). */
const inflight = new Map<string, Promise<number>>();

/**
 * The current count of `key` at the counter `endpoint`. With `record`, the
 * first call in a browser session POSTs a hit and later ones only read. The
 * answer is kept as the last known count (see `readCachedCount`).
 * Rejects with a `CounterError`.
 */
export async function loadCount(endpoint: string, key: string, options: LoadCountOptions = {}): Promise<number> {
  const url = counterUrl(endpoint);
  const target = `${url}|${key}`;
  const hit = !!options.record && !countedThisSession(url, key);
  // A read while this page is recording a hit waits for the hit's count instead.
  const running = inflight.get(`hit ${target}`) ?? inflight.get(`${hit ? 'hit' : 'get'} ${target}`);
  if (running) return running;
  const id = `${hit ? 'hit' : 'get'} ${target}`;
  const request = (async () => {
    const count = hit ? await recordHit(url, key, options) : await getCount(url, key, options);
    // Marked only once the service confirmed: a failed hit is tried again on the next page.
    if (hit) markCounted(url, key);
    void writeCachedCount(url, key, count);
    return count;
  })().finally(() => inflight.delete(id));
  inflight.set(id, request);
  return request;
}

/** The last known count of `key` at `endpoint`, or null. */
export function lastKnownCount(endpoint: string, key: string) {
  let url: string;
  try {
    url = counterUrl(endpoint);
  } catch {
    return Promise.resolve(null);
  }
  return readCachedCount(url, key);
}
