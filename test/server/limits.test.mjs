// bantin-server on the open internet: a cap on keys and an allowlist, a rate
// limit per client, short timeouts and a connection cap for slow clients,
// clean 400s for junk, CORS on errors, and a same-origin check that trusts no
// header the client chooses. Every limit is set small here, so no test waits
// out a real multi-second timeout.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnBantinServer } from '../../scripts/lib/spawn-server.mjs';
import { ClientBuckets, clientAddress } from '../../server/rate-limit.js';
import { countOf, hit, rawSocket, request } from './http.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const ORIGIN = 'https://quan5.example.vn';

describe('bantin-server limits', () => {
  /** @type {Awaited<ReturnType<typeof spawnBantinServer>>[]} */
  const started = [];
  const serve = async (args) => {
    const s = await spawnBantinServer(['--port', '0', '--db', ':memory:', ...args]);
    started.push(s);
    return s;
  };
  after(() => Promise.all(started.map((s) => s.stop())));

  describe('keys', () => {
    it('--max-keys: new keys beyond the cap get 429 with a JSON error; seeded and known keys still count', async () => {
      const s = await serve(['--max-keys', '3', '--seed', 'site=10', '--rate', '0']);
      assert.equal((await hit(s.url, 'a')).status, 200);
      assert.equal((await hit(s.url, 'b')).status, 200);
      const refused = await hit(s.url, 'c');
      assert.equal(refused.status, 429);
      assert.match(refused.json.error, /3 keys/);
      assert.equal((await hit(s.url, 'site')).json.count, 11);
      assert.equal((await hit(s.url, 'a')).json.count, 2);
      assert.equal(await countOf(s.url, 'c'), 0);
    });

    it('--max-keys has a default: --help names it', async () => {
      const s = await serve([]);
      // The cap is enforced by the store; here only that the server starts with one and says so.
      assert.match(s.output(), /at most [\d,]+ keys/);
    });

    it("--keys 'site,article:*': other keys get 403 on POST and GET, and are not stored", async () => {
      const s = await serve(['--keys', 'site,article:*', '--rate', '0']);
      assert.equal((await hit(s.url, 'site')).status, 200);
      assert.equal((await hit(s.url, 'article:5142')).status, 200);
      for (const key of ['sitex', 'articles:1', 'x', 'article']) {
        const r = await hit(s.url, key);
        assert.equal(r.status, 403, key);
        assert.match(r.json.error, /not allowed/);
      }
      assert.equal((await request(s.url, '/counter?key=other')).status, 403);
      assert.equal((await request(s.url, '/counter?keys=site,other')).status, 403);
      assert.deepEqual((await request(s.url, '/counter?keys=site,article:5142')).json, { counts: { site: 1, 'article:5142': 1 } });
    });

    it('?keys= answers any key name, __proto__ and constructor included', async () => {
      const s = await serve(['--rate', '0']);
      await hit(s.url, '__proto__');
      const r = await request(s.url, '/counter?keys=__proto__,constructor,toString');
      assert.equal(r.status, 200);
      assert.equal(r.text, '{"counts":{"__proto__":1,"constructor":0,"toString":0}}');
    });
  });

  describe('rate limit', () => {
    it('by default, one client hitting as fast as it can gets 429 with Retry-After once its burst is spent, and those hits are not counted', async () => {
      const s = await serve([]);
      const answers = [];
      for (let i = 0; i < 300; i++) answers.push(await hit(s.url, 'burst'));
      const ok = answers.filter((r) => r.status === 200).length;
      const limited = answers.filter((r) => r.status === 429);
      assert.ok(limited.length > 0, 'no 429 after 300 back-to-back hits');
      assert.ok(ok >= 20, `only ${ok} hits let through`);
      assert.ok(Number(limited[0].headers['retry-after']) >= 1);
      assert.match(limited[0].json.error, /too many/i);
      assert.equal(await countOf(s.url, 'burst'), ok);
    });

    it('--rate and --burst; X-Forwarded-For is ignored unless --trust-proxy, then its last address is the client', async () => {
      const plain = await serve(['--rate', '1', '--burst', '5']);
      const spoofed = [];
      for (let i = 0; i < 10; i++) spoofed.push((await hit(plain.url, 'k', { headers: { 'X-Forwarded-For': `10.0.0.${i}` } })).status);
      assert.deepEqual(spoofed, [200, 200, 200, 200, 200, 429, 429, 429, 429, 429]);

      const proxied = await serve(['--rate', '1', '--burst', '5', '--trust-proxy']);
      const one = [];
      for (let i = 0; i < 7; i++) one.push((await hit(proxied.url, 'k', { headers: { 'X-Forwarded-For': `203.0.113.${i}, 198.51.100.7` } })).status);
      assert.deepEqual(one, [200, 200, 200, 200, 200, 429, 429]);
      assert.equal((await hit(proxied.url, 'k', { headers: { 'X-Forwarded-For': '198.51.100.8' } })).status, 200);
      // The bucket refills at --rate per second.
      await sleep(1100);
      assert.equal((await hit(proxied.url, 'k', { headers: { 'X-Forwarded-For': '198.51.100.7' } })).status, 200);
    });

    it('keeps at most a bounded number of clients in memory', () => {
      const buckets = new ClientBuckets({ rate: 1, burst: 2, maxClients: 1000 });
      for (let i = 0; i < 50_000; i++) buckets.take(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
      assert.ok(buckets.size <= 1000, `${buckets.size} buckets kept`);
    });

    it('an IPv6 client is one client per /64', () => {
      const req = (address, xff) => /** @type {any} */ ({ socket: { remoteAddress: address }, headers: xff ? { 'x-forwarded-for': xff } : {} });
      assert.equal(clientAddress(req('2001:db8:1:2:aaaa::1'), false), clientAddress(req('2001:db8:1:2:bbbb::9'), false));
      assert.notEqual(clientAddress(req('2001:db8:1:3::1'), false), clientAddress(req('2001:db8:1:2::1'), false));
      assert.equal(clientAddress(req('::ffff:192.0.2.1'), false), '192.0.2.1');
      assert.equal(clientAddress(req('127.0.0.1', '192.0.2.9, 192.0.2.1'), true), '192.0.2.1');
      assert.equal(clientAddress(req('127.0.0.1', '192.0.2.9'), false), '127.0.0.1');
    });
  });

  describe('slow and junk clients', () => {
    let s;
    before(async () => {
      s = await serve(['--timeout', '0.2', '--max-connections', '20', '--origin', ORIGIN]);
    });

    it('slow headers: the connection is closed within a moment of --timeout', async () => {
      const started = Date.now();
      const slow = rawSocket(s.url, 'POST /counter HTTP/1.1\r\nHost: x\r\n');
      await slow.closed;
      assert.ok(Date.now() - started < 1500, `closed after ${Date.now() - started} ms`);
    });

    it('slow body: 408 and closed within a moment of --timeout, nothing counted', async () => {
      const started = Date.now();
      const slow = rawSocket(s.url, 'POST /counter HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 20\r\n\r\n{"key":');
      const text = await slow.closed;
      assert.ok(Date.now() - started < 1500, `closed after ${Date.now() - started} ms`);
      assert.match(text, /^HTTP\/1\.1 408 /);
    });

    it('--max-connections: slow clients beyond it are dropped at once, and the service answers again within a second', async () => {
      const slow = Array.from({ length: 60 }, () => rawSocket(s.url, 'GET /counter?key=site HTTP/1.1\r\nHost: x\r\n'));
      await sleep(100);
      const closedEarly = (await Promise.all(slow.map((c) => Promise.race([c.closed.then(() => true), sleep(50).then(() => false)])))).filter(Boolean).length;
      assert.ok(closedEarly >= 35, `only ${closedEarly} of 60 dropped before the timeout`);
      const started = Date.now();
      let answer = null;
      while (!answer && Date.now() - started < 3000) {
        answer = await request(s.url, '/counter?key=site').catch(() => null);
        if (!answer) await sleep(50);
      }
      assert.equal(answer?.status, 200);
      assert.ok(Date.now() - started < 1500, `unreachable for ${Date.now() - started} ms`);
      await Promise.all(slow.map((c) => c.closed));
    });

    it('a malformed request target gets 400, and the log no stack trace', async () => {
      const before = s.output();
      for (const target of ['http://[', '//[::1', 'http://a:b:c/']) {
        const c = rawSocket(s.url, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
        const text = await c.closed;
        assert.match(text, /^HTTP\/1\.1 400 /, target);
      }
      assert.doesNotMatch(s.output().slice(before.length), /\n\s+at /);
      assert.doesNotMatch(s.output().slice(before.length), /TypeError/);
    });

    it('errors carry CORS headers for an allowed origin, so its page can read why', async () => {
      const headers = { Origin: ORIGIN };
      const cases = [
        await hit(s.url, 'not ok', { headers }),
        await request(s.url, '/counter', { method: 'PUT', body: '{}', headers }),
        await request(s.url, '/counter', { method: 'POST', body: JSON.stringify({ key: 'x', pad: 'x'.repeat(2000) }), headers }),
        await request(s.url, '/nowhere', { headers }),
      ];
      assert.deepEqual(cases.map((r) => r.status), [400, 405, 413, 404]);
      for (const r of cases) {
        assert.equal(r.headers['access-control-allow-origin'], ORIGIN, String(r.status));
        assert.equal(typeof r.json.error, 'string');
      }
      // Another site still learns nothing.
      const evil = await hit(s.url, 'not ok', { headers: { Origin: 'https://inflate.example.com' } });
      assert.equal(evil.status, 403);
      assert.equal(evil.headers['access-control-allow-origin'], undefined);
    });
  });

  describe('same origin', () => {
    it('Host and X-Forwarded-Host make no origin "same": a DNS-rebinding page gets 403', async () => {
      const s = await serve([]);
      const rebinding = await hit(s.url, 'rebind', { headers: { Origin: 'http://attacker.example:80', Host: 'attacker.example:80' } });
      assert.equal(rebinding.status, 403);
      const forwarded = await hit(s.url, 'rebind', { headers: { Origin: 'https://attacker.example', 'X-Forwarded-Host': 'attacker.example' } });
      assert.equal(forwarded.status, 403);
      assert.equal(await countOf(s.url, 'rebind'), 0);
      // The address it listens on is its own origin.
      assert.equal((await hit(s.url, 'own', { headers: { Origin: new URL(s.url).origin } })).status, 200);
    });

    it('--public-origin names the origin readers reach it at, behind a proxy', async () => {
      const s = await serve(['--public-origin', 'https://portal.example']);
      const r = await hit(s.url, 'public', { headers: { Origin: 'https://portal.example', Host: 'portal.example' } });
      assert.equal(r.status, 200);
      assert.equal(r.headers['access-control-allow-origin'], undefined, 'same origin needs no CORS header');
      assert.equal((await hit(s.url, 'public', { headers: { Origin: 'https://other.example' } })).status, 403);
    });
  });
});
