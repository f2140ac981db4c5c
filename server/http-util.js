// Small helpers shared by the counter API and the file server.

export const SECURITY_HEADERS = { 'X-Content-Type-Options': 'nosniff' };

/** @typedef {Record<string, string | number>} Headers */

/**
 * Sends a JSON answer that no cache keeps (counts change with every hit).
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {Headers} [headers]
 */
export function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

/**
 * A JSON error: `{"error": "…"}`.
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} message
 * @param {Headers} [headers]
 */
export function sendError(res, status, message, headers = {}) {
  sendJson(res, status, { error: message }, headers);
}

/** An error that carries its HTTP status up to the request handler. */
export class HttpError extends Error {
  /**
   * @param {number} status
   * @param {string} message
   * @param {Headers} [headers]
   */
  constructor(status, message, headers = {}) {
    super(message);
    this.status = status;
    this.headers = headers;
  }
}

/**
 * Reads a request body of at most `limit` bytes within `timeoutMs`; more is a
 * 413, decided as early as possible, and a body that trickles in is a 408.
 * @param {import('node:http').IncomingMessage} req
 * @param {number} limit
 * @param {number} timeoutMs
 * @returns {Promise<Buffer>}
 */
export function readBody(req, limit, timeoutMs) {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) return Promise.reject(new HttpError(413, `Request body over ${limit} bytes.`, { Connection: 'close' }));
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    const done = () => {
      clearTimeout(timer);
      req.off('data', onData);
    };
    const timer = setTimeout(() => {
      done();
      reject(new HttpError(408, `The request body did not arrive within ${timeoutMs / 1000} s.`, { Connection: 'close' }));
    }, timeoutMs);
    const onData = (/** @type {Buffer} */ chunk) => {
      size += chunk.length;
      if (size > limit) {
        done();
        reject(new HttpError(413, `Request body over ${limit} bytes.`, { Connection: 'close' }));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => {
      done();
      resolve(Buffer.concat(chunks));
    });
    req.on('error', (e) => {
      done();
      reject(e);
    });
  });
}
