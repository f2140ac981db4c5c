// The HTTP server: /counter for the counts, everything else from the feeds folder.
import { createServer } from 'node:http';
import { handleCounter } from './counter.js';
import { createFileHandler } from './files.js';
import { HttpError, sendError } from './http-util.js';
import { originPolicy } from './origin.js';

/**
 * @param {object} options
 * @param {import('./store/store.js').CounterStore} options.store
 * @param {string | null} [options.feeds] folder served at /
 * @param {string[]} [options.origins] normalized allowed origins (see parseOrigins); same origin is always allowed
 * @param {string[]} [options.hidden] real paths the file server must never serve
 * @returns {Promise<import('node:http').Server>}
 */
export async function createBantinServer({ store, feeds = null, origins = [], hidden = [] }) {
  const checkOrigin = originPolicy(origins);
  const serveFile = feeds ? await createFileHandler(feeds, { hidden }) : null;

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const origin = checkOrigin(req);
      const cors = origin.cors ? { 'Access-Control-Allow-Origin': origin.origin, Vary: 'Origin' } : { Vary: 'Origin' };
      if (url.pathname === '/counter') {
        if (!origin.allowed) throw new HttpError(403, `Origin ${origin.origin} may not use this counter (see --origin).`, { Vary: 'Origin' });
        await handleCounter(req, res, url, store, cors);
        return;
      }
      if (!serveFile) throw new HttpError(404, 'Not found.');
      // The raw path, not the URL parser's: it would quietly fold `/../` away.
      await serveFile(req, res, (req.url ?? '/').split('?')[0], origin.cors ? cors : {});
    } catch (e) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (e instanceof HttpError) {
        sendError(res, e.status, e.message, e.headers);
      } else {
        console.error('bantin-server:', e);
        sendError(res, 500, 'Internal error.');
      }
    }
  });
  // Slow clients must not hold sockets open for minutes.
  server.requestTimeout = 15_000;
  server.headersTimeout = 10_000;
  return server;
}
