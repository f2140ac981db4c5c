#!/usr/bin/env node
// bantin-server: the reference counter service, and a file server for feeds.
//   npx bantin-server --feeds ./demo --db ./counts.sqlite --port 8787
import { statSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createBantinServer } from './app.js';
import { KEY_PATTERN } from './counter.js';
import { parseOrigins } from './origin.js';
import { MissingDriverError, openStore } from './store/store.js';

const USAGE = `Usage: bantin-server [options]

  --feeds DIR        serve the files in DIR (feeds as application/feed+json, with ETag/304)
  --db FILE          SQLite file for the counts (default: counts.sqlite; ":memory:" keeps nothing)
  --port N           port to listen on (default 8787; 0 picks a free one)
  --host ADDR        address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --origin URL       a site whose pages may use the counter, e.g. https://quan5.example.vn
                     (repeatable; "*" allows any; default: the server's own origin only)
  --seed KEY=N       raise KEY to at least N, e.g. --seed site=19467540 (repeatable)
  -h, --help         this text

API: GET /counter?key=site, GET /counter?keys=a,b, POST /counter {"key":"site"}`;

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message, code = 2) {
  console.error(`bantin-server: ${message}`);
  if (code === 2) console.error(`\n${USAGE}`);
  process.exit(code);
}

/** @param {string[]} argv */
function parse(argv) {
  const values = (() => {
    try {
      return parseArgs({
      args: argv,
      options: {
        feeds: { type: 'string' },
        db: { type: 'string', default: 'counts.sqlite' },
        port: { type: 'string', default: '8787' },
        host: { type: 'string', default: '127.0.0.1' },
        origin: { type: 'string', multiple: true, default: [] },
        seed: { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', short: 'h', default: false },
      },
      }).values;
    } catch (e) {
      return fail(errorMessage(e));
    }
  })();
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port ${values.port}: not a port number`);
  if (values.feeds && !statSync(values.feeds, { throwIfNoEntry: false })?.isDirectory()) fail(`--feeds ${values.feeds}: no such folder`);
  const seeds = values.seed.map((s) => {
    const m = /^([^=]+)=(\d+)$/.exec(s);
    if (!m || !KEY_PATTERN.test(m[1]) || !Number.isSafeInteger(Number(m[2]))) fail(`--seed ${s}: expected KEY=N, like site=19467540`);
    return /** @type {[string, number]} */ ([m[1], Number(m[2])]);
  });
  let origins;
  try {
    origins = parseOrigins(values.origin);
  } catch (e) {
    fail(errorMessage(e));
  }
  return { ...values, db: values.db, port, seeds, origins };
}

/** @param {unknown} e */
const errorMessage = (e) => (e instanceof Error ? e.message : String(e));

const options = parse(process.argv.slice(2));

/** @type {import('./store/store.js').CounterStore} */
let store;
try {
  store = await openStore(options.db);
} catch (e) {
  if (e instanceof MissingDriverError) fail(e.message, 1);
  fail(`cannot open the counts database ${options.db}: ${errorMessage(e)}`, 1);
}
// The store contract lets seed return a promise (a networked store): wait for each before serving.
try {
  for (const [key, value] of options.seeds) await store.seed(key, value);
} catch (e) {
  fail(`cannot seed the counts in ${options.db}: ${errorMessage(e)}`, 1);
}

// Never serve the counts themselves, even when --db sits inside --feeds.
const dbFile = options.db === ':memory:' ? null : await realpath(resolve(options.db));
const hidden = dbFile ? ['', '-wal', '-shm', '-journal'].map((suffix) => dbFile + suffix) : [];

const server = await createBantinServer({ store, feeds: options.feeds ?? null, origins: options.origins, hidden });
server.on('error', (e) => fail(`cannot listen on ${options.host}:${options.port}: ${e.message}`, 1));
server.listen(options.port, options.host, () => {
  const { address, port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  const host = address.includes(':') ? `[${address}]` : address;
  console.log(
    `bantin-server: counts in ${options.db}${options.feeds ? `, files from ${options.feeds}` : ''}; ` +
      `listening on http://${host}:${port}`,
  );
});

let stopping = false;
/** @param {NodeJS.Signals} signal */
function stop(signal) {
  if (stopping) process.exit(1); // a second Ctrl-C: do not wait
  stopping = true;
  server.close(() => {
    store.close();
    process.exit(0);
  });
  server.closeIdleConnections();
  // Requests in flight get a moment to finish; each hit is committed before its answer anyway.
  setTimeout(() => server.closeAllConnections(), 2000).unref();
  if (signal === 'SIGINT') console.log('bantin-server: stopping');
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
