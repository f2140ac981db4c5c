// The loopback web server of bench/archive.mjs: static files from a few folders, text
// gzipped as a portal's host would (files already gzipped — bantin's shards, Pagefind's
// .pf_* files — go as they are), and every response's bytes on the wire (status line,
// headers, body) logged with the time its request arrived, so the benchmark can add up
// what a page fetched before a moment.
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg']);

const isGzip = (bytes) => bytes[0] === 0x1f && bytes[1] === 0x8b;
/** Whether the server gzips this file (text, not already gzipped). */
export const compresses = (path, bytes) => COMPRESSIBLE.has(extname(path)) && !isGzip(bytes);

/** The epoch time in ms with sub-ms precision; the page's `performance.timeOrigin + performance.now()` is on the same clock. */
export const now = () => performance.timeOrigin + performance.now();

/**
 * Serves `mounts` ({ '/prefix/': folder }, longest prefix first) and `pages` ({ '/path': html }).
 * `log` collects { t, path, bytes } per response; clear it with `log.length = 0`.
 */
export async function startSite({ mounts, pages = {} }) {
  const log = [];
  const gzipped = new Map();
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const server = createServer((req, res) => {
    const t = now();
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let bytes = 0;
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    res.write = (chunk, ...rest) => {
      if (chunk) bytes += Buffer.byteLength(chunk);
      return write(chunk, ...rest);
    };
    res.end = (chunk, ...rest) => {
      if (chunk && typeof chunk !== 'function') bytes += Buffer.byteLength(chunk);
      const r = end(chunk, ...rest);
      // Node keeps the serialized status line and headers once sent.
      log.push({ t, path, status: res.statusCode, bytes: bytes + Buffer.byteLength(res._header ?? '') });
      return r;
    };
    res.setHeader('Cache-Control', 'max-age=3600');
    if (pages[path] !== undefined) {
      res.setHeader('Content-Type', TYPES['.html']);
      return res.end(pages[path]);
    }
    const prefix = prefixes.find((p) => path.startsWith(p));
    const base = prefix && mounts[prefix];
    const file = base && normalize(join(base, path.slice(prefix.length)));
    if (!file || !file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
      res.statusCode = 404;
      return res.end();
    }
    const ext = extname(file);
    res.setHeader('Content-Type', TYPES[ext] ?? 'application/octet-stream');
    const raw = readFileSync(file);
    // A file that already starts with gzip's magic bytes is sent as it is (and not labelled).
    if (compresses(file, raw) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      let body = gzipped.get(file);
      if (!body) gzipped.set(file, (body = gzipSync(raw, { level: 6 })));
      res.setHeader('Content-Encoding', 'gzip');
      res.setHeader('Vary', 'Accept-Encoding');
      return res.end(body);
    }
    res.end(raw);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { origin: `http://127.0.0.1:${server.address().port}`, log, close: () =>
      new Promise((r) => {
        server.close(r);
        server.closeAllConnections();
      }),
  };
}
