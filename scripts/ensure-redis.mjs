#!/usr/bin/env node
// Makes sure the server tests have a redis-server to start: uses one on PATH
// (or REDIS_SERVER), else installs Debian's `redis-server` package with
// apt-get, else says exactly what to install. Valkey's server speaks the same
// protocol: REDIS_SERVER=/usr/bin/valkey-server works too.
//   node scripts/ensure-redis.mjs        exit 0 when a server is there
// Also imported by the tests (findRedisServer, ensureRedisServer).
import { execFileSync, execSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const NAMES = ['redis-server', 'valkey-server'];

/** The redis-server binary to run, or null. */
export function findRedisServer() {
  const override = process.env.REDIS_SERVER;
  if (override) return existsSync(override) ? override : null;
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/local/bin', '/usr/sbin'];
  for (const name of NAMES) {
    for (const dir of dirs) {
      if (!dir) continue;
      const file = join(dir, name);
      try {
        accessSync(file, constants.X_OK);
        return file;
      } catch {
        // not here
      }
    }
  }
  return null;
}

/**
 * Finds redis-server, installing Debian's package when it is missing and
 * apt-get can run. Throws with what to install when there is none.
 * @returns {string} the binary's path
 */
export function ensureRedisServer() {
  const found = findRedisServer();
  if (found) return found;
  if (process.env.REDIS_SERVER) {
    throw new Error(`REDIS_SERVER is set to ${process.env.REDIS_SERVER}, but no file is there. Fix or unset it.`);
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  let sudo = isRoot ? '' : null;
  if (!isRoot) {
    try {
      execSync('sudo -n true', { stdio: 'ignore' });
      sudo = 'sudo ';
    } catch {
      // no passwordless sudo: cannot install
    }
  }
  if (existsSync('/usr/bin/apt-get') && sudo !== null) {
    console.error('No redis-server found: installing Debian\'s "redis-server" package (about 15 s)…');
    try {
      // stdout to stderr: the node test runner reads a test file's stdout as its report.
      execFileSync('sh', ['-c', `${sudo}apt-get -o DPkg::Lock::Timeout=120 update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 install -y -qq --no-install-recommends redis-server`], {
        stdio: ['ignore', 2, 2],
      });
    } catch {
      console.error('Installing redis-server with apt-get failed (see above).');
    }
    const installed = findRedisServer();
    if (installed) return installed;
  }
  throw new Error(`The Redis tests need redis-server (or valkey-server), and none was found.
  - On Debian/Ubuntu: sudo apt-get install redis-server   (or valkey-server)
  - On macOS: brew install redis
  - Elsewhere: install Redis 6+ or Valkey and set REDIS_SERVER=/path/to/redis-server`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    console.log(ensureRedisServer());
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
