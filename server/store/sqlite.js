// The default counter store: one SQLite file through better-sqlite3.
// better-sqlite3 is an optional peer dependency of bantin (front-end users
// never need it), so it is loaded on demand and its absence is explained.
import { accessSync, constants } from 'node:fs';
import { dirname } from 'node:path';
import { KeyLimitError, MissingDriverError, StoreUnavailableError, loadDriver } from './store.js';

const missing = (/** @type {unknown} */ cause) =>
  new MissingDriverError(
    'stores counts in SQLite through the "better-sqlite3" package',
    'npm install better-sqlite3@12',
    '(version 12 runs on Node 20; version 13 needs Node 22.)',
    cause,
  );

/** SQLite result codes (extended ones start with these) that mean "this file cannot take writes now". */
const UNAVAILABLE = ['SQLITE_FULL', 'SQLITE_READONLY', 'SQLITE_IOERR', 'SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_CANTOPEN', 'SQLITE_PROTOCOL', 'SQLITE_CORRUPT', 'SQLITE_NOTADB'];

/** @param {string} path */
function writable(path) {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** @param {unknown} e */
const codeOf = (e) => /** @type {{ code?: unknown }} */ (e)?.code;

/**
 * Opens (creating if needed) a counts database, and refuses one it cannot write.
 * @param {string} file path of the SQLite file, or ':memory:'
 * @param {import('./store.js').StoreOptions} options
 * @returns {Promise<import('./store.js').CounterStore>}
 */
export async function openSqliteStore(file, { maxKeys }) {
  const Database = await loadDriver('better-sqlite3', missing);
  /** @type {any} better-sqlite3 ships no types */
  let db;
  try {
    db = new Database(file);
    // WAL: readers never block the writer, and a commit is one append to the log.
    // synchronous=NORMAL in WAL mode: a committed hit survives the process being
    // killed (the log is in the OS before the answer is sent); only a power cut
    // can lose the last few. FULL would fsync on every hit.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // Several server processes may share one file: wait for the write lock instead of failing.
    db.pragma('busy_timeout = 5000');
    // Test hook: caps the file's size, to fill it in a test without filling a disk.
    const maxPages = Number(process.env.BANTIN_SQLITE_MAX_PAGE_COUNT);
    if (maxPages > 0) db.pragma(`max_page_count = ${maxPages}`);
    // The number of keys is kept by triggers, so the cap costs one row read, not a count(*),
    // and stays right with several processes on the file. Setting up is itself a write: a
    // read-only file fails here, at start, not on the first hit.
    db.transaction(() => {
      db.exec(`CREATE TABLE IF NOT EXISTS counters (
        key   TEXT PRIMARY KEY NOT NULL,
        count INTEGER NOT NULL DEFAULT 0
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS counters_size (
        id   INTEGER PRIMARY KEY CHECK (id = 1),
        keys INTEGER NOT NULL
      );
      INSERT OR IGNORE INTO counters_size (id, keys) SELECT 1, count(*) FROM counters;
      CREATE TRIGGER IF NOT EXISTS counters_added AFTER INSERT ON counters
        BEGIN UPDATE counters_size SET keys = keys + 1; END;
      CREATE TRIGGER IF NOT EXISTS counters_removed AFTER DELETE ON counters
        BEGIN UPDATE counters_size SET keys = keys - 1; END;
      UPDATE counters_size SET keys = keys;`);
    }).immediate();
  } catch (e) {
    const code = String(codeOf(e) ?? '');
    if (code.startsWith('SQLITE_READONLY') || (code === 'SQLITE_CANTOPEN' && !writable(dirname(file)))) {
      throw new Error(`read-only (${code}: ${/** @type {Error} */ (e).message}): ` +
        'bantin-server must be able to write the file, its -wal and -shm files, and its folder', { cause: e });
    }
    throw e;
  }

  const updateStmt = db.prepare('UPDATE counters SET count = count + 1 WHERE key = ? RETURNING count');
  const insertStmt = db.prepare('INSERT INTO counters (key, count) VALUES (?, ?)');
  const sizeStmt = db.prepare('SELECT keys FROM counters_size WHERE id = 1').pluck();
  const getStmt = db.prepare('SELECT count FROM counters WHERE key = ?').pluck();
  const raiseStmt = db.prepare('UPDATE counters SET count = ? WHERE key = ? AND count < ?');

  // Each hit is its own IMMEDIATE transaction with an explicit COMMIT: a commit that
  // fails (disk full, read-only, I/O error) throws, so no answer goes out for a hit
  // that is not in the file. (A lone INSERT … RETURNING read with .get() hands back
  // its row before the automatic commit, whose failure is then lost.)
  const hitTx = db.transaction((/** @type {string} */ key) => {
    const count = /** @type {{ count: number } | undefined} */ (updateStmt.get(key))?.count;
    if (count !== undefined) return count;
    if (maxKeys > 0 && /** @type {number} */ (sizeStmt.get()) >= maxKeys) throw new KeyLimitError(maxKeys);
    insertStmt.run(key, 1);
    return 1;
  });
  const seedTx = db.transaction((/** @type {string} */ key, /** @type {number} */ value) => {
    const count = /** @type {number | undefined} */ (getStmt.get(key));
    if (count === undefined) insertStmt.run(key, value);
    else if (count < value) raiseStmt.run(value, key, value);
    return Math.max(count ?? 0, value);
  });
  let open = true;

  /**
   * @template T
   * @param {() => T} op
   * @returns {T}
   */
  const guard = (op) => {
    try {
      return op();
    } catch (e) {
      const code = String(codeOf(e) ?? '');
      if (UNAVAILABLE.some((c) => code.startsWith(c))) {
        throw new StoreUnavailableError(`${file}: ${code} (${/** @type {Error} */ (e).message})`, e);
      }
      throw e;
    }
  };

  return {
    kind: 'sqlite',
    hit: (key) => guard(() => hitTx.immediate(key)),
    get: (key) => guard(() => /** @type {number | undefined} */ (getStmt.get(key)) ?? 0),
    getMany: (keys) =>
      guard(() => {
        const out = new Map();
        for (const key of keys) out.set(key, /** @type {number | undefined} */ (getStmt.get(key)) ?? 0);
        return out;
      }),
    seed: (key, value) => guard(() => seedTx.immediate(key, value)),
    close() {
      if (!open) return;
      open = false;
      try {
        db.close();
      } catch {
        // A last checkpoint on a full disk can fail; every hit is already in the WAL.
      }
    },
  };
}
