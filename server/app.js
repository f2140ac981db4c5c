// The HTTP server: /counter for the counts, everything else from the feeds folder.
import { createServer } from 'node:http';
import { handleCounter } from './counter.js';
import { createFileHandler } from './files.js';
import { createIndexer } from './index-serve.js';
import { HttpError, sendError } from './http-util.js';
import { originPolicy } from './origin.js';
import { ClientBuckets, clientAddress } from './rate-limit.js';
import { KeyLimitError, StoreUnavailableError } from './store/store.js';

/**
 * Limits for a server on the open internet. Tests pass small ones.
 * @typedef {object} Limits
 * @property {number} [timeoutMs] time a client has for its request's headers, and again for its body (default 5000)
 * @property {number} [maxConnections] open connections at once; more are dropped at once (default 512)
 * @property {number} [rate] hits a second per client, 0 for no limit (default 20)
 * @property {number} [burst] hits a client may send at once before `rate` applies (default 60)
 * @property {boolean} [trustProxy] the client is the last address in X-Forwarded-For
 * @property {((key: string) => boolean) | null} [allowKey] the --keys allowlist
 */

/**
 * @param {object} options
 * @param {import('./store/store.js').CounterStore} options.store
 * @param {string | null} [options.feeds] folder served at /
 * @param {string[]} [options.origins] normalized allowed origins (see parseOrigins); same origin is always allowed
 * @param {string[]} [options.publicOrigins] the origins readers reach this server at (same origin)
 * @param {string[]} [options.hidden] real paths the file server must never serve
 * @param {Limits} [options.limits]
 * @param {{ log: (line: string) => void, debounceMs?: number } | null} [options.index] build and serve the
 *   search index of each feed in `feeds` at /NAME.index/ (see index-serve.js)
 * @returns {Promise<import('node:http').Server>}
 */
export async function createBantinServer({ store, feeds = null, origins = [], publicOrigins = [], hidden = [], limits = {}, index = null }) {
  const { timeoutMs = 5000, maxConnections = 512, rate = 20, burst = 60, trustProxy = false, allowKey = null } = limits;
  const checkOrigin = originPolicy(origins, publicOrigins);
  const serveFile = feeds ? await createFileHandler(feeds, { hidden }) : null;
  const indexer = feeds && index ? await createIndexer({ feeds, publicOrigin: publicOrigins[0] ?? null, ...index }) : null;
  const buckets = rate > 0 ? new ClientBuckets({ rate, burst }) : null;
  /** @type {import('./counter.js').CounterPolicy} */
  const policy = {
    allowKey,
    limitHit: buckets ? (req) => buckets.take(clientAddress(req, trustProxy)) : null,
    bodyTimeoutMs: timeoutMs,
  };

  // Node checks the header and request timeouts on this interval (30 s by
  // default, which let slow clients hold sockets for half a minute).
  const connectionsCheckingInterval = Math.max(50, Math.min(1000, timeoutMs / 4));
  const server = createServer({ connectionsCheckingInterval }, async (req, res) => {
    const origin = checkOrigin(req);
    // Errors carry the CORS headers too, so an allowed page can read why.
    /** @type {import('./http-util.js').Headers} */
    const cors = origin.cors ? { 'Access-Control-Allow-Origin': String(origin.origin), Vary: 'Origin' } : { Vary: 'Origin' };
    try {
      const url = parseTarget(req.url);
      if (url.pathname === '/counter') {
        if (!origin.allowed) throw new HttpError(403, `Origin ${origin.origin} may not use this counter (see --origin).`, { Vary: 'Origin' });
        await handleCounter(req, res, url, store, cors, policy);
        return;
      }
      if (!serveFile) throw new HttpError(404, 'Not found.');
      // The raw path, not the URL parser's: it would quietly fold `/../` away.
      const path = (req.url ?? '/').split('?')[0];
      if (indexer?.handles(path)) await indexer.serve(req, res, path, origin.cors ? cors : {});
      else await serveFile(req, res, path, origin.cors ? cors : {});
    } catch (e) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (e instanceof HttpError) {
        sendError(res, e.status, e.message, { ...cors, ...e.headers });
      } else if (e instanceof KeyLimitError) {
        sendError(res, 429, e.message, cors);
      } else if (e instanceof StoreUnavailableError) {
        // Logged once per outage by the store's watcher (logOutages), not per request.
        const what = req.method === 'POST' ? 'the hit was not recorded' : 'the count could not be read';
        sendError(res, 503, `The counts store is unavailable right now: ${what}. Try again later.`, { ...cors, 'Retry-After': '5' });
      } else {
        console.error('bantin-server:', e);
        sendError(res, 500, 'Internal error.', cors);
      }
    }
  });
  server.on('close', () => indexer?.close());
  // Slow clients must not hold sockets: a few seconds for the headers, as much again for the body.
  server.headersTimeout = timeoutMs;
  server.requestTimeout = 2 * timeoutMs;
  // Below the usual 1,024 open files, so the process can still open its own (database, Redis).
  server.maxConnections = maxConnections;
  return server;
}

/**
 * The request target as a URL; junk (`http://[`) is the client's error, a 400.
 * @param {string | undefined} target
 * @returns {URL}
 */
function parseTarget(target) {
  try {
    return new URL(target ?? '/', 'http://localhost');
  } catch {
    throw new HttpError(400, 'Malformed request target.', { Connection: 'close' });
  }
}
