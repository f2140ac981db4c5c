// bantin-server --feeds DIR --index: each feed's search index at /NAME.index/, built
// at start, rebuilt when the feed's files change, the previous one kept when a
// rebuild fails; served like the other files.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { spawnBantinServer } from '../../scripts/lib/spawn-server.mjs';
import { request, runCli, tempDir } from './http.mjs';
import { headlines, indexReader, wordsOf, writePages } from './archive.mjs';

/** Polls until `check` returns a value (not undefined), or fails after `ms`. */
async function until(check, ms = 20_000) {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() - started > ms) throw new Error(`gave up after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The served index, read as the reader reads it. */
const served = (base, name) =>
  indexReader(async (path) => {
    const r = await fetch(`${base}/${name}.index/${path}`);
    if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
    return new Uint8Array(await r.arrayBuffer());
  });

const manifestOf = async (base, name) => {
  const r = await request(base, `/${name}.index/index.json`);
  return r.status === 200 ? r.json : undefined;
};

describe('bantin-server --index', () => {
  let tmp;
  let items;
  let server;
  before(async () => {
    tmp = await tempDir();
    items = await headlines(60);
    await writePages({ dir: tmp.dir, name: 'tin-tuc', items: items.slice(0, 50), per: 20 });
    await writePages({ dir: tmp.dir, name: 'thong-bao', format: 'rss', items: items.slice(50), per: 10 });
    await writeFile(tmp.file('notes.json'), '{"not": "a feed"}');
    server = await spawnBantinServer(['--port', '0', '--db', ':memory:', '--feeds', tmp.dir, '--index']);
  });
  after(async () => {
    await server?.stop();
    await tmp?.remove();
  });

  it('serves each feed\'s index at /NAME.index/, every page of a paged feed in it, with the file server\'s headers', async () => {
    const manifest = await until(() => manifestOf(server.url, 'tin-tuc'));
    assert.equal(manifest.articles, 50);
    const last = items[49];
    const index = served(server.url, 'tin-tuc');
    for (const word of wordsOf(last.title)) assert.ok((await index.articlesWith(word)).includes(49), word);
    assert.equal((await until(() => manifestOf(server.url, 'thong-bao'))).articles, 10);

    const r = await request(server.url, '/tin-tuc.index/index.json');
    assert.equal(r.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(r.headers['cache-control'], 'no-cache');
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
    assert.match(r.headers['content-security-policy'], /sandbox/);
    assert.ok(r.headers.etag);
    const again = await request(server.url, '/tin-tuc.index/index.json', { headers: { 'If-None-Match': r.headers.etag } });
    assert.equal(again.status, 304);
    const shard = await request(server.url, '/tin-tuc.index/p/0.bsi');
    assert.equal(shard.status, 200);
    assert.equal(shard.headers['content-type'], 'application/octet-stream');
    assert.equal(shard.headers['content-encoding'], undefined, 'the bytes as the builder gzipped them');

    // Later pages have no index of their own; what is not a feed has none; nothing leaves the folder.
    assert.equal((await request(server.url, '/tin-tuc-2.index/index.json')).status, 404);
    assert.equal((await request(server.url, '/notes.index/index.json')).status, 404);
    assert.equal((await request(server.url, '/tin-tuc.index/../../etc/passwd')).status, 400);
    assert.equal((await request(server.url, '/tin-tuc.index/.bantin-index.json')).status, 404);
    assert.match(server.output(), /--index: notes\.json is not indexed: .*not a JSON Feed/);
    // The feeds themselves are served as before.
    assert.equal((await request(server.url, '/tin-tuc.json')).json.items.length, 20);
  });

  it('rebuilds when a page changes; a broken feed keeps the previous index and says so once', async () => {
    const before = await until(() => manifestOf(server.url, 'tin-tuc'));
    // A new article on the first page.
    const fresh = { id: 'moi-1', title: 'Khánh thành cầu Xóm Củi', url: 'https://q5.example.vn/moi-1', content_text: 'Cầu mới nối quận 5 và quận 8.' };
    await writePages({ dir: tmp.dir, name: 'tin-tuc', items: [fresh, ...items.slice(0, 50)], per: 20 });
    const rebuilt = await until(async () => {
      const m = await manifestOf(server.url, 'tin-tuc');
      return m && m.version !== before.version ? m : undefined;
    });
    assert.equal(rebuilt.articles, 51);
    assert.deepEqual(await served(server.url, 'tin-tuc').articlesWith('xom'), [0]);

    await writeFile(tmp.file('tin-tuc-3.json'), '{"version": "https://jsonfeed.org/version/1.1", "items": [');
    await until(() => (/--index: \/tin-tuc\.index\/ not rebuilt \(the previous index is still served\): .*tin-tuc-3\.json/.test(server.output()) ? true : undefined));
    assert.equal((await manifestOf(server.url, 'tin-tuc')).version, rebuilt.version);
    assert.equal(server.output().match(/not rebuilt/g).length, 1);
  });

  it('--index without --feeds is a usage error', async () => {
    const r = await runCli(['--index', '--db', ':memory:']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^bantin-server: --index builds the search index of the feeds in --feeds DIR/);
  });
});
