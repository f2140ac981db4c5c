// Counts are durable: across restarts, across a SIGKILL in the middle of a
// load, with two server processes sharing one SQLite file, and on a full disk
// (every hit answered 200 is in the file; the others are 503s).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { spawnBantinServer } from '../../scripts/lib/spawn-server.mjs';
import { boundedAgent, countOf, hit, request, runCli, tempDir } from './http.mjs';

/**
 * Runs `fn` on a fresh tmpfs of `size` mounted at `dir` (root on Linux only),
 * unmounted after; skips the test where mounting is not allowed.
 * @param {import('node:test').TestContext} t
 * @param {string} dir
 * @param {string} size e.g. '256k'
 * @param {(dir: string) => Promise<void>} fn
 */
async function onTmpfs(t, dir, size, fn) {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    t.skip('cannot mount a tmpfs here (needs root on Linux)');
    return;
  }
  try {
    await fn(dir);
  } finally {
    execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
  }
}

/**
 * Hits until the store is full: 200-character keys, 4 clients, at most 3,000
 * requests. Returns the keys answered 200 (with their counts) and the 503s.
 */
async function fillUp(url) {
  const agent = boundedAgent(4);
  const acked = new Map();
  const refused = [];
  const other = [];
  let n = 0;
  const worker = async () => {
    while (n < 3000 && refused.length < 50) {
      const key = `${String(n++).padStart(6, '0')}:${'x'.repeat(193)}`;
      const r = await hit(url, key, { agent });
      if (r.status === 200) acked.set(key, r.json.count);
      else if (r.status === 503) refused.push(r);
      else other.push(`${r.status} ${r.text}`);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  agent.destroy();
  return { acked, refused, other };
}

/** Every key answered 200 is in the file with its count, asked of a fresh server on the same file. */
async function assertAllStored(url, acked) {
  const keys = [...acked.keys()];
  for (let i = 0; i < keys.length; i += 40) {
    const batch = keys.slice(i, i + 40); // 40 keys of 200 characters: within Node's 16 KB of headers
    const r = await request(url, `/counter?keys=${batch.join(',')}`);
    assert.equal(r.status, 200);
    const missing = batch.filter((k) => r.json.counts[k] !== acked.get(k));
    assert.equal(missing.length, 0, `${missing.length} of ${batch.length} acknowledged hits not in the database`);
  }
}

/**
 * Fills the store behind a server on `db`, then asks a fresh server on the same
 * file for every acknowledged hit. `env`: set for the first server only.
 */
async function fillThenCheck(db, env = {}) {
  Object.assign(process.env, env); // children inherit the environment
  const server = await spawnBantinServer(['--port', '0', '--db', db, '--rate', '0', '--max-keys', '100000']).finally(() => {
    for (const name of Object.keys(env)) delete process.env[name];
  });
  let full;
  try {
    full = await fillUp(server.url);
    assertFullIsA503(full, server);
    // Still full: reads keep working.
    assert.equal((await request(server.url, '/counter?key=site')).status, 200);
  } finally {
    await server.stop();
  }
  const again = await spawnBantinServer(['--port', '0', '--db', db, '--rate', '0']);
  try {
    await assertAllStored(again.url, full.acked);
  } finally {
    await again.stop();
  }
}

function assertFullIsA503(full, server) {
  assert.deepEqual(full.other, []);
  assert.ok(full.refused.length > 0, `the disk never filled: ${full.acked.size} hits stored`);
  assert.ok(full.acked.size > 0);
  assert.match(full.refused[0].json.error, /not recorded/);
  const log = server.output();
  assert.equal(log.match(/counts store unavailable/g)?.length, 1, log);
  assert.match(log, /SQLITE_FULL|full/);
  assert.doesNotMatch(log, /\n\s+at /, 'a stack trace in the log');
}

describe('bantin-server durability', () => {
  let tmp;
  before(async () => (tmp = await tempDir()));
  after(() => tmp?.remove());

  it('counts survive a restart, and --seed on the next start does not lower them', async () => {
    const db = tmp.file('restart.sqlite');
    const first = await spawnBantinServer(['--port', '0', '--db', db, '--seed', 'site=100']);
    for (let i = 0; i < 5; i++) await hit(first.url, 'site');
    await hit(first.url, 'article:1');
    assert.equal(await first.stop(), 0);

    const second = await spawnBantinServer(['--port', '0', '--db', db, '--seed', 'site=100']);
    try {
      assert.equal(await countOf(second.url, 'site'), 105);
      assert.equal(await countOf(second.url, 'article:1'), 1);
    } finally {
      await second.stop();
    }
    // A higher seed (a portal moving a larger old count over) raises it.
    const third = await spawnBantinServer(['--port', '0', '--db', db, '--seed', 'site=19467540']);
    try {
      assert.equal(await countOf(third.url, 'site'), 19467540);
    } finally {
      await third.stop();
    }
  });

  it('SIGKILL in the middle of a load loses no acknowledged hit', async () => {
    const db = tmp.file('kill.sqlite');
    const server = await spawnBantinServer(['--port', '0', '--db', db, '--rate', '0']);
    const agent = boundedAgent(16);
    const acked = [];
    let sent = 0;
    let killed = false;
    // 16 clients POSTing back to back; at most 4,000 requests in all.
    const worker = async () => {
      while (!killed && sent < 4000) {
        sent++;
        try {
          const r = await hit(server.url, 'load', { agent });
          if (r.status === 200) acked.push(r.json.count);
        } catch {
          return; // the connection died with the server
        }
      }
    };
    const workers = Array.from({ length: 16 }, worker);
    while (acked.length < 500 && sent < 4000) await new Promise((r) => setTimeout(r, 5));
    killed = true;
    await server.kill();
    await Promise.all(workers);
    agent.destroy();
    assert.ok(acked.length >= 500, `only ${acked.length} hits acknowledged before the kill`);

    const again = await spawnBantinServer(['--port', '0', '--db', db]);
    try {
      const count = await countOf(again.url, 'load');
      // Every answered hit is in the file; hits sent but never answered may or may not be.
      assert.ok(count >= Math.max(...acked), `count ${count} < highest acknowledged ${Math.max(...acked)}`);
      assert.ok(count >= acked.length);
      assert.ok(count <= sent, `count ${count} > ${sent} requests sent`);
      assert.equal(new Set(acked).size, acked.length, 'two hits were answered with the same count');
    } finally {
      await again.stop();
    }
  });

  it('two server processes on one SQLite file: 2 × 500 concurrent hits add exactly 1,000', async () => {
    const db = tmp.file('shared.sqlite');
    const a = await spawnBantinServer(['--port', '0', '--db', db, '--rate', '0']);
    const b = await spawnBantinServer(['--port', '0', '--db', db, '--rate', '0']);
    const agent = boundedAgent(50);
    try {
      const answers = await Promise.all([
        ...Array.from({ length: 500 }, () => hit(a.url, 'shared', { agent })),
        ...Array.from({ length: 500 }, () => hit(b.url, 'shared', { agent })),
      ]);
      assert.ok(answers.every((r) => r.status === 200));
      assert.equal(new Set(answers.map((r) => r.json.count)).size, 1000);
      assert.equal(await countOf(a.url, 'shared'), 1000);
      assert.equal(await countOf(b.url, 'shared'), 1000);
    } finally {
      agent.destroy();
      await a.stop();
      await b.stop();
    }
  });

  it('a full disk (a 256 KB tmpfs): every hit answered 200 is in the file, the rest get 503, the log says so once', (t) =>
    // Where no tmpfs can be mounted, the max_page_count test below covers the store.
    onTmpfs(t, tmp.file('tiny'), '256k', (dir) => fillThenCheck(`${dir}/counts.sqlite`)));

  it('a database at its size cap (PRAGMA max_page_count): the same 503s, nothing acknowledged is lost', async () => {
    // A test hook of the SQLite store: caps the file at 16 pages of 4 KB.
    await fillThenCheck(tmp.file('capped.sqlite'), { BANTIN_SQLITE_MAX_PAGE_COUNT: '16' });
  });

  it('a read-only database is refused at start with a clear message, exit 1', (t) =>
    onTmpfs(t, tmp.file('ro'), '1m', async (dir) => {
      const db = `${dir}/counts.sqlite`;
      const first = await spawnBantinServer(['--port', '0', '--db', db, '--seed', 'site=1']);
      assert.equal(await first.stop(), 0);
      execFileSync('mount', ['-o', 'remount,ro', dir]);
      const r = await runCli(['--port', '0', '--db', db]);
      assert.equal(r.code, 1, r.stdout + r.stderr);
      assert.match(r.stderr, /read-only/);
      assert.ok(r.stderr.includes(db), r.stderr);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    }));
});
