#!/usr/bin/env node
// bantin-server: the reference counter service, and a file server for feeds.
//   npx bantin-server --feeds ./demo --db ./counts.sqlite --port 8787
//   npx bantin-server --redis redis://127.0.0.1:6379/0 --port 8787   (several instances, one count)
import { statSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createBantinServer } from './app.js';
import { KEY_PATTERN, parseKeyPatterns } from './counter.js';
import { parseOrigins } from './origin.js';
import { countsFromFeed } from './seed-from.js';
import { MissingDriverError, logOutages, openStore } from './store/store.js';
import { parseRedisUrl, redactUrl } from './store/redis.js';

const USAGE = `Usage: bantin-server [options]

  --feeds DIR          serve the files in DIR (feeds as application/feed+json, with ETag/304)
  --index              with --feeds: build the search index of each feed DIR/NAME.json (.rss, .atom)
                       at start and whenever its files change, and serve it at /NAME.index/
                       (for <bantin-search index="/NAME.index/">; later pages of a paged feed are
                       read into their first page's index)
  --db FILE            SQLite file for the counts (default: counts.sqlite; ":memory:" keeps nothing)
  --redis URL          keep the counts in Redis (or Valkey) instead, shared by every instance:
                       redis://[user:password@]host:port/db, rediss:// for TLS (needs ioredis)
  --redis-prefix P     put before every key in Redis (default bantin:counter:)
  --redis-sentinel NAME  the --redis URLs are Sentinels watching master group NAME (repeat --redis)
  --redis-cluster      the --redis URLs are Redis Cluster nodes; the prefix needs a hash tag, like {bantin}:
  --redis-timeout S    seconds a Redis command may take before the hit is answered 503 (default 2)
  --port N             port to listen on (default 8787; 0 picks a free one)
  --host ADDR          address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --origin URL         a site whose pages may use the counter, e.g. https://quan5.example.vn
                       (repeatable; "*" allows any; the server's own origin is always allowed)
  --public-origin URL  the origin readers reach this server at, behind a proxy (repeatable);
                       Host and X-Forwarded-Host are never trusted for that
  --seed KEY=N         raise KEY to at least N, e.g. --seed site=19467540 (repeatable)
  --seed-from FEED     raise every article:<id> to at least its _bantin.views, and site to the
                       feed's _bantin.visits: a JSON Feed file or http(s) URL, next pages followed
                       (repeatable; like --seed, never lowers a count, so every start may repeat it)
  --max-keys N         refuse new keys beyond N with 429 (default 100000; 0: no cap)
  --keys LIST          only these keys, or prefixes ending in *, e.g. 'site,article:*' (default: any)
  --rate N             hits a second per client, refilled steadily (default 20; 0: no limit)
  --burst N            hits a client may send at once (default 60)
  --trust-proxy        a proxy in front sets X-Forwarded-For: its last address is the client
  --timeout S          seconds a client has for its request's headers, and for its body (default 5)
  --max-connections N  open connections at once; more are dropped (default 512)
  -h, --help           this text

API: GET /counter?key=site, GET /counter?keys=a,b, POST /counter {"key":"site"}`;

/**
 * @param {string} message
 * @param {number} [code] 2: a usage error (the usage follows), 1: anything else
 * @returns {never}
 */
function fail(message, code = 2) {
  console.error(`bantin-server: ${message}`);
  if (code === 2) console.error(`\n${USAGE}`);
  process.exit(code);
}

/**
 * @param {string} flag
 * @param {string} value
 * @param {{ min?: number, integer?: boolean }} [rules]
 */
function number(flag, value, { min = 0, integer = true } = {}) {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || (integer && !Number.isSafeInteger(n))) fail(`${flag} ${value}: expected ${integer ? 'a whole number' : 'a number'} of at least ${min}`);
  return n;
}

/** @param {string[]} argv */
function parse(argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        feeds: { type: 'string' },
        index: { type: 'boolean', default: false },
        db: { type: 'string', default: 'counts.sqlite' },
        redis: { type: 'string', multiple: true, default: [] },
        'redis-prefix': { type: 'string', default: 'bantin:counter:' },
        'redis-sentinel': { type: 'string' },
        'redis-cluster': { type: 'boolean', default: false },
        'redis-timeout': { type: 'string', default: '2' },
        port: { type: 'string', default: '8787' },
        host: { type: 'string', default: '127.0.0.1' },
        origin: { type: 'string', multiple: true, default: [] },
        'public-origin': { type: 'string', multiple: true, default: [] },
        seed: { type: 'string', multiple: true, default: [] },
        'seed-from': { type: 'string', multiple: true, default: [] },
        'max-keys': { type: 'string', default: '100000' },
        keys: { type: 'string', multiple: true, default: [] },
        rate: { type: 'string', default: '20' },
        burst: { type: 'string', default: '60' },
        'trust-proxy': { type: 'boolean', default: false },
        timeout: { type: 'string', default: '5' },
        'max-connections': { type: 'string', default: '512' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (e) {
    fail(/** @type {Error} */ (e).message);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port ${values.port}: not a port number`);
  if (values.feeds && !statSync(values.feeds, { throwIfNoEntry: false })?.isDirectory()) fail(`--feeds ${values.feeds}: no such folder`);
  if (values.index && !values.feeds) fail('--index builds the search index of the feeds in --feeds DIR: give --feeds too');
  const seeds = values.seed.map((s) => {
    const m = /^([^=]+)=(\d+)$/.exec(s);
    if (!m || !KEY_PATTERN.test(m[1]) || !Number.isSafeInteger(Number(m[2]))) fail(`--seed ${s}: expected KEY=N, like site=19467540`);
    return /** @type {[string, number]} */ ([m[1], Number(m[2])]);
  });
  /** @type {import('./store/redis.js').RedisTarget | null} */
  let redis = null;
  try {
    const origins = parseOrigins(values.origin);
    const publicOrigins = parseOrigins(values['public-origin'], '--public-origin');
    const allowKey = parseKeyPatterns(values.keys);
    if (values.redis.length) {
      const prefix = values['redis-prefix'];
      const cluster = values['redis-cluster'];
      const sentinel = values['redis-sentinel'] ?? null;
      if (values.redis.length > 1 && !cluster && !sentinel) throw new Error('--redis: one URL, or several with --redis-sentinel or --redis-cluster');
      // Each hit's script touches the counter and the key count: in a Cluster they must share a slot.
      if (cluster && !/\{[^}]+\}/.test(prefix)) throw new Error(`--redis-cluster: give --redis-prefix a hash tag, like '{bantin}:counter:', so every count lives in one slot`);
      const timeoutMs = number('--redis-timeout', values['redis-timeout'], { min: 0.01, integer: false }) * 1000;
      redis = { nodes: values.redis.map(parseRedisUrl), prefix, cluster, sentinel, timeoutMs };
    } else if (values['redis-cluster'] || values['redis-sentinel']) {
      throw new Error('--redis-cluster and --redis-sentinel need --redis URLs');
    }
    return {
      ...values,
      port,
      seeds,
      origins,
      publicOrigins,
      redis,
      maxKeys: number('--max-keys', values['max-keys']),
      limits: {
        allowKey,
        rate: number('--rate', values.rate, { integer: false }),
        burst: number('--burst', values.burst, { min: 1 }),
        trustProxy: values['trust-proxy'],
        timeoutMs: number('--timeout', values.timeout, { min: 0.01, integer: false }) * 1000,
        maxConnections: number('--max-connections', values['max-connections'], { min: 1 }),
      },
    };
  } catch (e) {
    fail(/** @type {Error} */ (e).message);
  }
}

const options = parse(process.argv.slice(2));
const log = (/** @type {string} */ line) => console.error(`bantin-server: ${line}`);

/** @type {import('./store/store.js').CounterStore} */
let store;
try {
  store = await openStore({ db: options.db, redis: options.redis, maxKeys: options.maxKeys });
  for (const [key, value] of options.seeds) await store.seed(key, value);
} catch (e) {
  if (e instanceof MissingDriverError) fail(e.message, 1);
  const message = /** @type {Error} */ (e).message;
  fail(options.redis ? message : `cannot use the counts database ${options.db}: ${message}`, 1);
}
// The counts the portal's feed already shows (a move from another system loses none).
for (const source of options['seed-from']) {
  try {
    const { counts, pages, items } = await countsFromFeed(source, log);
    for (const [key, value] of counts) await store.seed(key, value);
    log(`--seed-from ${source}: ${pages} page(s), ${items} items, ${counts.size} counts raised to at least the feed's`);
  } catch (e) {
    // The message names the page (the first, or a later one) itself.
    fail(`--seed-from ${/** @type {Error} */ (e).message}`, 1);
  }
}
store = logOutages(store, log);

// Never serve the counts themselves, even when --db sits inside --feeds.
const dbFile = options.redis || options.db === ':memory:' ? null : await realpath(resolve(options.db));
const hidden = dbFile ? ['', '-wal', '-shm', '-journal'].map((suffix) => dbFile + suffix) : [];

const server = await createBantinServer({
  store,
  feeds: options.feeds ?? null,
  origins: options.origins,
  publicOrigins: options.publicOrigins,
  hidden,
  limits: options.limits,
  index: options.index ? { log } : null,
});
server.on('error', (e) => fail(`cannot listen on ${options.host}:${options.port}: ${e.message}`, 1));
server.listen(options.port, options.host, () => {
  const { address, port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  const host = address.includes(':') ? `[${address}]` : address;
  const where = options.redis ? options.redis.nodes.map(redactUrl).join(', ') : options.db;
  const cap = options.maxKeys ? `at most ${options.maxKeys.toLocaleString('en')} keys` : 'no cap on keys';
  console.log(
    `bantin-server: counts in ${where} (${cap})${options.feeds ? `, files from ${options.feeds}` : ''}${options.index ? ' (search indexes at /NAME.index/)' : ''}; ` +
      `listening on http://${host}:${port}`,
  );
});

let stopping = false;
/** @param {NodeJS.Signals} signal */
function stop(signal) {
  if (stopping) process.exit(1); // a second Ctrl-C: do not wait
  stopping = true;
  server.close(async () => {
    await store.close();
    process.exit(0);
  });
  server.closeIdleConnections();
  // Requests in flight get a moment to finish; each hit is committed before its answer anyway.
  setTimeout(() => server.closeAllConnections(), 2000).unref();
  if (signal === 'SIGINT') console.log('bantin-server: stopping');
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
