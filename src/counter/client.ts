import { CounterError } from './errors.js';
import { isCount, isCounterKey } from './values.js';

export { COUNTER_KEY_PATTERN, isCount, isCounterKey } from './values.js';

/** A slow counter must not hold a page's number hostage: after 5 s the last known count stays. */
export const COUNTER_TIMEOUT_MS = 5000;

export interface CounterRequestOptions {
  timeoutMs?: number;
}

/** The endpoint as an absolute URL (relative ones against the page). */
export function counterUrl(endpoint: string): string {
  const base = typeof document !== 'undefined' ? document.baseURI : undefined;
  try {
    return new URL(endpoint, base).href;
  } catch {
    throw new CounterError('network', `The counter endpoint "${endpoint}" is not a URL.`, endpoint);
  }
}

function checkKey(key: string, url: string) {
  if (!isCounterKey(key)) {
    throw new CounterError('bad-key', `Counter key ${JSON.stringify(key)} is not 1–200 characters of letters, digits and :_-./`, url);
  }
}

async function requestJson(url: string, init: RequestInit, options: CounterRequestOptions): Promise<unknown> {
  const timeoutMs = options.timeoutMs ?? COUNTER_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { ...init, cache: 'no-store', credentials: 'same-origin', signal });
    text = await response.text();
  } catch (e) {
    if (signal.aborted) throw new CounterError('timeout', `The counter at ${url} did not answer within ${timeoutMs / 1000} s.`, url);
    throw new CounterError(
      'network',
      `Could not reach the counter at ${url} (${(e as Error)?.message ?? e}). The reader may be offline, the service down, or this page's origin not on its --origin list.`,
      url,
    );
  }
  if (!response.ok) {
    throw new CounterError('http', `The counter at ${url} answered ${response.status} ${response.statusText}: ${text.slice(0, 200)}`, url, response.status);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new CounterError('bad-response', `The counter at ${url} did not answer JSON: ${text.slice(0, 80)}`, url);
  }
}

function countFrom(data: unknown, key: string, url: string): number {
  const d = data as { key?: unknown; count?: unknown } | null;
  if (!d || typeof d !== 'object' || d.key !== key || !isCount(d.count)) {
    throw new CounterError('bad-response', `The counter at ${url} answered ${JSON.stringify(data)?.slice(0, 120)}, not {"key":"${key}","count":<number>}.`, url);
  }
  return d.count;
}

/** `GET endpoint?key=…`: the count of one key. */
export async function getCount(endpoint: string, key: string, options: CounterRequestOptions = {}): Promise<number> {
  const url = new URL(counterUrl(endpoint));
  checkKey(key, url.href);
  url.searchParams.set('key', key);
  return countFrom(await requestJson(url.href, { method: 'GET' }, options), key, url.href);
}

/** `GET endpoint?keys=a,b`: several counts in one request (a list of articles' views). */
export async function getCounts(endpoint: string, keys: string[], options: CounterRequestOptions = {}): Promise<Map<string, number>> {
  const url = new URL(counterUrl(endpoint));
  const unique = [...new Set(keys)];
  unique.forEach((k) => checkKey(k, url.href));
  url.searchParams.set('keys', unique.join(','));
  const data = (await requestJson(url.href, { method: 'GET' }, options)) as { counts?: Record<string, unknown> } | null;
  const counts = data?.counts;
  if (!counts || typeof counts !== 'object') throw new CounterError('bad-response', `The counter at ${url.href} answered without "counts".`, url.href);
  const out = new Map<string, number>();
  for (const key of unique) {
    if (!isCount(counts[key])) throw new CounterError('bad-response', `The counter at ${url.href} gave no count for "${key}".`, url.href);
    out.set(key, counts[key] as number);
  }
  return out;
}

/**
 * `POST endpoint {"key": …}`: records one hit and resolves to the new count.
 * The JSON goes as `text/plain`, a CORS "simple" request: a portal using a
 * counter on another origin pays no preflight round trip, and the server
 * checks the Origin header of every POST itself.
 */
export async function recordHit(endpoint: string, key: string, options: CounterRequestOptions = {}): Promise<number> {
  const url = counterUrl(endpoint);
  checkKey(key, url);
  const init: RequestInit = { method: 'POST', body: JSON.stringify({ key }), headers: { 'Content-Type': 'text/plain;charset=UTF-8' } };
  return countFrom(await requestJson(url, init, options), key, url);
}
