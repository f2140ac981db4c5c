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

function checkKey(key) {
  if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
    throw new HttpError(400, 'Invalid key: 1 to 200 characters of letters, digits and : _ - . /');
  }
  return key;
}

async function readHitKey(req) {
  const body = await readBody(req, MAX_BODY_BYTES);
  let data;
  try {
    data = JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'The body must be JSON: {"key":"site"}');
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new HttpError(400, 'The body must be JSON: {"key":"site"}');
  return checkKey(data.key);
}

/**
 * Answers a request for /counter. `cors` holds the headers the origin check
 * decided on (empty for same-origin requests).
 * @param {import('./store/store.js').CounterStore} store
 */
export async function handleCounter(req, res, url, store, cors) {
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
        list.forEach(checkKey);
        sendJson(res, 200, { counts: await store.getMany(list) }, cors);
        return;
      }
      const key = url.searchParams.get('key');
      if (key === null) throw new HttpError(400, 'Name a key: /counter?key=site, or several: /counter?keys=a,b');
      checkKey(key);
      sendJson(res, 200, { key, count: await store.get(key) }, cors);
      return;
    }
    case 'POST': {
      const key = await readHitKey(req);
      // The answer goes out only after the store has committed the hit.
      sendJson(res, 200, { key, count: await store.hit(key) }, cors);
      return;
    }
    default:
      throw new HttpError(405, `${req.method} is not allowed on /counter`, { Allow: ALLOW });
  }
}
