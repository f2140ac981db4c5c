import { expect } from '@open-wc/testing';
import { parseFeedText } from '../../src/feed/parse.js';
import { openKV } from '../../src/shared/kv.js';
import { SearchEngine, searchEngineFor } from '../../src/search/engine.js';
import { SearchIndexCache } from '../../src/search/index-cache.js';
import { fold } from '../../src/search/fold.js';
import { wordSpans } from '../../src/search/tokenize.js';
import { feedJson, item, uniqueId } from '../support/mock.js';
import { loadFeed } from '../support/feeds.js';
import { RELEVANCE } from '../support/relevance.js';

describe('SearchEngine', () => {
  describe('relevance on real headlines (vi-news-danes, 2,031 items)', () => {
    let engine: SearchEngine;
    before(async () => {
      const feed = await loadFeed('/test/fixtures/feeds/vi-news-danes.feed.json');
      engine = await SearchEngine.create(feed.items, { cache: null });
    });

    for (const [query, id, headline] of RELEVANCE) {
      it(`«${query}» finds “${headline.slice(0, 50)}…” in the top 3`, async () => {
        const { hits } = await engine.search(query, { limit: 3 });
        const found = hits.find((h) => h.article.id === id);
        expect(found, `top 3: ${hits.map((h) => h.article.title).join(' | ')}`).to.exist;
        expect(found!.article.title).to.equal(headline);
      });
    }
  });

  describe('the demo feed', () => {
    let engine: SearchEngine;
    before(async () => {
      engine = await SearchEngine.create((await loadFeed('/demo/feed.json')).items, { cache: null });
    });

    for (const query of ['kiem diem', 'ban thuong vu', 'quan uy', 'Kiểm điểm']) {
      it(`finds the seed article (5142) with «${query}»`, async () => {
        const { hits } = await engine.search(query, { limit: 3 });
        expect(hits.map((h) => h.article.id)).to.include('5142');
      });
    }

    it('duong finds đường, highlighted as written', async () => {
      const { hits } = await engine.search('duong', { limit: 8 });
      const hit = hits.find((h) => h.article.id === '5133')!;
      expect(hit.title.text).to.equal('Đường hoa Tết phố Hải Thượng Lãn Ông chuẩn bị khai mạc');
      expect(hit.title.ranges.map(([a, b]) => hit.title.text.slice(a, b))).to.deep.equal(['Đường']);
    });

    it('highlights exactly the matched words, on the original text, in the excerpt too', async () => {
      const { hits } = await engine.search('kiem diem', { limit: 3 });
      const seed = hits.find((h) => h.article.id === '5142')!;
      const { text, ranges } = seed.excerpt!;
      expect(ranges.length).to.be.greaterThan(1);
      for (const [a, b] of ranges) expect(['kiểm', 'điểm']).to.include(text.slice(a, b));
      // Every word of the excerpt that is a query word is marked, and nothing else.
      const words = wordSpans(fold(text)).filter((s) => s.word === 'kiem' || s.word === 'diem');
      expect(ranges).to.deep.equal(words.map((s) => [s.start, s.end]));
    });

    it('cuts the excerpt to the length asked for, around the same words', async () => {
      const long = (await engine.search('kiem diem', { limit: 3 })).hits.find((h) => h.article.id === '5142')!.excerpt!;
      const short = (await engine.search('kiem diem', { limit: 3, excerptLength: 80 })).hits.find((h) => h.article.id === '5142')!.excerpt!;
      expect(long.text.length).to.be.greaterThan(120);
      expect(short.text.length).to.be.at.most(80 + '…  …'.length);
      expect(short.ranges.length).to.be.greaterThan(0);
      for (const [a, b] of short.ranges) expect(['kiểm', 'điểm']).to.include(short.text.slice(a, b));
    });
  });

  it('exact marks rank first: «đường» puts đường before dương, «duong» keeps feed order', async () => {
    const feed = parseFeedText(
      feedJson([
        item(1, { title: 'Dương lịch năm mới' }),
        item(2, { title: 'Con đường hoa' }),
        item(3, { title: 'Nghỉ dưỡng cuối tuần' }),
      ]),
      'https://x.invalid/f.json',
    ).feed;
    const engine = await SearchEngine.create(feed.items, { cache: null });
    const marked = await engine.search('đường');
    expect(marked.hits.map((h) => h.article.id).slice(0, 2)).to.deep.equal(['2', '1']);
    expect(marked.hits[0].exact).to.equal(1);
    const plain = await engine.search('duong');
    expect(plain.hits.map((h) => h.article.id)).to.include.members(['1', '2']);
  });

  it('a warm-up leaves no trace: the same results after it', async () => {
    const engine = await SearchEngine.create((await loadFeed('/demo/feed.json')).items, { cache: null });
    const before = await engine.search('quan uy');
    engine.clearCaches();
    await engine.warmUp();
    const after = await engine.search('quan uy');
    expect(after.hits.map((h) => h.article.id)).to.deep.equal(before.hits.map((h) => h.article.id));
  });

  it('no match: no hits and a total of 0', async () => {
    const engine = await SearchEngine.create((await loadFeed('/demo/feed.json')).items, { cache: null });
    expect(await engine.search('xyzzyq')).to.deep.include({ total: 0, hits: [] });
  });

  it('pages through results with offset and limit', async () => {
    const engine = await SearchEngine.create((await loadFeed('/demo/feed.json')).items, { cache: null });
    const all = await engine.search('quan', { limit: 100 });
    expect(all.total).to.be.greaterThan(4);
    const page2 = await engine.search('quan', { limit: 2, offset: 2 });
    expect(page2.hits.map((h) => h.article.id)).to.deep.equal(all.hits.slice(2, 4).map((h) => h.article.id));
  });

  it('an aborted search rejects and leaves nothing behind', async () => {
    const engine = await SearchEngine.create((await loadFeed('/test/fixtures/feeds/vi-news-danes.feed.json')).items, { cache: null });
    const abort = new AbortController();
    abort.abort();
    let error: unknown;
    await engine.search('thanh long', { signal: abort.signal }).catch((e) => (error = e));
    expect((error as Error)?.name).to.equal('AbortError');
    expect((await engine.search('thanh long')).total).to.be.greaterThan(0);
  });

  it('builds once, then reads the index from IndexedDB for the same feed; a changed feed builds again', async () => {
    const cache = new SearchIndexCache(openKV(uniqueId('search-engine')));
    const feed = await loadFeed('/demo/feed.json');
    const first = await SearchEngine.create(feed.items, { url: feed.url, cache });
    expect(first.stats.fromCache).to.equal(false);
    // The write is not awaited by create(): wait for it.
    for (let i = 0; i < 100 && !(await cache.read(feed.url, (await import('../../src/search/version.js')).feedVersion(feed.items))); i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const second = await SearchEngine.create(feed.items, { url: feed.url, cache });
    expect(second.stats.fromCache).to.equal(true);
    expect((await second.search('kiem diem')).hits[0].article.id).to.equal((await first.search('kiem diem')).hits[0].article.id);
    const changed = await SearchEngine.create(feed.items.slice(1), { url: feed.url, cache });
    expect(changed.stats.fromCache).to.equal(false);
  });

  it('one engine per feed on the page, shared by every search box', async () => {
    const feed = parseFeedText(feedJson([item(1), item(2)]), `https://x.invalid/${uniqueId()}.json`).feed;
    const a = searchEngineFor(feed, null);
    expect(searchEngineFor(feed, null)).to.equal(a);
    expect(searchEngineFor({ ...feed }, null)).to.equal(a);
    const grown = { ...feed, items: [...feed.items, ...parseFeedText(feedJson([item(3)]), feed.url).feed.items] };
    expect(searchEngineFor(grown, null)).to.not.equal(a);
    expect((await searchEngineFor(grown, null)).items.length).to.equal(3);
  });
});
