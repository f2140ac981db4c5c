// The storage interface the HTTP layer talks to: SQLite (./sqlite.js) by
// default, Redis (./redis.js) for several instances behind one name. Any other
// store only has to implement these methods and throw these errors.
// Methods may return values or promises: the server awaits them.

/**
 * @typedef {object} CounterStore
 * @property {string} kind a name for logs, e.g. "sqlite"
 * @property {(key: string) => number | Promise<number>} hit
 *   records one hit atomically and returns the count after it, only once the
 *   hit is stored; throws KeyLimitError for a new key beyond the cap and
 *   StoreUnavailableError when the hit could not be stored
 * @property {(key: string) => number | Promise<number>} get
 *   the count of a key; 0 for a key never hit
 * @property {(keys: string[]) => Map<string, number> | Promise<Map<string, number>>} getMany
 *   several counts at once, 0 for unknown keys (a Map: any key name, `__proto__` too)
 * @property {(key: string, value: number) => number | Promise<number>} seed
 *   raises a key to at least `value` (a portal moving its old count over;
 *   seeding again on each start never lowers a count) and returns the count;
 *   the key cap does not apply
 * @property {() => void | Promise<void>} close
 */

/**
 * @typedef {object} StoreOptions
 * @property {number} maxKeys new keys beyond this many are refused (0: no cap)
 */

/** Thrown when a store's driver package cannot be loaded; the CLI prints `message` and exits. */
export class MissingDriverError extends Error {
  /**
   * @param {string} what what needs the package, e.g. 'stores counts in SQLite through the "better-sqlite3" package'
   * @param {string} install the install command
   * @param {string} note one more line (versions)
   * @param {unknown} cause
   * @param {string} [program] the command that needs it
   */
  constructor(what, install, note, cause, program = 'bantin-server') {
    super(
      `${program} ${what}, which is not installed ` +
        '(it is an optional peer dependency of bantin, so that users of the elements alone never install it).\n' +
        `Install it next to bantin:  ${install}\n${note}`,
    );
    this.name = 'MissingDriverError';
    this.cause = cause;
  }
}

/**
 * Imports an optional driver package, turning "not installed" into a MissingDriverError.
 * @param {string} name
 * @param {(cause: unknown) => MissingDriverError} missing
 * @returns {Promise<any>} the module's default export
 */
export async function loadDriver(name, missing) {
  try {
    return (await import(name)).default;
  } catch (e) {
    const code = /** @type {{ code?: string }} */ (e)?.code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') throw missing(e);
    // Installed but broken (wrong Node ABI, not compiled): say so as is.
    throw e;
  }
}

/** A new key beyond `--max-keys`: the HTTP layer answers 429. */
export class KeyLimitError extends Error {
  /** @param {number} maxKeys */
  constructor(maxKeys) {
    super(`This counter keeps at most ${maxKeys.toLocaleString('en')} keys, and a new key would pass that (see --max-keys).`);
    this.name = 'KeyLimitError';
    this.maxKeys = maxKeys;
  }
}

/**
 * The store could not record or read a count (disk full, read-only, I/O error,
 * Redis unreachable). The hit was not acknowledged; the HTTP layer answers 503
 * and logs `message` once per outage.
 */
export class StoreUnavailableError extends Error {
  /**
   * @param {string} message what happened, for the log
   * @param {unknown} [cause]
   */
  constructor(message, cause) {
    super(message);
    this.name = 'StoreUnavailableError';
    this.cause = cause;
  }
}

/**
 * Opens the store the command line asked for.
 * @param {{ db: string, redis?: import('./redis.js').RedisTarget | null, maxKeys: number }} options
 * @returns {Promise<CounterStore>}
 */
export async function openStore({ db, redis = null, maxKeys }) {
  if (redis) return (await import('./redis.js')).openRedisStore(redis, { maxKeys });
  return (await import('./sqlite.js')).openSqliteStore(db, { maxKeys });
}

/**
 * Wraps a store so that an outage is logged once when it starts and once when
 * it ends, not once per request. The errors still reach the caller.
 * @param {CounterStore} store
 * @param {(line: string) => void} log
 * @returns {CounterStore}
 */
export function logOutages(store, log) {
  let down = false;
  /**
   * @template T
   * @param {() => T | Promise<T>} op
   * @returns {Promise<T>}
   */
  const watch = async (op) => {
    try {
      const value = await op();
      if (down) {
        down = false;
        log(`counts store is back (${store.kind}): counting again`);
      }
      return value;
    } catch (e) {
      if (e instanceof StoreUnavailableError) {
        if (!down) log(`counts store unavailable (${store.kind}): ${e.message}. Hits are answered 503 until it is back.`);
        down = true;
      } else if (down && e instanceof KeyLimitError) {
        down = false; // it answered
        log(`counts store is back (${store.kind}): counting again`);
      }
      throw e;
    }
  };
  return {
    kind: store.kind,
    hit: (key) => watch(() => store.hit(key)),
    get: (key) => watch(() => store.get(key)),
    getMany: (keys) => watch(() => store.getMany(keys)),
    seed: (key, value) => store.seed(key, value),
    close: () => store.close(),
  };
}
