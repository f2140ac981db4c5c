// The demo's archive search (npm start, npm run screenshots): bantin-index over the
// two-page demo feed puts every article of both pages in the index, linked on the
// demo's own address, and the demo pages with a search box point at it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_INDEX_PATH, buildDemoIndex } from '../../scripts/lib/demo-index.mjs';
import { tempDir } from './http.mjs';
import { indexOnDisk } from './archive.mjs';

const demo = fileURLToPath(new URL('../../demo/', import.meta.url));
const items = async (name) => JSON.parse(await readFile(join(demo, name), 'utf8')).items;

describe('the demo search index (npm start)', () => {
  let tmp;
  before(async () => {
    tmp = await tempDir();
  });
  after(() => tmp?.remove());

  it('holds every article of feed.json and of feed-2.json, linked on the port the demo is served on', async () => {
    const base = 'http://127.0.0.1:5174/';
    const out = join(tmp.dir, 'search');
    const built = await buildDemoIndex({ base, out });
    assert.ok(built.ok, built.ok ? '' : built.error);
    assert.match(built.summary, /^bantin-index: 46 articles from 2 pages → /);

    const all = [...(await items('feed.json')), ...(await items('feed-2.json'))];
    const index = indexOnDisk(out);
    assert.equal((await index.manifest()).articles, all.length);
    for (const [n, item] of all.entries()) {
      const shown = await index.article(n);
      assert.equal(shown.id, item.id);
      assert.equal(shown.title, item.title);
      assert.equal(shown.url, new URL(item.url, base).href, 'the link a reader follows from a result');
    }
    // A word of the second page only (the vaccination article) leads to it.
    const second = all.findIndex((i) => /rubella/i.test(i.title));
    assert.ok(second >= 30, 'rubella is on feed-2.json');
    assert.deepEqual(await index.articlesWith('rubella'), [second]);
  });

  it('a failure is one line (and never throws): the demo then searches its loaded feed', async () => {
    const file = join(tmp.dir, 'a-file');
    await writeFile(file, 'not a folder');
    const built = await buildDemoIndex({ base: 'http://127.0.0.1:5173/', out: file });
    assert.equal(built.ok, false);
    assert.match(built.error, /^bantin-index: .*a-file: a file, not a folder$/);
  });

  it('every demo page that searches feed.json names the index', async () => {
    const pages = (await readdir(demo)).filter((f) => f.endsWith('.html'));
    const searching = [];
    for (const page of pages) {
      const html = await readFile(join(demo, page), 'utf8');
      if (!/<bantin-search\b/.test(html) || !/<meta name="bantin:feed" content="\/?feed\.json"/.test(html)) continue;
      searching.push(page);
      assert.match(html, new RegExp(`<meta name="bantin:search-index" content="${DEMO_INDEX_PATH}"`), page);
    }
    assert.deepEqual(searching.sort(), ['index.html', 'plain.html', 'themed.html', 'tim-kiem.html']);
  });
});
