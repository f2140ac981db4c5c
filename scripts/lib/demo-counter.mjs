// The demo's counter service: bantin-server on a free port, counting in
// .tmp/demo-counts.sqlite (kept between runs), seeded like the model page.
// vite.config.ts proxies /counter to BANTIN_COUNTER_URL.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { spawnBantinServer } from './spawn-server.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

export async function startDemoCounter({ db = '.tmp/demo-counts.sqlite', quiet = false } = {}) {
  mkdirSync(`${root}.tmp`, { recursive: true });
  // vite proxies /counter from pages on whatever port it found free, and the
  // server trusts no Host header for "same origin": a local demo allows any origin.
  const counter = await spawnBantinServer(['--feeds', `${root}demo`, '--db', db.startsWith('/') || db === ':memory:' ? db : `${root}${db}`, '--port', '0', '--seed', 'site=19467540', '--origin', '*'], { quiet });
  process.env.BANTIN_COUNTER_URL = counter.url;
  return counter;
}
