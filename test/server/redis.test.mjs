// bantin-server --redis: several instances on one real redis-server count as
// one, seeding never lowers a count, and Redis going away is a 503, never a
// 200 that was not stored.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { spawnBantinServer } from '../../scripts/lib/spawn-server.mjs';
import { writeFile } from 'node:fs/promises';
import { boundedAgent, countOf, freePort, hit, request, runCli, startRedis, startRedisCluster, tempDir } from './http.mjs';

/** `n` concurrent hits on `key`, spread round-robin over the servers. */
async function spreadHits(servers, key, n) {
  const agents = servers.map(() => boundedAgent(32));
  try {
    return await Promise.all(Array.from({ length: n }, (_, i) => hit(servers[i % servers.length].url, key, { agent: agents[i % servers.length] })));
  } finally {
    for (const a of agents) a.destroy();
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));


describe('bantin-server --redis', () => {
  let tmp;
  let redis;
  before(async () => {
    tmp = await tempDir();
    redis = await startRedis({ dir: tmp.dir });
  });
  after(async () => {
    await redis?.close();
    await tmp?.remove();
  });

  for (const instances of [2, 4]) {
    it(`${instances} instances on one Redis: 4,000 concurrent hits add exactly 4,000, every count distinct`, async () => {
      const key = `spread-${instances}`;
      const servers = await Promise.all(Array.from({ length: instances }, () => spawnBantinServer(['--port', '0', '--redis', redis.url, '--rate', '0'])));
      try {
        const answers = await spreadHits(servers, key, 4000);
        assert.deepEqual(answers.filter((r) => r.status !== 200).map((r) => r.text), []);
        const counts = answers.map((r) => r.json.count).sort((a, b) => a - b);
        assert.deepEqual(counts, Array.from({ length: 4000 }, (_, i) => i + 1));
        for (const s of servers) assert.equal(await countOf(s.url, key), 4000);
        // Stored under the namespace, as a plain Redis integer.
        assert.equal(await redis.command('GET', `bantin:counter:${key}`), '4000');
      } finally {
        await Promise.all(servers.map((s) => s.stop()));
      }
    });
  }

  it('same API: GET, ?keys= with any key name (__proto__ too), --seed never lowers, --redis-prefix', async () => {
    const args = ['--port', '0', '--redis', redis.url, '--redis-prefix', 'q5:', '--seed', 'site=100'];
    const a = await spawnBantinServer(args);
    try {
      for (let i = 0; i < 5; i++) await hit(a.url, 'site');
      assert.deepEqual((await request(a.url, '/counter?key=site')).json, { key: 'site', count: 105 });
      assert.deepEqual((await hit(a.url, '__proto__')).json, { key: '__proto__', count: 1 });
      const many = await request(a.url, '/counter?keys=site,__proto__,constructor,none');
      assert.equal(many.status, 200);
      assert.equal(many.text, '{"counts":{"site":105,"__proto__":1,"constructor":0,"none":0}}');
      assert.equal(await redis.command('GET', 'q5:site'), '105');
      assert.equal(await redis.command('EXISTS', 'bantin:counter:site'), ':0');
    } finally {
      await a.stop();
    }
    // Seeding again, from two instances starting at once, never lowers; a higher seed raises.
    const [b, c] = await Promise.all([spawnBantinServer(args), spawnBantinServer(['--port', '0', '--redis', redis.url, '--redis-prefix', 'q5:', '--seed', 'site=1000'])]);
    try {
      assert.equal(await countOf(b.url, 'site'), 1000);
    } finally {
      await Promise.all([b.stop(), c.stop()]);
    }
  });

  it('--max-keys is one cap across all instances: new keys beyond it get 429, known keys still count', async () => {
    const prefix = 'cap:';
    const args = ['--port', '0', '--redis', redis.url, '--redis-prefix', prefix, '--max-keys', '10', '--rate', '0'];
    const [a, b] = await Promise.all([spawnBantinServer(args), spawnBantinServer(args)]);
    try {
      const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => hit([a, b][i % 2].url, `new-${i}`)));
      const created = answers.filter((r) => r.status === 200);
      assert.equal(created.length, 10);
      const refused = answers.filter((r) => r.status === 429);
      assert.equal(refused.length, 30);
      assert.match(refused[0].json.error, /keys/i);
      assert.equal((await hit(b.url, created[0].json.key)).status, 200);
      assert.equal(await countOf(a.url, created[0].json.key), 2);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it('Redis going away mid-load: 503 with a JSON error, one log line, no 200 unstored; counting resumes by itself', async () => {
    const args = ['--port', '0', '--redis', redis.url, '--redis-prefix', 'outage:', '--rate', '0'];
    const [a, b] = await Promise.all([spawnBantinServer(args), spawnBantinServer(args)]);
    const servers = [a, b];
    const agent = boundedAgent(16);
    const acked = [];
    const unavailable = [];
    const other = [];
    let sent = 0;
    let stop = false;
    const worker = async (w) => {
      while (!stop && sent < 20_000) {
        sent++;
        const r = await hit(servers[w % 2].url, 'load', { agent }).catch((e) => ({ status: 0, text: String(e), json: null }));
        if (r.status === 200) acked.push(r.json.count);
        else if (r.status === 503) unavailable.push(r);
        else other.push(`${r.status} ${r.text}`);
        if (r.status !== 200) await sleep(5);
      }
    };
    const workers = Array.from({ length: 8 }, (_, w) => worker(w));
    try {
      while (acked.length < 300) await sleep(5);
      // SHUTDOWN SAVE: every INCR Redis answered is in the snapshot it reloads.
      await redis.stop();
      const ackedBefore = acked.length;
      while (unavailable.length < 200) await sleep(5);
      await redis.restart();
      const upAgain = Date.now();
      while (acked.length < ackedBefore + 300 && Date.now() - upAgain < 10_000) await sleep(10);
      stop = true;
      await Promise.all(workers);

      assert.deepEqual(other, []);
      assert.ok(acked.length >= ackedBefore + 300, `counting did not resume: ${acked.length - ackedBefore} hits after Redis came back`);
      const r503 = unavailable[0];
      assert.equal(typeof r503.json?.error, 'string');
      assert.match(r503.json.error, /not recorded|unavailable/i);
      const count = await countOf(a.url, 'load');
      assert.equal(new Set(acked).size, acked.length, 'two hits answered with the same count');
      assert.ok(count >= Math.max(...acked), `count ${count} < highest acknowledged ${Math.max(...acked)}`);
      assert.ok(count >= acked.length, `count ${count} < ${acked.length} acknowledged hits`);
      for (const s of servers) {
        const log = s.output();
        assert.equal(log.match(/counts store unavailable/g)?.length, 1, log);
        assert.match(log, /Redis/);
        assert.equal(log.match(/counts store is back/g)?.length, 1, log);
        assert.doesNotMatch(log, /\n\s+at /, 'a stack trace in the log');
      }
    } finally {
      stop = true;
      await Promise.all(workers);
      agent.destroy();
      await Promise.all(servers.map((s) => s.stop()));
    }
  });

  it('a Redis that hangs: hits answer 503 after --redis-timeout, never 200 unstored, and count again once it answers', async () => {
    const s = await spawnBantinServer(['--port', '0', '--redis', redis.url, '--redis-prefix', 'hang:', '--redis-timeout', '0.3', '--rate', '0']);
    try {
      assert.equal((await hit(s.url, 'site')).json.count, 1);
      redis.pause();
      const started = Date.now();
      const during = await Promise.all(Array.from({ length: 5 }, () => hit(s.url, 'site')));
      assert.deepEqual(during.map((r) => r.status), [503, 503, 503, 503, 503]);
      assert.ok(Date.now() - started < 2000, `answered after ${Date.now() - started} ms`);
      redis.resume();
      // Redis then runs what it had received: those hits may count although they were answered 503.
      const after = await hit(s.url, 'site');
      assert.equal(after.status, 200);
      assert.ok(after.json.count >= 2 && after.json.count <= 7, `count ${after.json.count}`);
      assert.equal(s.output().match(/counts store unavailable/g)?.length, 1, s.output());
      assert.match(s.output(), /timed out/i);
    } finally {
      redis.resume();
      await s.stop();
    }
  });

  it('--redis-sentinel: finds the master through a Sentinel and counts there', async () => {
    const conf = tmp.file('sentinel.conf');
    // Sentinel rewrites its config file: it must be a writable file of its own.
    await writeFile(conf, `sentinel monitor bantin 127.0.0.1 ${redis.port} 1\nsentinel down-after-milliseconds bantin 60000\n`);
    const sentinel = await startRedis({ sentinel: conf });
    try {
      const s = await spawnBantinServer(['--port', '0', '--redis', sentinel.url, '--redis-sentinel', 'bantin', '--redis-prefix', 'via-sentinel:']);
      try {
        assert.deepEqual((await hit(s.url, 'site')).json, { key: 'site', count: 1 });
        assert.equal(await redis.command('GET', 'via-sentinel:site'), '1');
      } finally {
        await s.stop();
      }
    } finally {
      await sentinel.close();
    }
  });

  it('--redis-cluster: three masters, counts and ?keys= in one hash-tagged slot; a prefix without a tag is refused', async () => {
    const refused = await runCli(['--redis', redis.url, '--redis-cluster']);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /hash tag/);

    const cluster = await startRedisCluster(tmp.dir);
    try {
      const args = ['--port', '0', '--redis', cluster.nodes[0].url, '--redis', cluster.nodes[1].url, '--redis-cluster', '--redis-prefix', '{bantin}:counter:', '--rate', '0'];
      const [a, b] = await Promise.all([spawnBantinServer(args), spawnBantinServer(args)]);
      try {
        const answers = await spreadHits([a, b], 'site', 400);
        assert.deepEqual(answers.filter((r) => r.status !== 200).map((r) => r.text), []);
        assert.equal(new Set(answers.map((r) => r.json.count)).size, 400);
        await hit(a.url, 'article:1');
        assert.deepEqual((await request(b.url, '/counter?keys=site,article:1,none')).json, { counts: { site: 400, 'article:1': 1, none: 0 } });
      } finally {
        await Promise.all([a.stop(), b.stop()]);
      }
    } finally {
      await cluster.close();
    }
  });

  it('a Redis that is not there at start: a clear message and exit 1', async () => {
    const port = await freePort();
    const r = await runCli(['--port', '0', '--redis', `redis://127.0.0.1:${port}`]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, new RegExp(`cannot reach Redis at redis://127\\.0\\.0\\.1:${port}`));
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });

  it('--redis with a bad URL is a usage error', async () => {
    for (const url of ['localhost:6379', 'http://127.0.0.1:6379']) {
      const r = await runCli(['--redis', url]);
      assert.equal(r.code, 2, url);
      assert.match(r.stderr, /--redis/);
    }
  });

  it('without ioredis installed, says what to install and exits 1', async () => {
    const hook = fileURLToPath(new URL('./fixtures/without-ioredis.mjs', import.meta.url));
    const r = await runCli(['--port', '0', '--redis', redis.url], ['--import', hook]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /ioredis/);
    assert.match(r.stderr, /npm install ioredis@6/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'a stack trace instead of a message');
  });
});
