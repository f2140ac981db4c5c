// Small helpers shared by the counter API and the file server.

export const SECURITY_HEADERS = { 'X-Content-Type-Options': 'nosniff' };

/** Sends a JSON answer that no cache keeps (counts change with every hit). */
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

/** A JSON error: `{"error": "…"}`. */
export function sendError(res, status, message, headers = {}) {
  sendJson(res, status, { error: message }, headers);
}

/** An error that carries its HTTP status up to the request handler. */
export class HttpError extends Error {
  constructor(status, message, headers = {}) {
    super(message);
    this.status = status;
    this.headers = headers;
  }
}

/** Reads a request body of at most `limit` bytes; more is a 413, decided as early as possible. */
export function readBody(req, limit) {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) return Promise.reject(new HttpError(413, `Request body over ${limit} bytes.`, { Connection: 'close' }));
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        reject(new HttpError(413, `Request body over ${limit} bytes.`, { Connection: 'close' }));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
