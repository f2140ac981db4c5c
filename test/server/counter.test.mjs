// The counter API against a real bantin-server on 127.0.0.1 with a real SQLite file.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnBantinServer } from '../../scripts/lib/spawn-server.mjs';
import { boundedAgent, countOf, hit, request, tempDir } from './http.mjs';

describe('bantin-server /counter', () => {
  let tmp;
  let server;
  before(async () => {
    tmp = await tempDir();
    server = await spawnBantinServer([
      '--port', '0', '--db', tmp.file('counts.sqlite'),
      '--seed', 'site=19467540', '--origin', 'https://quan5.example.vn', '--rate', '0',
    ]);
  });
  after(async () => {
    await server?.stop();
    await tmp?.remove();
  });

  it('GET gives a seeded count, and 0 for a key never hit', async () => {
    const r = await request(server.url, '/counter?key=site');
    assert.equal(r.status, 200);
    assert.match(r.headers['content-type'], /^application\/json/);
    assert.equal(r.headers['cache-control'], 'no-store');
    assert.deepEqual(r.json, { key: 'site', count: 19467540 });
    assert.deepEqual((await request(server.url, '/counter?key=never')).json, { key: 'never', count: 0 });
  });

  it('POST records one hit and answers the new count', async () => {
    const r1 = await hit(server.url, 'article:5142');
    assert.equal(r1.status, 200);
    assert.deepEqual(r1.json, { key: 'article:5142', count: 1 });
    assert.deepEqual((await hit(server.url, 'article:5142')).json, { key: 'article:5142', count: 2 });
    assert.equal(await countOf(server.url, 'article:5142'), 2);
  });

  it('GET ?keys=a,b,c answers several counts at once', async () => {
    await hit(server.url, 'multi-a');
    const r = await request(server.url, '/counter?keys=multi-a,site,multi-none');
    assert.equal(r.status, 200);
    assert.deepEqual(r.json, { counts: { 'multi-a': 1, site: 19467540, 'multi-none': 0 } });
  });

  it('1,000 concurrent POSTs to one key add exactly 1,000, each answered with its own count', async () => {
    const agent = boundedAgent(100);
    try {
      const answers = await Promise.all(Array.from({ length: 1000 }, () => hit(server.url, 'burst', { agent })));
      assert.ok(answers.every((r) => r.status === 200));
      const counts = answers.map((r) => r.json.count).sort((a, b) => a - b);
      assert.deepEqual(counts, Array.from({ length: 1000 }, (_, i) => i + 1));
      assert.equal(await countOf(server.url, 'burst'), 1000);
    } finally {
      agent.destroy();
    }
  });

  it('keys outside 1–200 of letters, digits and :_-./ get 400 with a JSON error, and count nothing', async () => {
    const bad = ['', 'a b', 'tin<script>', 'x'.repeat(201), 'đường', 'a?b', 'a,b'];
    for (const key of bad) {
      const r = await hit(server.url, key);
      assert.equal(r.status, 400, `POST key ${JSON.stringify(key)}`);
      assert.equal(typeof r.json.error, 'string');
    }
    assert.equal((await hit(server.url, 'x'.repeat(200))).status, 200);
    assert.equal((await request(server.url, '/counter?key=a%20b')).status, 400);
    assert.equal((await request(server.url, '/counter')).status, 400);
    assert.equal((await request(server.url, '/counter?keys=ok,not%20ok')).status, 400);
    const tooMany = Array.from({ length: 101 }, (_, i) => `k${i}`).join(',');
    assert.equal((await request(server.url, `/counter?keys=${tooMany}`)).status, 400);
  });

  it('bodies that are not {"key": "…"} JSON get 400', async () => {
    for (const body of ['', 'site', '{"key":', '[]', 'null', '{"key":5}', '{"name":"site"}']) {
      const r = await request(server.url, '/counter', { method: 'POST', body });
      assert.equal(r.status, 400, `body ${JSON.stringify(body)}`);
      assert.equal(typeof r.json.error, 'string');
    }
  });

  it('a body over 1 KB gets 413, declared or streamed, and counts nothing', async () => {
    const big = JSON.stringify({ key: 'big', pad: 'x'.repeat(1100) });
    const declared = await request(server.url, '/counter', { method: 'POST', body: big });
    assert.equal(declared.status, 413);
    const streamed = await request(server.url, '/counter', {
      method: 'POST',
      headers: { 'Transfer-Encoding': 'chunked' },
      body: big,
    });
    assert.equal(streamed.status, 413);
    assert.equal(await countOf(server.url, 'big'), 0);
    // Exactly 1 KB is still fine.
    const fits = JSON.stringify({ key: 'big', pad: '' });
    const padded = fits.replace('""', `"${'x'.repeat(1024 - fits.length)}"`);
    assert.equal(Buffer.byteLength(padded), 1024);
    assert.equal((await request(server.url, '/counter', { method: 'POST', body: padded })).status, 200);
  });

  it('wrong methods get 405 with Allow; unknown routes 404', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const r = await request(server.url, '/counter', { method, body: '{"key":"site"}' });
      assert.equal(r.status, 405, method);
      assert.match(r.headers.allow, /POST/);
    }
    const r = await request(server.url, '/nowhere');
    assert.equal(r.status, 404);
    assert.equal(typeof r.json.error, 'string');
    assert.equal((await request(server.url, '/counter/site')).status, 404);
    assert.equal(await countOf(server.url, 'site'), 19467540);
  });

  it('CORS: an allowed origin gets its Access-Control-Allow-Origin, a preflight 204', async () => {
    const origin = 'https://quan5.example.vn';
    const r = await hit(server.url, 'cors-ok', { headers: { Origin: origin } });
    assert.equal(r.status, 200);
    assert.equal(r.headers['access-control-allow-origin'], origin);
    assert.match(r.headers.vary, /Origin/);
    const pre = await request(server.url, '/counter', {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers['access-control-allow-origin'], origin);
    assert.match(pre.headers['access-control-allow-methods'], /POST/);
    assert.match(pre.headers['access-control-allow-headers'], /Content-Type/i);
  });

  it('CORS: another site gets 403 on POST, GET and preflight, and its hits are not counted', async () => {
    const evil = { Origin: 'https://inflate.example.com' };
    const r = await hit(server.url, 'cors-target', { headers: evil });
    assert.equal(r.status, 403);
    assert.equal(r.headers['access-control-allow-origin'], undefined);
    // text/plain needs no preflight: the refusal must come from the server itself.
    const simple = await hit(server.url, 'cors-target', { headers: { ...evil, 'Content-Type': 'text/plain' } });
    assert.equal(simple.status, 403);
    assert.equal((await request(server.url, '/counter?key=cors-target', { headers: evil })).status, 403);
    const pre = await request(server.url, '/counter', { method: 'OPTIONS', headers: { ...evil, 'Access-Control-Request-Method': 'POST' } });
    assert.equal(pre.status, 403);
    assert.equal((await hit(server.url, 'cors-target', { headers: { Origin: 'null' } })).status, 403);
    assert.equal(await countOf(server.url, 'cors-target'), 0);
  });

  it('same origin is allowed without --origin: a page served by the server itself', async () => {
    const own = new URL(server.url).origin;
    assert.equal((await hit(server.url, 'same-origin', { headers: { Origin: own } })).status, 200);
    assert.equal(await countOf(server.url, 'same-origin'), 1);
  });
});
