// Serves a folder of feeds and files (--feeds DIR) the way FeedStore likes it:
// validators on every answer, 304 to conditional requests, `no-cache` so
// browsers always revalidate (a feed changes under the same name), and
// JSON Feed's own media type for *.json, RSS's and Atom's for *.rss and *.atom.
// XML goes out without a charset: its own declaration names it (an old
// ISO-8859-1 feed would be misread under a blanket utf-8).
import { open, realpath, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { extname, join, sep } from 'node:path';
import { HttpError, SECURITY_HEADERS } from './http-util.js';

/** @type {Record<string, string>} */
const TYPES = {
  '.json': 'application/feed+json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
  '.rdf': 'application/rdf+xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.webm': 'video/webm',
  '.mp4': 'video/mp4',
  '.mp3': 'audio/mpeg',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
};

// Served files never run script on the counter's origin: an SVG or HTML page
// put under --feeds opens as a static document in a sandbox (its own opaque
// origin, no script), and nosniff keeps browsers from reading a file as
// another type. Feeds and media are fetched or embedded by pages elsewhere,
// which this policy does not touch.
const FILE_CSP = "default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'; sandbox";

/** Strong validator from size and modification time, as nginx does: no need to hash a 25 MB feed. */
const etagOf = (/** @type {import('node:fs').Stats} */ s) => `"${s.size.toString(16)}-${Math.floor(s.mtimeMs).toString(16)}"`;

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {string} etag
 * @param {number} mtimeMs
 */
function notModified(req, etag, mtimeMs) {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) {
    // Weak comparison (RFC 9110 13.1.2): W/"x" matches "x".
    const strip = (/** @type {string} */ t) => t.trim().replace(/^W\//, '');
    return inm.trim() === '*' || inm.split(',').some((t) => strip(t) === etag);
  }
  const ims = Date.parse(req.headers['if-modified-since'] ?? '');
  return !Number.isNaN(ims) && Math.floor(mtimeMs / 1000) * 1000 <= ims;
}

/**
 * Maps a request path to a file under root, refusing anything that could
 * leave it: `..` in any spelling (decoded first), backslashes, NUL, dotfiles
 * (`.git`, `.env`), and symbolic links that point outside.
 * @param {string} root
 * @param {string} realRoot
 * @param {string} pathname the raw request path
 */
async function resolvePath(root, realRoot, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    throw new HttpError(400, 'Malformed path.');
  }
  if (decoded.includes('\0') || decoded.includes('\\')) throw new HttpError(400, 'Malformed path.');
  const segments = decoded.split('/').filter(Boolean);
  if (segments.includes('..')) throw new HttpError(400, 'Path leaves the served folder.');
  if (segments.some((s) => s.startsWith('.'))) throw new HttpError(404, 'Not found.');
  let file = join(root, ...segments);
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    file = join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) throw new HttpError(404, 'Not found.');
  const real = await realpath(file);
  if (!real.startsWith(realRoot + sep)) throw new HttpError(404, 'Not found.');
  return { file: real, info };
}

/**
 * @param {string} root the folder to serve
 * @param {{ hidden?: string[], types?: Record<string, string> }} options `hidden`: real paths never to serve
 *   (the counts database and its WAL); `types`: media types by extension, over the usual ones
 */
export async function createFileHandler(root, { hidden = [], types = {} } = {}) {
  const realRoot = await realpath(root);
  const hiddenSet = new Set(hidden);
  const typeOf = { ...TYPES, ...types };
  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {string} pathname the raw request path
   * @param {import('./http-util.js').Headers} cors
   */
  return async function serveFile(req, res, pathname, cors) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      throw new HttpError(405, `${req.method} is not allowed on files`, { Allow: 'GET, HEAD' });
    }
    const { file } = await resolvePath(root, realRoot, pathname);
    if (hiddenSet.has(file)) throw new HttpError(404, 'Not found.');
    // Headers and body from one open file: a file replaced by rename in between
    // (a feed or an index rewritten) is served whole, the old or the new, never a mix.
    const handle = await open(file, 'r').catch(() => {
      throw new HttpError(404, 'Not found.');
    });
    try {
      await send(req, res, file, await handle.stat(), handle, cors);
    } catch (e) {
      await handle.close();
      throw e;
    }
  };

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {string} file
   * @param {import('node:fs').Stats} info
   * @param {import('node:fs/promises').FileHandle} handle closed once sent
   * @param {import('./http-util.js').Headers} cors
   */
  async function send(req, res, file, info, handle, cors) {
    if (!info.isFile()) throw new HttpError(404, 'Not found.');
    const etag = etagOf(info);
    const headers = {
      ...SECURITY_HEADERS,
      'Content-Security-Policy': FILE_CSP,
      ...cors,
      ETag: etag,
      'Last-Modified': new Date(info.mtimeMs).toUTCString(),
      'Cache-Control': 'no-cache',
    };
    if (notModified(req, etag, info.mtimeMs)) {
      await handle.close();
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, {
      ...headers,
      'Content-Type': typeOf[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': info.size,
    });
    if (req.method === 'HEAD' || info.size === 0) {
      await handle.close();
      res.end();
      return;
    }
    // No more than the length sent (the file may grow); a client gone away frees the file at once.
    pipeline(handle.createReadStream({ end: info.size - 1 }), res, () => {});
  }
}
