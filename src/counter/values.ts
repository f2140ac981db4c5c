/**
 * What a counter key and a count may be: read by the keys, the cache and the
 * client alike. Apart from the client so that a page whose counter has no
 * service (or an article that only names its key) does not load the client.
 */

/** What the reference server accepts (server/counter.js): letters, digits and `:_-./`, 1 to 200. */
export const COUNTER_KEY_PATTERN = /^[A-Za-z0-9:_\-./]{1,200}$/;

export const isCounterKey = (key: unknown): key is string => typeof key === 'string' && COUNTER_KEY_PATTERN.test(key);

/** A count is a whole number from 0 to 2^53−1; anything else (NaN, "12", -1, 1.5) is refused. */
export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
