// Counts are durable: across restarts, across a SIGKILL in the middle of a
// load, and with two server processes sharing one SQLite file.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnBantinServer } from '../../scripts/spawn-server.mjs';
import { boundedAgent, countOf, hit, tempDir } from './http.mjs';

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
    const server = await spawnBantinServer(['--port', '0', '--db', db]);
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
    const a = await spawnBantinServer(['--port', '0', '--db', db]);
    const b = await spawnBantinServer(['--port', '0', '--db', db]);
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
});
