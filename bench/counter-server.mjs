#!/usr/bin/env node
// Benchmark of bantin-server's counter: POST /counter hits and GET per second,
// and latency (p50, p99), with autocannon, on 127.0.0.1 only, against real
// server processes: one on a SQLite file, one on Redis, and two on one Redis
// (autocannon spreads its connections over both). The three take turns, run
// by run, so a busy moment on the machine does not fall on one of them only;
// medians printed side by side.
//   node bench/counter-server.mjs [--runs 3] [--seconds 5] [--connections 50]
import autocannon from 'autocannon';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { spawnBantinServer } from '../scripts/lib/spawn-server.mjs';
import { startRedis } from '../test/server/http.mjs';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '50' },
  },
});
const runs = Number(values.runs);
const seconds = Number(values.seconds);
const connections = Number(values.connections);

/** @param {number[]} xs */
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (/** @type {number} */ x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * @param {string[]} urls one per server: autocannon deals its connections out over them
 * @param {object} options
 */
function load(urls, options) {
  return autocannon({ url: urls, connections, duration: seconds, ...options });
}

const load1 = () => loadavg().map((x) => x.toFixed(2)).join(' ');
// On a shared machine, other work shifts these figures: the load average says how much.
console.log(`load average before: ${load1()} (${cpus().length} cores)`);
const dir = await mkdtemp(join(tmpdir(), 'bantin-bench-'));
const redis = await startRedis();
// No rate limit: one client (autocannon) is the whole load here.
const common = ['--port', '0', '--host', '127.0.0.1', '--seed', 'site=19467540', '--rate', '0'];
/** @type {Awaited<ReturnType<typeof spawnBantinServer>>[]} */
const servers = [];
const start = async (/** @type {string[]} */ args) => {
  const s = await spawnBantinServer([...common, ...args]);
  servers.push(s);
  return s;
};
let failed = false;
try {
  const sqlite = await start(['--db', join(dir, 'counts.sqlite')]);
  const redisA = await start(['--redis', redis.url]);
  const redisB = await start(['--redis', redis.url]);
  const configs = [
    { name: 'SQLite, 1 instance', urls: [sqlite.url] },
    { name: 'Redis, 1 instance', urls: [redisA.url] },
    { name: 'Redis, 2 instances', urls: [redisA.url, redisB.url] },
  ];
  const post = { method: 'POST', body: JSON.stringify({ key: 'site' }), headers: { 'content-type': 'text/plain;charset=UTF-8' } };
  const requests = [
    { name: 'POST', options: post, path: '/counter' },
    { name: 'GET', options: { method: 'GET' }, path: '/counter?key=site' },
  ];
  const countAt = async (/** @type {string} */ url) => Number((await (await fetch(`${url}/counter?key=site`)).json()).count);

  // Warm-up: JIT, SQLite page cache and WAL, Redis connections and scripts.
  for (const c of configs) await load(c.urls.map((u) => `${u}/counter`), { ...post, duration: 1 });

  /** @type {Map<string, { perSecond: number, p50: number, p99: number }[]>} */
  const rows = new Map();
  for (let i = 0; i < runs; i++) {
    for (const c of configs) {
      for (const r of requests) {
        const before = await countAt(c.urls[0]);
        const result = await load(c.urls.map((u) => `${u}${r.path}`), r.options);
        const after = await countAt(c.urls[0]);
        const ok = result['2xx'];
        const label = `${c.name}, ${r.name} run ${i + 1}/${runs}`;
        if (result.non2xx || result.errors || result.timeouts) {
          failed = true;
          console.error(`${label}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
        }
        // Every acknowledged hit must be in the store, so the figure counts stored hits. The count
        // may rise by up to one more per connection: requests in flight when autocannon stops are not counted by it.
        const rose = after - before;
        if (r.name === 'POST' && (rose < ok || rose > ok + connections)) {
          failed = true;
          console.error(`${label}: ${ok} hits acknowledged but the count rose by ${rose}`);
        }
        const key = `${c.name}\t${r.name}`;
        rows.set(key, [...(rows.get(key) ?? []), { perSecond: ok / result.duration, p50: result.latency.p50, p99: result.latency.p99 }]);
        console.log(`bench: ${label}: ${round(ok / result.duration, 0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`);
      }
    }
  }

  const cell = (/** @type {string} */ config, /** @type {string} */ request) => {
    const r = rows.get(`${config}\t${request}`) ?? [];
    return {
      perSecond: round(median(r.map((x) => x.perSecond)), 0),
      p50: median(r.map((x) => x.p50)),
      p99: median(r.map((x) => x.p99)),
      spread: `${round(Math.min(...r.map((x) => x.perSecond)), 0)}–${round(Math.max(...r.map((x) => x.perSecond)), 0)}`,
    };
  };
  console.table(
    configs.map(({ name }) => {
      const hits = cell(name, 'POST');
      const reads = cell(name, 'GET');
      return {
        store: name,
        'hits/s': hits.perSecond,
        'hit p50 ms': hits.p50,
        'hit p99 ms': hits.p99,
        'hits/s min–max': hits.spread,
        'GET/s': reads.perSecond,
        'GET p99 ms': reads.p99,
      };
    }),
  );
  console.log(
    `Medians of ${runs} runs of ${seconds} s each, ${connections} connections, autocannon, bantin-server and redis-server ` +
      `all on 127.0.0.1 (SQLite WAL with synchronous=NORMAL; Redis without persistence), ${cpus().length} CPU(s), Node ${process.version}.`,
  );
  console.log(`load average after: ${load1()}`);
} finally {
  await Promise.all(servers.map((s) => s.stop()));
  await redis.close();
  await rm(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
