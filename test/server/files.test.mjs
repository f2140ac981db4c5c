// bantin-server --feeds DIR: validators, 304s, media types, and no way out of DIR.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, symlink, utimes, writeFile } from 'node:fs/promises';
import { spawnBantinServer } from '../../scripts/lib/spawn-server.mjs';
import { request, tempDir } from './http.mjs';

const FEED = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Quận 5', items: [] });

describe('bantin-server --feeds', () => {
  let tmp;
  let server;
  before(async () => {
    tmp = await tempDir();
    const site = tmp.file('site');
    await mkdir(`${site}/tin`, { recursive: true });
    await writeFile(`${site}/feed.json`, FEED);
    await writeFile(`${site}/index.html`, '<!doctype html><title>Quận 5</title>');
    await writeFile(`${site}/tin/logo.svg`, '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await writeFile(`${site}/rss.xml`, Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Not\xedcias</title></channel></rss>', 'latin1'));
    await writeFile(`${site}/tin.rss`, '<rss/>');
    await writeFile(`${site}/tin.atom`, '<feed xmlns="http://www.w3.org/2005/Atom"/>');
    await writeFile(`${site}/.env`, 'SECRET=1');
    await writeFile(tmp.file('outside.txt'), 'OUTSIDE');
    await symlink(tmp.file('outside.txt'), `${site}/link.txt`);
    await utimes(`${site}/feed.json`, new Date('2017-02-27T06:35:00Z'), new Date('2017-02-27T06:35:00Z'));
    // The counts database inside the served folder must still not be served.
    server = await spawnBantinServer(['--port', '0', '--feeds', site, '--db', `${site}/counts.sqlite`]);
  });
  after(async () => {
    await server?.stop();
    await tmp?.remove();
  });

  it('serves a feed as application/feed+json with ETag, Last-Modified and Cache-Control', async () => {
    const r = await request(server.url, '/feed.json');
    assert.equal(r.status, 200);
    assert.equal(r.text, FEED);
    assert.equal(r.headers['content-type'], 'application/feed+json; charset=utf-8');
    assert.match(r.headers.etag, /^"[^"]+"$/);
    assert.equal(r.headers['last-modified'], 'Mon, 27 Feb 2017 06:35:00 GMT');
    assert.equal(r.headers['cache-control'], 'no-cache');
    assert.equal(Number(r.headers['content-length']), Buffer.byteLength(FEED));
  });

  it('answers conditional GETs with 304 and no body', async () => {
    const { headers } = await request(server.url, '/feed.json');
    const byTag = await request(server.url, '/feed.json', { headers: { 'If-None-Match': headers.etag } });
    assert.equal(byTag.status, 304);
    assert.equal(byTag.text, '');
    assert.equal(byTag.headers.etag, headers.etag);
    const weak = await request(server.url, '/feed.json', { headers: { 'If-None-Match': `"other", W/${headers.etag}` } });
    assert.equal(weak.status, 304);
    const byDate = await request(server.url, '/feed.json', { headers: { 'If-Modified-Since': headers['last-modified'] } });
    assert.equal(byDate.status, 304);
    const older = await request(server.url, '/feed.json', { headers: { 'If-Modified-Since': 'Sun, 26 Feb 2017 00:00:00 GMT' } });
    assert.equal(older.status, 200);
    const changed = await request(server.url, '/feed.json', { headers: { 'If-None-Match': '"stale"' } });
    assert.equal(changed.status, 200);
    assert.equal(changed.text, FEED);
  });

  it('serves RSS and Atom with their types, and XML without a charset that would override its declaration', async () => {
    const xml = await request(server.url, '/rss.xml');
    assert.equal(xml.headers['content-type'], 'application/xml');
    assert.match(xml.headers.etag, /^"[^"]+"$/);
    assert.equal((await request(server.url, '/tin.rss')).headers['content-type'], 'application/rss+xml');
    assert.equal((await request(server.url, '/tin.atom')).headers['content-type'], 'application/atom+xml');
  });

  it('serves other files with their types, index.html for a folder, HEAD without a body', async () => {
    const svg = await request(server.url, '/tin/logo.svg');
    assert.equal(svg.status, 200);
    assert.equal(svg.headers['content-type'], 'image/svg+xml');
    const index = await request(server.url, '/');
    assert.equal(index.status, 200);
    assert.match(index.headers['content-type'], /^text\/html/);
    assert.match(index.text, /Quận 5/);
    const head = await request(server.url, '/feed.json', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.text, '');
    assert.equal(Number(head.headers['content-length']), Buffer.byteLength(FEED));
  });

  it('no served file runs script on the counter\'s origin: CSP sandbox and nosniff on every file, and on 304s', async () => {
    for (const path of ['/tin/logo.svg', '/', '/feed.json', '/rss.xml']) {
      const r = await request(server.url, path);
      assert.equal(r.status, 200, path);
      assert.match(r.headers['content-security-policy'] ?? '', /(^|;\s*)sandbox(;|$)/, path);
      assert.match(r.headers['content-security-policy'], /script-src 'none'|default-src 'none'/, path);
      assert.equal(r.headers['x-content-type-options'], 'nosniff', path);
      const again = await request(server.url, path, { headers: { 'If-None-Match': r.headers.etag } });
      assert.equal(again.status, 304);
      assert.match(again.headers['content-security-policy'] ?? '', /sandbox/, `${path} 304`);
    }
  });

  it('404 for missing files, 405 for writes', async () => {
    assert.equal((await request(server.url, '/missing.json')).status, 404);
    const put = await request(server.url, '/feed.json', { method: 'PUT', body: '{}' });
    assert.equal(put.status, 405);
    assert.equal(put.headers.allow, 'GET, HEAD');
  });

  it('refuses path traversal in every spelling, dotfiles, outward symlinks and the database', async () => {
    const attempts = [
      '/../outside.txt',
      '/tin/../../outside.txt',
      '/%2e%2e/outside.txt',
      '/..%2foutside.txt',
      '/%2E%2E%2Foutside.txt',
      '/tin/..%2F..%2Foutside.txt',
      '/..%5coutside.txt',
      '/feed.json%00.txt',
      '/%c0%ae%c0%ae/outside.txt',
      '/.env',
      '/tin/%2e%65nv',
      '/link.txt',
      '/counts.sqlite',
      '/counts.sqlite-wal',
    ];
    for (const path of attempts) {
      const r = await request(server.url, path);
      assert.ok([400, 403, 404].includes(r.status), `${path} answered ${r.status}`);
      assert.ok(!r.text.includes('OUTSIDE') && !r.text.includes('SECRET') && !r.text.includes('SQLite'), `${path} leaked a file`);
    }
  });
});
