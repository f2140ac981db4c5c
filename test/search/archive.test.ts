import { expect } from '@open-wc/testing';
import type { Article } from '../../src/feed/types.js';
import { SearchEngine, type SearchResults } from '../../src/search/engine.js';
import { ArchiveEngine } from '../../src/search/archive/engine.js';
import { ArchiveFiles } from '../../src/search/archive/files.js';
import { fetchManifest } from '../../src/search/archive/manifest.js';
import { indexFolder } from '../../src/search/archive/folder.js';
import { newerThanIndex, searchThroughIndex } from '../../src/search/archive/searcher.js';
import { resetSearchWorker, searchWorker } from '../../src/search/worker-client.js';
import { openKV } from '../../src/shared/kv.js';
import { bodyText } from '../../src/shared/text.js';
import { loadFeed } from '../support/feeds.js';
import { RELEVANCE } from '../support/relevance.js';
import { uniqueId } from '../support/mock.js';
import { until } from '../support/until.js';

/**
 * The archive index, built in Node by dist/'s builder from committed feeds
 * (test/support/plugins/archive-index.mjs) and read here, in Chromium, over
 * HTTP: the same results as the in-page engine over the same articles.
 */

const DANES = '/test/fixtures/feeds/vi-news-danes.feed.json';
const folderOf = (set: string) => indexFolder(`/__archive/${set}/`, location.href);

async function archive(set: string, fresh: Article[] = []) {
  const folder = folderOf(set);
  return ArchiveEngine.open<Article>(fresh, { folder, manifest: await fetchManifest(folder), kv: null });
}

const ids = (r: SearchResults) => r.hits.map((h) => h.article.id);

describe('archive index: built in Node, searched in Chromium', () => {
  describe('relevance on real headlines (vi-news-danes, 2,031 items)', () => {
    let inPage: SearchEngine;
    let index: ArchiveEngine;
    before(async () => {
      inPage = await SearchEngine.create((await loadFeed(DANES)).items, { cache: null });
      index = await archive('danes');
    });

    for (const [query, id, headline] of RELEVANCE) {
      it(`«${query}»: the same top 3 as the in-page engine, “${headline.slice(0, 40)}…” among them`, async () => {
        const expected = await inPage.search(query, { limit: 3 });
        const got = await index.search(query, { limit: 3 });
        expect(ids(got)).to.deep.equal(ids(expected));
        expect(ids(got)).to.include(id);
        expect(got.total).to.equal(expected.total);
      });
    }

    for (const query of ['smatphone', 'smartph', 'iphone 13 pr', 'vac xin cov', 'facebok']) {
      it(`«${query}» (typo, or a partial last word): the same top 3 as in the page`, async () => {
        const expected = await inPage.search(query, { limit: 3 });
        const got = await index.search(query, { limit: 3 });
        expect(ids(expected).length).to.be.greaterThan(0);
        expect(ids(got)).to.deep.equal(ids(expected));
      });
    }

    it('«smatphone» finds smartphone, highlighted in the title as written', async () => {
      const { hits } = await index.search('smatphone', { limit: 3 });
      expect(hits.length).to.be.greaterThan(0);
      const { text, ranges } = hits[0].title;
      expect(ranges.map(([a, b]) => text.slice(a, b).toLowerCase())).to.include('smartphone');
    });
  });

  describe('the demo feed (HTML bodies, two pages)', () => {
    let inPage: SearchEngine;
    let index: ArchiveEngine;
    before(async () => {
      const items = [...(await loadFeed('/demo/feed.json')).items, ...(await loadFeed('/demo/feed-2.json')).items];
      inPage = await SearchEngine.create(items, { cache: null });
      index = await archive('demo');
    });

    for (const query of ['kiem diem', 'kiem diemm', 'Kiểm điểm', 'ban thuong vu', 'quan uy', 'duong hoa']) {
      it(`«${query}»: the same articles, titles and highlights as in the page`, async () => {
        const expected = await inPage.search(query, { limit: 3 });
        const got = await index.search(query, { limit: 3 });
        expect(ids(got)).to.deep.equal(ids(expected));
        expect(got.hits.map((h) => h.title)).to.deep.equal(expected.hits.map((h) => h.title));
        // Excerpts come from the plain text the index keeps: the same words marked.
        const marked = (r: SearchResults) => r.hits.map((h) => h.excerpt?.ranges.map(([a, b]) => h.excerpt!.text.slice(a, b).toLowerCase()));
        expect(marked(got)).to.deep.equal(marked(expected));
      });
    }

    it('«kiem diemm» finds the seed article (5142), its excerpt marking kiểm and điểm', async () => {
      const { hits } = await index.search('kiem diemm', { limit: 3 });
      const seed = hits.find((h) => h.article.id === '5142')!;
      expect(seed, ids({ hits } as SearchResults).join()).to.exist;
      expect(seed.article.url).to.match(/^https?:/);
      expect(seed.article.published).to.be.instanceOf(Date);
      const words = seed.excerpt!.ranges.map(([a, b]) => seed.excerpt!.text.slice(a, b));
      expect(words.length).to.be.greaterThan(1);
      for (const w of words) expect(['kiểm', 'điểm']).to.include(w);
    });

    it('finds an article that is only on the last feed page', async () => {
      const last = (await loadFeed('/demo/feed-2.json')).items.at(-1)!;
      const { hits } = await index.search(last.title, { limit: 3 });
      expect(hits[0].article.id).to.equal(last.id);
      expect(hits[0].article.title).to.equal(last.title);
    });

    it('gives each page of results in the in-page order', async () => {
      for (const query of ['kiem diem', 'smartphone', 'vac xin', 'Kiểm điểm']) {
        const all = ids(await inPage.search(query, { limit: 12 }));
        const pages: string[] = [];
        for (let offset = 0; offset < 12; offset += 3) pages.push(...ids(await index.search(query, { limit: 3, offset })));
        expect(pages, query).to.deep.equal(all);
      }
    });

    it('pages through results past the first candidates it fetched', async () => {
      const all = await inPage.search('tin', { limit: 40 });
      const first = await index.search('tin', { limit: 5 });
      const later = await index.search('tin', { limit: 5, offset: 25 });
      expect(first.total).to.equal(all.total);
      expect(ids(later)).to.deep.equal(all.hits.slice(25, 30).map((h) => h.article.id));
    });
  });

  describe('long articles: display files hold the head of each body, rest files the rest', () => {
    // The same articles with their bodies as the plain text the index keeps: the in-page engine
    // over them is what the archive must give, excerpts and all.
    let whole: SearchEngine;
    let index: ArchiveEngine;
    before(async () => {
      const items = (await loadFeed('/__archive/long/feed.json')).items.map((a) => ({ ...a, contentText: bodyText(a), contentHtml: null }));
      whole = await SearchEngine.create(items, { cache: null });
      index = await archive('long');
    });

    // Words of the heads, words found only deep in the bodies, marks, a partial word, a typo.
    for (const query of ['thanh pho', 'Hà Nội', 'bong da', 'tang truong kinh te', 'nguoi dan', 'smartph', 'vac xin', 'cong an', 'giao duc dai hoc', 'faceboook']) {
      it(`«${query}»: the same hits, excerpts and marks as over the whole bodies`, async () => {
        const expected = await whole.search(query, { limit: 8 });
        const got = await index.search(query, { limit: 8 });
        expect(ids(got)).to.deep.equal(ids(expected));
        expect(got.hits.map((h) => h.title)).to.deep.equal(expected.hits.map((h) => h.title));
        expect(got.hits.map((h) => h.excerpt)).to.deep.equal(expected.hits.map((h) => h.excerpt));
      });
    }

    it('fetches the rest of a body only when a word lies past its head', async () => {
      // Counted from here, in a buffer big enough (Chromium keeps 250 entries by default).
      performance.setResourceTimingBufferSize(10_000);
      performance.clearResourceTimings();
      const fresh = await archive('long');
      const article = (await loadFeed('/__archive/long/feed.json')).items[3];
      // Its display file and rest file are number 3: one article a file.
      const restOf3 = () => performance.getEntriesByType('resource').filter((e) => /\/__archive\/long\/r\/3\.bsi/.test(e.name)).length;
      const body = bodyText(article);
      // The first words of its body, whole: found in the head.
      const { hits } = await fresh.search(`${body.split(' ').slice(0, 5).join(' ')} `, { limit: 16 });
      expect(hits.map((h) => h.article.id)).to.include(article.id);
      expect(restOf3(), 'no rest file for words of the head').to.equal(0);
      // A long word found only at the end of its body: past the head.
      const late = body
        .slice(body.length - 400)
        .split(/[^\p{L}]+/u)
        .find((w) => w.length > 5 && !body.slice(0, body.length - 400).includes(w))!;
      expect(late, 'a word of the end of the body only').to.be.a('string');
      const deep = await fresh.search(`${late} `, { limit: 40 });
      const hit = deep.hits.find((h) => h.article.id === article.id)!;
      expect(hit, `«${late}» finds it`).to.exist;
      expect(restOf3(), 'its rest file fetched').to.equal(1);
      expect(hit.excerpt!.ranges.map(([a, b]) => hit.excerpt!.text.slice(a, b))).to.include(late);
    });
  });

  describe('articles newer than the index', () => {
    it('are told apart by the manifest: not among its ids, published at or after its newest', async () => {
      const items = (await loadFeed('/demo/feed.json')).items;
      const manifest = await fetchManifest(folderOf('demo-stale'));
      expect(newerThanIndex(items, manifest.recent).map((a) => a.id)).to.deep.equal(items.slice(0, 2).map((a) => a.id));
      expect(newerThanIndex(items, (await fetchManifest(folderOf('demo'))).recent)).to.deep.equal([]);
    });

    it('are searched with the archive and ranked together, as one feed would be', async () => {
      const items = [...(await loadFeed('/demo/feed.json')).items, ...(await loadFeed('/demo/feed-2.json')).items];
      const fresh = newerThanIndex(items, (await fetchManifest(folderOf('demo-stale'))).recent);
      const index = await archive('demo-stale', fresh);
      const inPage = await SearchEngine.create(items, { cache: null });
      const own = fresh[0].title;
      const got = await index.search(own, { limit: 3 });
      expect(got.hits[0].article).to.equal(fresh[0]);
      for (const query of ['kiem diem', 'quan', own.split(' ').slice(0, 2).join(' ')]) {
        const expected = await inPage.search(query, { limit: 5 });
        expect(ids(await index.search(query, { limit: 5 })), query).to.deep.equal(ids(expected));
      }
    });
  });

  describe('failures are ArchiveErrors (the page falls back on them)', () => {
    it('a missing index, an index of another format', async () => {
      const fails = async (p: Promise<unknown>) => {
        const e = await p.then(() => null, (x: Error) => x);
        expect(e?.name).to.equal('ArchiveError');
        return e!.message;
      };
      expect(await fails(fetchManifest(folderOf('nothing-here')))).to.match(/404/);
      expect(await fails(fetchManifest(folderOf('demo-format-1')))).to.match(/format 1/);
    });

    it('a corrupt posting file, a corrupt display file, a corrupt rest file', async () => {
      for (const [set, query] of [['demo-corrupt', 'kiem diem'], ['demo-corrupt-display', 'kiem diem'], ['long-corrupt-rest', 'thanh pho']]) {
        const index = await archive(set);
        const e = await index.search(query).then(() => null, (x: Error) => x);
        expect(e?.name, set).to.equal('ArchiveError');
      }
    });
  });

  describe('searchThroughIndex: in the worker, else on the page, the same results', () => {
    const seen = (r: SearchResults) => ({ total: r.total, hits: r.hits.map((h) => ({ id: h.article.id, url: h.article.url, title: h.title, excerpt: h.excerpt })) });
    const QUERIES = ['kiem diem', 'quận ủy', 'duong', 'kiem d', 'smatphone'];
    afterEach(() => resetSearchWorker());

    for (const thread of ['worker', 'page']) {
      it(`${thread}: what the archive engine gives`, async () => {
        if (thread === 'page') {
          const warn = console.warn;
          console.warn = () => {};
          await searchWorker({ url: new URL('/no/such/worker.js', location.href), options: { type: 'module' } }).finally(() => (console.warn = warn));
        }
        const feed = await loadFeed('/demo/feed.json', { fresh: true });
        const through = await searchThroughIndex(feed, '/__archive/demo/');
        expect(through.thread).to.equal(thread);
        const local = await archive('demo');
        for (const q of QUERIES) expect(seen(await through.search(q, { limit: 5 })), q).to.deep.equal(seen(await local.search(q, { limit: 5 })));
      });
    }
  });

  it('keeps the files it fetched in IndexedDB, under the manifest version', async () => {
    const folder = folderOf('demo');
    const manifest = await fetchManifest(folder);
    const kv = openKV(`archive-test-${uniqueId()}`);
    const first = await ArchiveEngine.open<Article>([], { folder, manifest, kv });
    const before = await first.search('kiem diem');
    expect(first.files.fetched).to.be.greaterThan(0);
    await new Promise((r) => setTimeout(r, 200));
    const keys = await kv.keys();
    expect(keys.some((k) => k.includes(`|${manifest.version}|p/`))).to.equal(true);
    const second = await ArchiveEngine.open<Article>([], { folder, manifest, kv });
    const after = await second.search('kiem diem');
    expect(second.files.fetched).to.equal(0);
    expect(ids(after)).to.deep.equal(ids(before));
    // A rebuilt index (another version) drops the files of the old one.
    const rebuilt = new ArchiveFiles(folder, 'another-version', kv);
    await rebuilt.get('index.json');
    await until(async () => !(await kv.keys()).some((k) => k.includes(`|${manifest.version}|`)), 5000, 'the old files to go');
  });
});
