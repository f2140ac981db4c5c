// bantin-server's command line: help, bad flags, and a clear word when better-sqlite3 is missing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { spawnBantinServer } from '../../scripts/spawn-server.mjs';
import { countOf, runCli, tempDir } from './http.mjs';


describe('bantin-server command line', () => {
  let tmp;
  before(async () => (tmp = await tempDir()));
  after(() => tmp?.remove());

  it('--help prints the flags and the API', async () => {
    const r = await runCli(['--help']);
    assert.equal(r.code, 0);
    for (const flag of ['--feeds', '--db', '--port', '--origin', '--seed']) assert.match(r.stdout, new RegExp(flag));
    assert.match(r.stdout, /POST \/counter/);
  });

  it('refuses unknown flags and bad values with exit code 2 and the usage', async () => {
    for (const args of [['--nope'], ['--port', 'x'], ['--seed', 'site'], ['--seed', 'a b=1'], ['--origin', 'quan5'], ['--feeds', tmp.file('none')]]) {
      const r = await runCli([...args, '--db', ':memory:']);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^bantin-server: /);
      assert.match(r.stderr, /Usage: bantin-server/);
    }
  });

  it('--seed sets several starting values', async () => {
    const server = await spawnBantinServer(['--port', '0', '--db', ':memory:', '--seed', 'site=19467540', '--seed', 'article:5142=770']);
    try {
      assert.equal(await countOf(server.url, 'site'), 19467540);
      assert.equal(await countOf(server.url, 'article:5142'), 770);
    } finally {
      await server.stop();
    }
  });

  it('without better-sqlite3 installed, says what to install and exits 1', async () => {
    const hook = fileURLToPath(new URL('./fixtures/without-better-sqlite3.mjs', import.meta.url));
    const r = await runCli(['--port', '0', '--db', tmp.file('x.sqlite')], ['--import', hook]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /better-sqlite3/);
    assert.match(r.stderr, /npm install better-sqlite3@12/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'a stack trace instead of a message');
  });

  it('a port already in use is a clear error, not a crash', async () => {
    const first = await spawnBantinServer(['--port', '0', '--db', ':memory:']);
    try {
      const r = await runCli(['--port', String(first.port), '--db', ':memory:']);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /cannot listen on 127\.0\.0\.1:\d+: .*EADDRINUSE/);
    } finally {
      await first.stop();
    }
  });
});
