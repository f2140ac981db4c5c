// The storage interface the HTTP layer talks to. SQLite (./sqlite.js) is the
// default; a networked store (Redis INCR, a SQL server) for sites that run
// several instances behind one name only has to implement these five methods.
// Methods may return values or promises: the server awaits them.

/**
 * @typedef {object} CounterStore
 * @property {string} kind a name for logs, e.g. "sqlite"
 * @property {(key: string) => number | Promise<number>} hit
 *   records one hit atomically and returns the count after it
 * @property {(key: string) => number | Promise<number>} get
 *   the count of a key; 0 for a key never hit
 * @property {(keys: string[]) => Record<string, number> | Promise<Record<string, number>>} getMany
 *   several counts at once, 0 for unknown keys
 * @property {(key: string, value: number) => number | Promise<number>} seed
 *   raises a key to at least `value` (a portal moving its old count over;
 *   seeding again on each start never lowers a count) and returns the count
 * @property {() => void | Promise<void>} close
 */

import { openSqliteStore } from './sqlite.js';

/** Opens the store for `--db`: a SQLite file (or `:memory:`). */
export function openStore(db) {
  return openSqliteStore(db);
}

export { MissingDriverError } from './sqlite.js';
