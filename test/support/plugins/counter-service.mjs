// The browser tests' counter service: a real bantin-server (real SQLite file
// in a temp folder) started with the test run, seeded as the model page
// (site=19467540), allowing the test page's origin. Tests reach it
//   - directly, cross-origin: executeServerCommand('counter-service') -> { url };
//   - same-origin through /counter-proxy/<id>/counter, a pass-through the test
//     can turn into a dead or slow service: POST /__counter-proxy/<id>
//     {"down": true} or {"delayMs": 6000}.
import { request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnBantinServer } from '../../../scripts/lib/spawn-server.mjs';

let service = null;
let dir = null;
/** id -> { down?: boolean, delayMs?: number } */
const proxies = new Map();

export function counterService() {
  return {
    name: 'bantin-counter-service',
    async serverStart({ config }) {
      dir = await mkdtemp(join(tmpdir(), 'bantin-wtr-counter-'));
      const origins = [`http://${config.hostname}:${config.port}`, `http://localhost:${config.port}`, `http://127.0.0.1:${config.port}`];
      service = await spawnBantinServer([
        '--port', '0',
        '--db', join(dir, 'counts.sqlite'),
        '--seed', 'site=19467540',
        // Every test page is one client (127.0.0.1), two test files at a time: no per-client rate limit here.
        '--rate', '0',
        ...origins.flatMap((o) => ['--origin', o]),
      ]);
    },
    async serverStop() {
      await service?.stop();
      service = null;
      if (dir) await rm(dir, { recursive: true, force: true });
    },
    async executeCommand({ command }) {
      if (command === 'counter-service') return { url: service.url };
      return undefined;
    },
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function readBody(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return Buffer.concat(chunks);
}

/** Koa middleware for the programmable same-origin path to the service. */
export async function counterProxy(ctx, next) {
  if (ctx.path.startsWith('/__counter-proxy/')) {
    const id = decodeURIComponent(ctx.path.slice('/__counter-proxy/'.length));
    proxies.set(id, JSON.parse((await readBody(ctx.req)).toString('utf8') || '{}'));
    ctx.body = { ok: true };
    return;
  }
  const m = /^\/counter-proxy\/([^/]+)(\/.*)$/.exec(ctx.path);
  if (!m || !service) return next();
  const behaviour = proxies.get(decodeURIComponent(m[1])) ?? {};
  if (behaviour.delayMs) await sleep(behaviour.delayMs);
  if (behaviour.down) {
    // A dead service: no HTTP answer at all.
    ctx.req.socket.destroy();
    ctx.respond = false;
    return;
  }
  const body = await readBody(ctx.req);
  const target = new URL(service.url);
  const answer = await new Promise((resolve, reject) => {
    const req = request(
      { host: target.hostname, port: target.port, method: ctx.method, path: m[2] + ctx.search, headers: ctx.req.headers },
      resolve,
    );
    req.on('error', reject);
    req.end(body);
  });
  ctx.status = answer.statusCode;
  for (const [k, v] of Object.entries(answer.headers)) if (!['connection', 'keep-alive', 'transfer-encoding'].includes(k)) ctx.set(k, v);
  ctx.body = await readBody(answer);
}
