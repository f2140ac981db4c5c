// Test-server middleware: programmable feed endpoints, and counts requests on the server side, so tests see what the
// network really saw.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { resolve, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/** id -> { config, requests: [{ method, headers, at }] } */
const mocks = new Map();

const fileCache = new Map();
async function readCached(path) {
  const s = await stat(path);
  const hit = fileCache.get(path);
  if (hit && hit.mtimeMs === s.mtimeMs) return hit;
  const body = await readFile(path);
  const entry = {
    body,
    mtimeMs: s.mtimeMs,
    etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"`,
    lastModified: new Date(Math.floor(s.mtimeMs / 1000) * 1000).toUTCString(),
  };
  fileCache.set(path, entry);
  return entry;
}

function within(dir, rel) {
  const full = normalize(join(dir, rel));
  return full.startsWith(dir + '/') ? full : null;
}

/** A repository file a mock serves; nothing outside the repository. */
const filePath = (spec) => within(ROOT, spec);

async function readJson(ctx) {
  const chunks = [];
  for await (const c of ctx.req) chunks.push(c);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Every path the test server was asked for, in order: requests made by workers too, which the page's resource timing does not list. */
const served = [];

export async function mockFeeds(ctx, next) {
  const path = ctx.path;

  // GET /__served?since=N: the paths requested since the Nth (what a test's action fetched).
  if (path === '/__served') {
    const since = Number(ctx.query.since ?? 0);
    ctx.body = { count: served.length, paths: served.slice(since) };
    return;
  }
  served.push(ctx.url);
  // dist/ as a CDN serves it: to pages on any origin.
  if (path.startsWith('/dist/')) ctx.set('Access-Control-Allow-Origin', '*');

  // Control API: POST /__mock/<id> sets behaviour, GET reads the request log.
  if (path.startsWith('/__mock/')) {
    const id = decodeURIComponent(path.slice(8));
    if (ctx.method === 'POST') {
      const config = await readJson(ctx);
      const entry = mocks.get(id) ?? { requests: [] };
      entry.config = config;
      mocks.set(id, entry);
      ctx.body = { ok: true };
    } else {
      const entry = mocks.get(id) ?? { requests: [] };
      ctx.body = { count: entry.requests.length, requests: entry.requests };
    }
    return;
  }

  // Programmable feed: GET /mock/<id>[?anything]
  if (path.startsWith('/mock/')) {
    const id = decodeURIComponent(path.slice(6));
    const entry = mocks.get(id) ?? { requests: [], config: { status: 404 } };
    mocks.set(id, entry);
    entry.requests.push({ method: ctx.method, url: ctx.url, headers: { ...ctx.headers }, at: Date.now() });
    const c = entry.config ?? { status: 404 };
    if (c.delayMs) await sleep(c.delayMs);
    if (c.drop) {
      // What a reader offline or behind a dead server gets: no HTTP answer at all.
      ctx.req.socket.destroy();
      ctx.respond = false;
      return;
    }
    let body = c.body ?? '';
    let etag = c.etag;
    let lastModified = c.lastModified;
    if (c.file) {
      const f = await readCached(filePath(c.file));
      body = f.body;
      if (c.validators !== false) {
        etag ??= f.etag;
        lastModified ??= f.lastModified;
      }
    }
    if (etag) ctx.set('ETag', etag);
    if (lastModified) ctx.set('Last-Modified', lastModified);
    ctx.set('Cache-Control', 'no-cache');
    for (const [k, v] of Object.entries(c.headers ?? {})) ctx.set(k, v);
    if (etag && ctx.get('If-None-Match') === etag) {
      ctx.status = 304;
      return;
    }
    ctx.status = c.status ?? 200;
    ctx.type = c.contentType ?? 'application/feed+json; charset=utf-8';
    ctx.body = body;
    return;
  }

  // Repository files byte for byte, with validators: the dev server would decode and
  // re-encode text files, and real feeds come in gb2312 or ISO-8859-1.
  if (path.startsWith('/raw/')) {
    const full = filePath(decodeURIComponent(path.slice(5)));
    if (!full) return next();
    try {
      const f = await readCached(full);
      ctx.set('ETag', f.etag);
      ctx.set('Last-Modified', f.lastModified);
      if (ctx.get('If-None-Match') === f.etag) {
        ctx.status = 304;
        return;
      }
      ctx.type = full.endsWith('.json') ? 'application/feed+json; charset=utf-8' : 'application/octet-stream';
      ctx.body = f.body;
    } catch {
      ctx.status = 404;
    }
    return;
  }
  return next();
}
