#!/usr/bin/env node
// Benchmark of bantin-server's counter: POST /counter hits per second and
// latency (p50, p99) with autocannon, on 127.0.0.1 only, against a real
// server process with a real SQLite file. Several runs; medians printed.
//   node bench/counter-server.mjs [--runs 5] [--seconds 5] [--connections 50]
import autocannon from 'autocannon';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { spawnBantinServer } from '../scripts/spawn-server.mjs';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '50' },
  },
});
const runs = Number(values.runs);
const seconds = Number(values.seconds);
const connections = Number(values.connections);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

function load(url, options) {
  return autocannon({ url, connections, duration: seconds, ...options });
}

const dir = await mkdtemp(join(tmpdir(), 'bantin-bench-'));
const server = await spawnBantinServer(['--port', '0', '--host', '127.0.0.1', '--db', join(dir, 'counts.sqlite'), '--seed', 'site=19467540']);
let failed = false;
try {
  const endpoint = `${server.url}/counter`;
  const post = { method: 'POST', body: JSON.stringify({ key: 'site' }), headers: { 'content-type': 'text/plain;charset=UTF-8' } };
  // Warm-up: JIT, SQLite page cache, the WAL file.
  await load(endpoint, { ...post, duration: 1 });

  const table = [];
  for (const [name, options] of [
    ['POST /counter (hit)', post],
    ['GET /counter?key=site', { method: 'GET', url: `${endpoint}?key=site` }],
  ]) {
    const rows = [];
    for (let i = 0; i < runs; i++) {
      const before = Number((await (await fetch(`${endpoint}?key=site`)).json()).count);
      const r = await load(options.url ?? endpoint, options);
      const after = Number((await (await fetch(`${endpoint}?key=site`)).json()).count);
      const ok = r['2xx'];
      if (r.non2xx || r.errors || r.timeouts) {
        failed = true;
        console.error(`${name} run ${i + 1}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
      }
      // Every acknowledged hit must be in the database, so the figure counts committed hits. The count
      // may rise by up to one more per connection: requests in flight when autocannon stops are not counted by it.
      const rose = after - before;
      if (options.method === 'POST' && (rose < ok || rose > ok + connections)) {
        failed = true;
        console.error(`${name} run ${i + 1}: ${ok} hits acknowledged but the count rose by ${rose}`);
      }
      rows.push({ perSecond: ok / r.duration, p50: r.latency.p50, p99: r.latency.p99, total: ok });
      console.log(
        `bench: ${name} run ${i + 1}/${runs}: ${round(ok / r.duration, 0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms (${ok} requests)`,
      );
    }
    table.push({
      request: name,
      'req/s (median)': round(median(rows.map((r) => r.perSecond)), 0),
      'p50 ms (median)': median(rows.map((r) => r.p50)),
      'p99 ms (median)': median(rows.map((r) => r.p99)),
      'req/s min–max': `${round(Math.min(...rows.map((r) => r.perSecond)), 0)}–${round(Math.max(...rows.map((r) => r.perSecond)), 0)}`,
    });
  }
  console.table(table);
  console.log(
    `${runs} runs of ${seconds} s each, ${connections} connections, autocannon and bantin-server on 127.0.0.1 ` +
      `(one server process, SQLite WAL, synchronous=NORMAL), ${cpus().length} CPU(s), Node ${process.version}.`,
  );
} finally {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
