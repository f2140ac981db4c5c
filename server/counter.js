// The counter API:
//   GET  /counter?key=site        -> {"key":"site","count":19467540}
//   GET  /counter?keys=a,b,c      -> {"counts":{"a":1,"b":2,"c":0}}
//   POST /counter {"key":"site"}  -> {"key":"site","count":19467541}  (one hit recorded)
import { HttpError, readBody, sendJson } from './http-util.js';

/** Letters, digits and `:_-./`, 1 to 200 of them: room for `article:5142` or a path, nothing to escape. */
export const KEY_PATTERN = /^[A-Za-z0-9:_\-./]{1,200}$/;
export const MAX_BODY_BYTES = 1024;
export const MAX_KEYS = 100;
const ALLOW = 'GET, HEAD, POST, OPTIONS';

/**
 * Reads `--keys 'site,article:*'`: exact keys, or prefixes ending in `*`.
 * @param {string[]} values
 * @returns {((key: string) => boolean) | null} null: every key allowed
 */
export function parseKeyPatterns(values) {
  const patterns = values.flatMap((v) => v.split(',')).map((p) => p.trim()).filter(Boolean);
  if (!patterns.length) return null;
  for (const p of patterns) {
    if (!KEY_PATTERN.test(p.replace(/\*$/, '')) && p !== '*') throw new Error(`--keys ${p}: a key, or a key prefix ending in *, like article:*`);
  }
  const exact = new Set(patterns.filter((p) => !p.endsWith('*')));
  const prefixes = patterns.filter((p) => p.endsWith('*')).map((p) => p.slice(0, -1));
  return (key) => exact.has(key) || prefixes.some((p) => key.startsWith(p));
}

/**
 * @typedef {object} CounterPolicy
 * @property {((key: string) => boolean) | null} allowKey the --keys allowlist (null: any key)
 * @property {((req: import('node:http').IncomingMessage) => number) | null} limitHit
 *   the rate limit: 0 to go on, else seconds to wait (null: no limit)
 * @property {number} bodyTimeoutMs how long a POST body may take to arrive
 */

/**
 * @param {unknown} key
 * @param {CounterPolicy} policy
 * @returns {string}
 */
function checkKey(key, policy) {
  if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
    throw new HttpError(400, 'Invalid key: 1 to 200 characters of letters, digits and : _ - . /');
  }
  if (policy.allowKey && !policy.allowKey(key)) throw new HttpError(403, `The key ${key} is not allowed on this counter (see --keys).`);
  return key;
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {CounterPolicy} policy
 */
async function readHitKey(req, policy) {
  const body = await readBody(req, MAX_BODY_BYTES, policy.bodyTimeoutMs);
  let data;
  try {
    data = JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'The body must be JSON: {"key":"site"}');
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new HttpError(400, 'The body must be JSON: {"key":"site"}');
  return checkKey(data.key, policy);
}

/**
 * Answers a request for /counter. `cors` holds the headers the origin check
 * decided on (empty for same-origin requests).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {URL} url
 * @param {import('./store/store.js').CounterStore} store
 * @param {import('./http-util.js').Headers} cors
 * @param {CounterPolicy} policy
 */
export async function handleCounter(req, res, url, store, cors, policy) {
  switch (req.method) {
    case 'OPTIONS':
      res.writeHead(204, {
        ...cors,
        'Access-Control-Allow-Methods': ALLOW,
        'Access-Control-Allow-Headers': 'Content-Type',
        'Access-Control-Max-Age': '7200',
      });
      res.end();
      return;
    case 'GET':
    case 'HEAD': {
      const keys = url.searchParams.get('keys');
      if (keys !== null) {
        const list = [...new Set(keys.split(',').filter(Boolean))];
        if (!list.length || list.length > MAX_KEYS) throw new HttpError(400, `keys: 1 to ${MAX_KEYS} keys, separated by commas`);
        for (const key of list) checkKey(key, policy);
        // fromEntries defines own properties: a key named __proto__ is a key like any other
        // (assigning out[key] = n would set the prototype instead, and drop the key).
        sendJson(res, 200, { counts: Object.fromEntries(await store.getMany(list)) }, cors);
        return;
      }
      const key = url.searchParams.get('key');
      if (key === null) throw new HttpError(400, 'Name a key: /counter?key=site, or several: /counter?keys=a,b');
      checkKey(key, policy);
      sendJson(res, 200, { key, count: await store.get(key) }, cors);
      return;
    }
    case 'POST': {
      // Before reading the body: a client over its rate costs no more than this.
      const wait = policy.limitHit?.(req) ?? 0;
      if (wait > 0) {
        throw new HttpError(429, 'Too many hits from this client; try again later.', { 'Retry-After': String(Math.ceil(wait)) });
      }
      const key = await readHitKey(req, policy);
      // The answer goes out only after the store has committed the hit.
      sendJson(res, 200, { key, count: await store.hit(key) }, cors);
      return;
    }
    default:
      throw new HttpError(405, `${req.method} is not allowed on /counter`, { Allow: ALLOW });
  }
}
