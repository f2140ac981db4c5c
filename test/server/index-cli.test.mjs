// bantin-index FEED --out DIR: a paged feed's every article in the index (JSON Feed,
// RSS, Atom; from files and over HTTP), the errors and exit codes, and the rebuild
// that never shows a reader half an index.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { spawnBantinServer } from '../../scripts/lib/spawn-server.mjs';
import { freePort, tempDir } from './http.mjs';
import { readPostingFile, readVocabularyFile } from '../../dist/search/archive/format.js';
import { INDEX_CLI, headlines, indexOnDisk, runIndex, wordsOf, writePages } from './archive.mjs';

const noStack = (stderr) => assert.doesNotMatch(stderr, /\n\s+at /, 'a stack trace instead of a message');

describe('bantin-index: a paged feed, every page in the index', () => {
  let tmp;
  let items;
  before(async () => {
    tmp = await tempDir();
    items = await headlines(45);
  });
  after(() => tmp?.remove());

  for (const format of /** @type {const} */ (['json', 'rss', 'atom'])) {
    it(`${format}: follows the next links to the last page (which loops back) and indexes its articles`, async () => {
      const dir = join(tmp.dir, format);
      await mkdir(dir);
      const [first] = await writePages({ dir, format, items, per: 20, loop: true });
      const out = join(dir, 'search');
      const r = await runIndex([first, '--out', out]);
      assert.equal(r.code, 0, r.stderr);
      // A line per page and per phase on stderr; the summary on stdout.
      assert.match(r.stderr, /page 1, .*tin-tuc\.\w+: 20 articles/);
      assert.match(r.stderr, /page 3, .*tin-tuc-3\.\w+: 5 articles/);
      assert.doesNotMatch(r.stderr, /page 4/);
      assert.match(r.stderr, /bantin-index: words/);
      assert.match(r.stdout, /^bantin-index: 45 articles from 3 pages → \d+ files in .*search, [\d.]+ [KM]?B \([\d.]+ [KM]?B gzipped\), [\d.]+ s\n$/);

      const index = indexOnDisk(out);
      const manifest = await index.manifest();
      assert.equal(manifest.articles, 45);
      // The last page's last article: its words lead to it, and it shows as the feed has it.
      const last = items[44];
      for (const word of wordsOf(last.title)) assert.ok((await index.articlesWith(word)).includes(44), `${word} of «${last.title}»`);
      const shown = await index.article(44);
      assert.equal(shown.id, last.id);
      assert.equal(shown.title, last.title);
      assert.equal(shown.url, last.url);
    });
  }

  it('reads the pages over HTTP, and records the first page URL', async () => {
    const dir = join(tmp.dir, 'http');
    await mkdir(dir);
    await writePages({ dir, items, per: 20 });
    const files = await spawnBantinServer(['--port', '0', '--db', ':memory:', '--feeds', dir]);
    try {
      const out = join(tmp.dir, 'http-index');
      const r = await runIndex([`${files.url}/tin-tuc.json`, '--out', out]);
      assert.equal(r.code, 0, r.stderr);
      const manifest = await indexOnDisk(out).manifest();
      assert.equal(manifest.articles, 45);
      assert.equal(manifest.feed, `${files.url}/tin-tuc.json`);
    } finally {
      await files.stop();
    }
  });

  it('--feed-url: a file published elsewhere; its relative links resolve there', async () => {
    const dir = join(tmp.dir, 'relative');
    await mkdir(dir);
    const relative = items.slice(0, 3).map((i, n) => ({ ...i, url: `tin/${n}.html` }));
    const [first] = await writePages({ dir, items: relative, per: 2 });
    const out = join(dir, 'search');
    const r = await runIndex([first, '--out', out, '--feed-url', 'https://q5.example.vn/feeds/tin-tuc.json', '--quiet']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr + r.stdout, '', '--quiet says nothing when all is well');
    const index = indexOnDisk(out);
    assert.equal((await index.manifest()).feed, 'https://q5.example.vn/feeds/tin-tuc.json');
    assert.equal((await index.article(2)).url, 'https://q5.example.vn/feeds/tin/2.html', 'on the second page too');
  });
});

describe('bantin-index: errors and exit codes', () => {
  let tmp;
  let feed;
  before(async () => {
    tmp = await tempDir();
    [feed] = await writePages({ dir: tmp.dir, items: await headlines(3), per: 3 });
  });
  after(() => tmp?.remove());

  it('--help prints the usage and exits 0', async () => {
    const r = await runIndex(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^Usage: bantin-index FEED --out DIR/);
    for (const flag of ['--out', '--feed-url', '--quiet', 'Exit codes']) assert.match(r.stdout, new RegExp(flag));
  });

  it('bad arguments: exit 2, the reason and the usage', async () => {
    for (const args of [[], [feed], ['--out', tmp.file('x')], [feed, feed, '--out', tmp.file('x')], [feed, '--out', tmp.file('x'), '--nope'], [feed, '--out', tmp.file('x'), '--feed-url', 'tin-tuc.json']]) {
      const r = await runIndex(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^bantin-index: .+\n\nUsage: bantin-index/, args.join(' '));
    }
  });

  it('a feed that cannot be read: exit 1 and one line naming it', async () => {
    await writeFile(tmp.file('garbage.json'), 'garbage');
    await writeFile(tmp.file('broken.json'), '{"version": "https://jsonfeed.org/version/1.1", "items": [');
    await writeFile(tmp.file('empty.json'), JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Q5', items: [] }));
    await writeFile(tmp.file('bad-xml.rss'), '<?xml version="1.0"?><rss><channel><title>Q5</title><item></channel></rss>');
    // A good first page whose next page is missing: nothing is written (no index of half a feed).
    await writeFile(tmp.file('half.json'), JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Q5', items: [{ id: '1', title: 'Tin', content_text: 'x' }], next_url: 'gone.json' }));
    const port = await freePort();
    const files = await spawnBantinServer(['--port', '0', '--db', ':memory:', '--feeds', tmp.dir]);
    try {
      for (const [source, pattern] of [
        [tmp.file('none.json'), /none\.json: no such file$/],
        [`http://127.0.0.1:${port}/feed.json`, new RegExp(`cannot reach http://127\\.0\\.0\\.1:${port}/feed\\.json: ECONNREFUSED$`)],
        [`${files.url}/none.json`, /none\.json answered 404 Not Found$/],
        [tmp.file('garbage.json'), /garbage\.json is neither JSON nor XML/],
        [tmp.file('broken.json'), /broken\.json.*JSON/],
        [tmp.file('empty.json'), /no articles, nothing to index/],
        [tmp.file('bad-xml.rss'), /bad-xml\.rss is not well-formed XML \(error on line \d+ at column \d+: .+\)/],
        [tmp.file('half.json'), /gone\.json: no such file$/],
      ]) {
        const out = tmp.file(`out-${Math.random()}`);
        const r = await runIndex([source, '--out', out]);
        assert.equal(r.code, 1, `${source}: ${r.stderr}`);
        const lines = r.stderr.trim().split('\n');
        assert.match(lines.at(-1), /^bantin-index: /);
        assert.match(lines.at(-1), pattern);
        assert.ok(lines.slice(0, -1).every((l) => /^bantin-index: page \d+/.test(l)), `only progress before the error: ${r.stderr}`);
        noStack(r.stderr);
        assert.equal(await readdir(out).catch(() => null), null, 'nothing written');
      }
    } finally {
      await files.stop();
    }
  });

  it('a folder that cannot be written: exit 3, before the feed is read; nothing else in it is touched', async () => {
    await writeFile(tmp.file('a-file'), 'x');
    await mkdir(tmp.file('site'));
    await writeFile(tmp.file('site/index.html'), '<h1>Quận 5</h1>');
    for (const [out, pattern] of [
      [tmp.file('a-file'), /a-file: a file, not a folder/],
      [tmp.file('a-file/search'), /cannot write the index in .*a-file\/search: .*a-file is a file, not a folder/],
      [tmp.file('site'), /site: not empty and holds no index \(no index\.json\)/],
    ]) {
      const r = await runIndex([feed, '--out', out]);
      assert.equal(r.code, 3, `${out}: ${r.stderr}`);
      assert.match(r.stderr, /^bantin-index: .+\n$/, 'one line, no progress: the feed was not read');
      assert.match(r.stderr, pattern);
    }
    assert.deepEqual(await readdir(tmp.file('site')), ['index.html']);
  });

  it('an RSS feed without @xmldom/xmldom installed: says what to install, exit 1; JSON Feeds need nothing', async () => {
    const hook = fileURLToPath(new URL('./fixtures/without-xmldom.mjs', import.meta.url));
    await writeFile(tmp.file('q5.rss'), '<?xml version="1.0"?><rss version="2.0"><channel><title>Q5</title><item><title>Tin</title><link>https://q5.example.vn/1</link></item></channel></rss>');
    const r = await runIndex([tmp.file('q5.rss'), '--out', tmp.file('rss-out')], ['--import', hook]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /bantin-index reads RSS and Atom feeds through the "@xmldom\/xmldom" package, which is not installed/);
    assert.match(r.stderr, /npm install @xmldom\/xmldom@0\.9/);
    noStack(r.stderr);
    const json = await runIndex([feed, '--out', tmp.file('json-out')], ['--import', hook]);
    assert.equal(json.code, 0, json.stderr);
  });
});

describe('bantin-index: rebuilding over an index', () => {
  let tmp;
  before(async () => (tmp = await tempDir()));
  after(() => tmp?.remove());

  it('replaces it at once: a reader during the rebuild reads whole files of one index or the other, and the old files stay a generation', async () => {
    const all = await headlines(2031);
    const old = join(tmp.dir, 'old.json');
    const next = join(tmp.dir, 'new.json');
    await writePages({ dir: tmp.dir, name: 'old', items: all.slice(400), per: 2000 });
    await writePages({ dir: tmp.dir, name: 'new', items: all, per: 2000 });
    const out = join(tmp.dir, 'search');
    assert.equal((await runIndex([old, '--out', out, '-q'])).code, 0);
    const before = JSON.parse(await readFile(join(out, 'index.json'), 'utf8'));
    assert.equal(before.articles, 1631);

    // A reader that keeps loading the manifest and then every file it names, as fast as it can,
    // while a second bantin-index rewrites the folder.
    const rebuild = spawn(process.execPath, [INDEX_CLI, next, '--out', out, '-q'], { stdio: 'ignore' });
    const done = new Promise((resolve) => rebuild.once('exit', resolve));
    let running = true;
    done.then(() => (running = false));
    const seen = new Set();
    let rounds = 0;
    let retried = 0;
    // Between the rebuild's two renames (the old folder aside, the new one in) there is no folder
    // for a moment: a reader that looks then looks again a moment later, as the page's reader does.
    let gaps = 0;
    const readManifest = async () => {
      for (let i = 0; ; i++) {
        try {
          return await readFile(join(out, 'index.json'), 'utf8');
        } catch (e) {
          if (e.code !== 'ENOENT' || i >= 50) throw e;
          gaps++;
          await new Promise((r) => setTimeout(r, 5));
        }
      }
    };
    while (running || rounds < 2) {
      rounds++;
      // A manifest read whole, then files of its version only: a file of the other index means the
      // folder was swapped in between, and the manifest read again names it (what the reader does).
      for (let attempt = 0; ; attempt++) {
        const manifest = JSON.parse(await readManifest());
        seen.add(manifest.version);
        const paths = [...manifest.postings.first.map((_, i) => `p/${i}.bsi`), ...manifest.vocabulary.first.map((_, i) => `v/${i}.bsi`)];
        let mismatch = false;
        for (const path of paths) {
          const bytes = await readFile(join(out, path)).catch((e) => (e.code === 'ENOENT' ? null : Promise.reject(e)));
          if (!bytes) {
            mismatch = true;
            break;
          }
          gunzipSync(bytes); // whole: a torn file would not gunzip
          const read = path.startsWith('p/') ? readPostingFile(bytes, manifest.version, manifest.articles) : readVocabularyFile(bytes, manifest.version);
          const error = await read.then(() => null, (e) => e);
          if (error) {
            assert.match(error.message, /^index file of version /, 'a whole file, of the other index');
            mismatch = true;
            break;
          }
        }
        if (!mismatch) break;
        retried++;
        assert.ok(attempt < 3, 'the manifest read again names the files that are there');
      }
    }
    assert.equal(await done, 0);
    const after = JSON.parse(await readFile(join(out, 'index.json'), 'utf8'));
    assert.equal(after.articles, 2031);
    assert.ok(seen.has(after.version), `the reader saw the new index (${rounds} rounds, ${retried} retried, ${gaps} looks between the renames)`);
    // Nothing left beside it, and files of the index before that the new one did not overwrite are still there.
    assert.deepEqual((await readdir(tmp.dir)).filter((n) => n.startsWith('.')), []);
    const record = JSON.parse(await readFile(join(out, '.bantin-index.json'), 'utf8'));
    assert.ok(record.files.includes('index.json'));
  });

  it('stopped mid-write (SIGINT), or killed earlier: the index stays as it was and nothing is left beside it', async () => {
    const [feed] = await writePages({ dir: tmp.dir, name: 'big', items: await headlines(2031), per: 2031 });
    const out = join(tmp.dir, 'stopped');
    assert.equal((await runIndex([feed, '--out', out, '-q'])).code, 0);
    const before = await readFile(join(out, 'index.json'), 'utf8');
    // What a run killed outright (SIGKILL) left: a staging folder of a process that is gone.
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => dead.once('exit', resolve));
    await mkdir(join(tmp.dir, `.stopped.tmp-${dead.pid}-0000`));
    await writeFile(join(tmp.dir, 'other.json'), '[]');
    const run = spawn(process.execPath, [INDEX_CLI, feed, '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    run.stderr.setEncoding('utf8').on('data', (c) => (stderr += c));
    const exited = new Promise((resolve) => run.once('exit', resolve));
    // Stopped once it writes files into its staging folder, before it is done.
    for (;;) {
      const staged = (await readdir(tmp.dir)).filter((n) => n.startsWith(`.stopped.tmp-${run.pid}-`));
      const writing = await Promise.all(staged.map((n) => readdir(join(tmp.dir, n)).then((names) => names.includes('p'), () => false)));
      if (writing.includes(true) || run.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 2));
    }
    run.kill('SIGINT');
    const code = await exited;
    if (code === 0) return; // it finished first on a fast machine: nothing to check
    assert.equal(code, 130, stderr);
    assert.match(stderr, /bantin-index: stopped \(SIGINT\); .*stopped left as it was\n$/);
    assert.equal(await readFile(join(out, 'index.json'), 'utf8'), before);
    assert.deepEqual((await readdir(tmp.dir)).filter((n) => n.startsWith('.')), []);
  });

  it('a rebuild whose feed fails leaves the index as it was', async () => {
    const [feed] = await writePages({ dir: tmp.dir, name: 'ok', items: await headlines(5), per: 5 });
    const out = join(tmp.dir, 'kept');
    assert.equal((await runIndex([feed, '--out', out, '-q'])).code, 0);
    const before = await readFile(join(out, 'index.json'), 'utf8');
    await writeFile(feed, '{"version": "https://jsonfeed.org/version/1.1", "items": [');
    assert.equal((await runIndex([feed, '--out', out, '-q'])).code, 1);
    assert.equal(await readFile(join(out, 'index.json'), 'utf8'), before);
  });
});
