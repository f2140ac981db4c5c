// The counter store for several instances: counts in Redis (or Valkey, which
// speaks the same protocol), one integer per key under a prefix, so any number
// of bantin-server processes behind one name count as one. Through ioredis, an
// optional peer dependency loaded only for --redis, which also speaks Sentinel
// and Cluster.
import { KeyLimitError, MissingDriverError, StoreUnavailableError, loadDriver } from './store.js';

/**
 * Where the counts live, from the command line.
 * @typedef {object} RedisTarget
 * @property {URL[]} nodes one redis:// or rediss:// URL; with `cluster` or `sentinel`, the seed nodes or the sentinels
 * @property {string} prefix put before every counter key, e.g. "bantin:counter:"
 * @property {boolean} [cluster] Redis Cluster: `nodes` are seed nodes
 * @property {string | null} [sentinel] the master group name the sentinels in `nodes` watch
 * @property {number} [timeoutMs] how long a command may wait for Redis (default 2000)
 */

const missing = (/** @type {unknown} */ cause) =>
  new MissingDriverError(
    'stores counts in Redis (--redis) through the "ioredis" package',
    'npm install ioredis@6',
    '(ioredis 6 runs on Node 20 and later; SQLite, the default store, does not need it.)',
    cause,
  );

// A hit: INCR, and for a key not yet there, first the cap on the number of
// keys. One script, so two instances cannot both take the last free key.
// KEYS[1] the counter, KEYS[2] the number of keys; ARGV[1] the cap (0: none).
const HIT = `
if redis.call('EXISTS', KEYS[1]) == 0 then
  local max = tonumber(ARGV[1])
  if max > 0 and tonumber(redis.call('GET', KEYS[2]) or '0') >= max then return -1 end
  redis.call('INCR', KEYS[2])
end
return redis.call('INCR', KEYS[1])`;

// A seed raises a count to at least ARGV[1], never lowers it: read and write in one step.
const SEED = `
local current = redis.call('GET', KEYS[1])
local want = tonumber(ARGV[1])
if current == false then
  redis.call('SET', KEYS[1], want)
  redis.call('INCR', KEYS[2])
  return want
end
current = tonumber(current)
if want > current then
  redis.call('SET', KEYS[1], want)
  return want
end
return current`;

/** Redis replies that mean "not now" rather than "wrong command": the hit may be retried later. */
const TRANSIENT_REPLY = /^(LOADING|READONLY|MASTERDOWN|CLUSTERDOWN|TRYAGAIN|NOREPLICAS|BUSY|OOM|MOVED|ASK)\b/;

/** A URL fit for logs: no password. */
export function redactUrl(/** @type {URL} */ url) {
  const copy = new URL(url.href);
  if (copy.password) copy.password = '***';
  return copy.href.replace(/\/$/, '');
}

/**
 * Reads a --redis value: redis://[user:password@]host[:port][/db] or rediss:// for TLS.
 * @param {string} value
 * @returns {URL}
 */
export function parseRedisUrl(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`--redis ${value}: not a URL (expected like redis://127.0.0.1:6379/0)`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new Error(`--redis ${value}: only redis:// and rediss:// (TLS) URLs`);
  if (!url.hostname) throw new Error(`--redis ${value}: no host`);
  const db = url.pathname.replace(/^\//, '');
  if (db && !/^\d+$/.test(db)) throw new Error(`--redis ${value}: the path is the database number, like /0`);
  return url;
}

/** @param {URL} url */
function connectionOptions(url) {
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: Number(url.pathname.replace(/^\//, '') || 0),
    tls: url.protocol === 'rediss:' ? { servername: url.hostname } : undefined,
  };
}

/**
 * Connects to Redis and returns a CounterStore on it. Fails at once (with a
 * message naming the server) when Redis cannot be reached at start.
 * @param {RedisTarget} target
 * @param {import('./store.js').StoreOptions} options
 * @returns {Promise<import('./store.js').CounterStore>}
 */
export async function openRedisStore(target, { maxKeys }) {
  const Redis = await loadDriver('ioredis', missing);
  const { nodes, prefix, cluster = false, sentinel = null, timeoutMs = 2000 } = target;
  const where = `${cluster ? 'Redis Cluster' : sentinel ? `Redis Sentinel "${sentinel}"` : 'Redis'} at ${nodes.map(redactUrl).join(', ')}`;
  // Fail fast while Redis is away instead of queueing: a hit must be answered
  // (503) within a moment, and a queued INCR sent minutes later could count a
  // hit the reader was told was lost. In-flight commands are never resent
  // either (maxRetriesPerRequest 0, no auto-resend): a resent INCR whose first
  // reply was lost would count twice. Reconnecting goes on in the background.
  const failFast = {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    retryStrategy: (/** @type {number} */ times) => Math.min(50 * times, 1000),
    lazyConnect: true,
  };
  const first = connectionOptions(nodes[0]);
  const addresses = nodes.map((u) => {
    const { host, port } = connectionOptions(u);
    return { host, port };
  });
  /** @type {any} ioredis' client (Redis or Cluster), with the two scripts defined below */
  let client;
  if (cluster) {
    const { host, port, db, ...auth } = first;
    client = new Redis.Cluster(
      addresses,
      { ...failFast, clusterRetryStrategy: failFast.retryStrategy, redisOptions: { ...failFast, ...auth } },
    );
  } else if (sentinel) {
    // The URL's user and password are the master's; Sentinels here take none.
    const { host, port, tls, ...auth } = first;
    client = new Redis({
      ...failFast,
      ...auth,
      name: sentinel,
      sentinels: addresses,
      enableTLSForSentinelMode: Boolean(tls),
      tls,
      sentinelRetryStrategy: failFast.retryStrategy,
    });
  } else {
    client = new Redis({ ...failFast, ...first });
  }

  // ioredis reports every failed reconnect attempt; keep the last for the 503's log line.
  let lastError = '';
  client.on('error', (/** @type {Error} */ e) => {
    lastError = e.message;
  });
  try {
    await client.connect();
    await client.ping();
  } catch (e) {
    client.disconnect();
    throw new Error(`cannot reach ${where}: ${lastError || /** @type {Error} */ (e).message}`, { cause: e });
  }
  client.defineCommand('bantinHit', { numberOfKeys: 2, lua: HIT });
  client.defineCommand('bantinSeed', { numberOfKeys: 2, lua: SEED });
  // The number of keys: outside the counters' names (no counter key has a '#').
  const sizeKey = `${prefix}#keys`;
  const counterKey = (/** @type {string} */ key) => prefix + key;

  /**
   * @template T
   * @param {() => Promise<T>} op
   * @returns {Promise<T>}
   */
  const guard = async (op) => {
    try {
      return await op();
    } catch (e) {
      if (e instanceof KeyLimitError) throw e;
      const error = /** @type {Error} */ (e);
      if (error.name !== 'ReplyError' || TRANSIENT_REPLY.test(error.message)) {
        // While disconnected, ioredis' own message ("Stream isn't writeable…") says less than its state.
        const why = client.status === 'ready' ? error.message : `not connected (${client.status}${lastError ? `; last error: ${lastError}` : ''})`;
        throw new StoreUnavailableError(`${where}: ${why}`, e);
      }
      throw e;
    }
  };
  const toCount = (/** @type {string | null} */ value) => (value === null ? 0 : Number(value));

  return {
    kind: 'redis',
    hit: (key) =>
      guard(async () => {
        const count = Number(await client.bantinHit(counterKey(key), sizeKey, maxKeys));
        if (count < 0) throw new KeyLimitError(maxKeys);
        return count;
      }),
    get: (key) => guard(async () => toCount(await client.get(counterKey(key)))),
    getMany: (keys) =>
      guard(async () => {
        // One MGET; in a Cluster the keys must share a slot, which the prefix's hash tag ensures.
        /** @type {(string | null)[]} */
        const values = await client.mget(keys.map(counterKey));
        return new Map(keys.map((key, i) => [key, toCount(values[i])]));
      }),
    seed: (key, value) => guard(async () => Number(await client.bantinSeed(counterKey(key), sizeKey, value))),
    async close() {
      await client.quit().catch(() => client.disconnect());
    },
  };
}
