// The default counter store: one SQLite file through better-sqlite3.
// better-sqlite3 is an optional peer dependency of bantin (front-end users
// never need it), so it is loaded on demand and its absence is explained.

/** Thrown when better-sqlite3 cannot be loaded; the CLI prints `message` and exits. */
export class MissingDriverError extends Error {
  constructor(cause) {
    super(
      'bantin-server stores counts in SQLite through the "better-sqlite3" package, which is not installed ' +
        '(it is an optional peer dependency of bantin, so that users of the elements alone never compile SQLite).\n' +
        'Install it next to bantin:  npm install better-sqlite3@12\n' +
        '(version 12 runs on Node 20; version 13 needs Node 22.)',
    );
    this.name = 'MissingDriverError';
    this.cause = cause;
  }
}

async function loadDriver() {
  try {
    return (await import('better-sqlite3')).default;
  } catch (err) {
    const e = /** @type {NodeJS.ErrnoException} */ (err);
    if (e?.code === 'ERR_MODULE_NOT_FOUND' || e?.code === 'MODULE_NOT_FOUND') throw new MissingDriverError(e);
    // Installed but its native part failed to load (wrong Node ABI, not compiled): say so as is.
    throw e;
  }
}

/**
 * Opens (creating if needed) a counts database.
 * @param {string} file path of the SQLite file, or ':memory:'
 * @returns {Promise<import('./store.js').CounterStore>}
 */
export async function openSqliteStore(file) {
  const Database = await loadDriver();
  const db = new Database(file);
  // WAL: readers never block the writer, and a commit is one append to the log.
  // synchronous=NORMAL in WAL mode: a committed hit survives the process being
  // killed (the log is in the OS before the answer is sent); only a power cut
  // can lose the last few. FULL would fsync on every hit.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // Several server processes may share one file: wait for the write lock instead of failing.
  db.pragma('busy_timeout = 5000');
  db.exec(`CREATE TABLE IF NOT EXISTS counters (
    key   TEXT PRIMARY KEY NOT NULL,
    count INTEGER NOT NULL DEFAULT 0
  ) WITHOUT ROWID`);

  // One statement, so one atomic transaction per hit, whoever else writes the file.
  /** @type {import('better-sqlite3').Statement<[string], { count: number }>} */
  const hitStmt = db.prepare(
    `INSERT INTO counters (key, count) VALUES (?, 1)
     ON CONFLICT (key) DO UPDATE SET count = count + 1
     RETURNING count`,
  );
  /** @type {import('better-sqlite3').Statement<[string], { count: number }>} */
  const getStmt = db.prepare('SELECT count FROM counters WHERE key = ?');
  /** @type {import('better-sqlite3').Statement<[string, number], { count: number }>} */
  const seedStmt = db.prepare(
    `INSERT INTO counters (key, count) VALUES (?, ?)
     ON CONFLICT (key) DO UPDATE SET count = max(count, excluded.count)
     RETURNING count`,
  );
  let open = true;

  return {
    kind: 'sqlite',
    hit(key) {
      return /** @type {{ count: number }} */ (hitStmt.get(key)).count;
    },
    get(key) {
      return getStmt.get(key)?.count ?? 0;
    },
    getMany(keys) {
      /** @type {Record<string, number>} */
      const out = {};
      for (const key of keys) out[key] = getStmt.get(key)?.count ?? 0;
      return out;
    },
    seed(key, value) {
      return /** @type {{ count: number }} */ (seedStmt.get(key, value)).count;
    },
    close() {
      if (!open) return;
      open = false;
      db.close();
    },
  };
}
