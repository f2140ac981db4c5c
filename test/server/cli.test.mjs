// bantin-server's command line: help, bad flags, and a clear word when better-sqlite3 is missing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { spawnBantinServer } from '../../scripts/lib/spawn-server.mjs';
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

describe('bantin-server --seed-from FEED', () => {
  let tmp;
  before(async () => (tmp = await tempDir()));
  after(() => tmp?.remove());

  /** A two-page JSON Feed archive on disk; page 2 points back at page 1 (a loop the reader must stop). */
  async function archive(views) {
    const { writeFile } = await import('node:fs/promises');
    const page = (items, extra) => JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Quận 5', items, ...extra });
    const item = (id, n) => ({ id, title: `Tin ${id}`, content_text: 'x', _bantin: { views: n } });
    await writeFile(tmp.file('tin-tuc.json'), page([item('5142', views[0]), item('tin tức/5?x', views[1])], { next_url: 'tin-tuc-2.json', _bantin: { visits: 19467540 } }));
    await writeFile(tmp.file('tin-tuc-2.json'), page([item('5100', views[2]), item('5099', null)], { next_url: 'tin-tuc.json' }));
    return tmp.file('tin-tuc.json');
  }

  it('raises every article to at least its views, and site to the visits, through every page; never lowers; again is a no-op', async () => {
    const { articleCounterKey } = await import('../../dist/counter/keys.js');
    const db = tmp.file('seed.sqlite');
    const feed = await archive([770, 12, 3]);
    let server = await spawnBantinServer(['--port', '0', '--db', db, '--seed-from', feed]);
    try {
      assert.equal(await countOf(server.url, 'site'), 19467540);
      assert.equal(await countOf(server.url, 'article:5142'), 770);
      // An id the service would refuse gets the same hashed key the article element asks for.
      assert.equal(await countOf(server.url, articleCounterKey('tin tức/5?x')), 12);
      assert.equal(await countOf(server.url, 'article:5100'), 3);
      assert.equal(await countOf(server.url, 'article:5099'), 0);
    } finally {
      await server.stop();
    }
    // A later start with the same (or older, lower) feed keeps the counts readers added since.
    await archive([700, 12, 1]);
    server = await spawnBantinServer(['--port', '0', '--db', db, '--seed-from', feed]);
    try {
      assert.equal(await countOf(server.url, 'article:5142'), 770);
      assert.equal(await countOf(server.url, 'article:5100'), 3);
    } finally {
      await server.stop();
    }
  });

  it('reads the feed over HTTP too, following next_url', async () => {
    await archive([5, 6, 7]);
    const files = await spawnBantinServer(['--port', '0', '--db', ':memory:', '--feeds', tmp.dir]);
    try {
      const server = await spawnBantinServer(['--port', '0', '--db', ':memory:', '--seed-from', `${files.url}/tin-tuc.json`]);
      try {
        assert.equal(await countOf(server.url, 'article:5142'), 5);
        assert.equal(await countOf(server.url, 'article:5100'), 7);
        assert.equal(await countOf(server.url, 'site'), 19467540);
      } finally {
        await server.stop();
      }
    } finally {
      await files.stop();
    }
  });

  it('a missing file, an RSS feed or a broken page: a clear one-line error and exit 1, nothing started', async () => {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(tmp.file('rss.xml'), '<?xml version="1.0"?><rss version="2.0"><channel><title>Q5</title></channel></rss>');
    await writeFile(tmp.file('broken.json'), '{"version": "https://jsonfeed.org/version/1.1", "items": [');
    for (const [source, pattern] of [
      [tmp.file('none.json'), /none\.json: no such file/],
      [tmp.file('rss.xml'), /reads JSON Feeds/],
      [tmp.file('broken.json'), /not valid JSON|JSON/],
    ]) {
      const r = await runCli(['--port', '0', '--db', ':memory:', '--seed-from', source]);
      assert.equal(r.code, 1, source);
      assert.match(r.stderr, /^bantin-server: --seed-from /);
      assert.match(r.stderr, pattern);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'a stack trace instead of a message');
    }
  });
});
