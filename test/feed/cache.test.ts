import { expect } from '@open-wc/testing';
import { FeedCache, chunkItems, CHUNK_BYTES, DAY_MS } from '../../src/feed/cache.js';
import { openKV } from '../../src/feed/kv.js';
import { parseFeedText } from '../../src/feed/parse.js';
import { uniqueId } from '../support/mock.js';
import { viNewsFeedText } from '../support/vi-feed.js';
import type { Feed } from '../../src/feed/types.js';

function feedOf(url: string, n: number): Feed {
  const items = Array.from({ length: n }, (_, i) => ({
    id: String(i),
    url: null,
    title: `Tin ${i}`,
    summary: null,
    contentHtml: '<p>x</p>',
    contentText: null,
    image: null,
    published: new Date(Date.UTC(2017, 1, 27, 6, 35) - i * 60_000),
    modified: null,
    category: 'Tin tức sự kiện',
    tags: [],
    views: i,
    attachments: [],
    order: i,
  }));
  return { url, title: 'T', homePageUrl: null, nextUrl: null, visits: 1, language: 'vi', items };
}

describe('FeedCache', () => {
  it('round-trips a feed, Dates included', async () => {
    const cache = new FeedCache(openKV(uniqueId('db')));
    const feed = feedOf('https://x.vn/a.json', 3);
    await cache.write({ feed, etag: '"e"', lastModified: null, hash: null, fetchedAt: 5 });
    const back = await cache.read('https://x.vn/a.json');
    expect(back!.etag).to.equal('"e"');
    expect(back!.fetchedAt).to.equal(5);
    expect(back!.feed.items[2].published).to.be.instanceOf(Date);
    expect(back!.feed).to.deep.equal(feed);
    expect(await cache.read('https://x.vn/other.json')).to.equal(null);
  });

  it('stores a generated 5 MB Vietnamese feed in records of about 1 MB, and reads it back whole', async () => {
    // The 24.7 MB corpus is the cache benchmark's (npm run bench -- cache); this keeps the chunking covered.
    const text = await viNewsFeedText({ items: 4000, paragraphs: 6 });
    const { feed } = parseFeedText(text, 'https://x.vn/vi-news.json');
    const chunks = chunkItems(feed.items);
    expect(chunks.length).to.be.above(4);
    for (const chunk of chunks) {
      // Each record's serialized size stays near the 1 MB limit (one item may overshoot alone).
      const size = new Blob([JSON.stringify(chunk)]).size;
      expect(size).to.be.below(CHUNK_BYTES * 1.2);
    }
    const kv = openKV(uniqueId('big-db'));
    const cache = new FeedCache(kv);
    await cache.write({ feed, etag: null, lastModified: null, hash: 'h', fetchedAt: 1 });
    const keys = await kv.keys();
    expect(keys.filter((k) => k.startsWith('c:'))).to.have.length(chunks.length);
    const back = await cache.read(feed.url);
    expect(back!.feed.items).to.have.length(4000);
    expect(back!.feed.items[3999].id).to.equal(feed.items[3999].id);
    expect(back!.feed.items[1000].contentHtml).to.equal(feed.items[1000].contentHtml);
    expect(back!.feed.items[2500].published).to.deep.equal(feed.items[2500].published);
  });

  it('a rewrite replaces the old records and leaves no orphans', async () => {
    const kv = openKV(uniqueId('db'));
    const cache = new FeedCache(kv);
    await cache.write({ feed: feedOf('https://x.vn/a.json', 3), etag: null, lastModified: null, hash: '1', fetchedAt: 1 });
    await cache.write({ feed: feedOf('https://x.vn/a.json', 2), etag: null, lastModified: null, hash: '2', fetchedAt: 2 });
    expect((await cache.read('https://x.vn/a.json'))!.feed.items).to.have.length(2);
    expect((await kv.keys()).filter((k) => k.startsWith('c:'))).to.have.length(1);
  });

  it('a write that dies halfway leaves the previous copy readable', async () => {
    const kv = openKV(uniqueId('db'));
    const cache = new FeedCache(kv);
    await cache.write({ feed: feedOf('https://x.vn/a.json', 3), etag: null, lastModified: null, hash: '1', fetchedAt: 1 });
    // A second write whose meta record never lands (the tab closed): only chunks are written.
    const realSet = kv.set.bind(kv);
    (kv as { set: typeof kv.set }).set = async (key, value) => {
      if (key.startsWith('m:')) throw new Error('tab closed');
      return realSet(key, value);
    };
    await cache
      .write({ feed: feedOf('https://x.vn/a.json', 5), etag: null, lastModified: null, hash: '2', fetchedAt: 2 })
      .catch(() => {});
    (kv as { set: typeof kv.set }).set = realSet;
    expect((await cache.read('https://x.vn/a.json'))!.feed.items).to.have.length(3);
  });

  it('evicts feeds not used for 30 days', async () => {
    let now = Date.UTC(2026, 0, 1);
    const kv = openKV(uniqueId('db'));
    const cache = new FeedCache(kv, () => now);
    await cache.write({ feed: feedOf('https://x.vn/old.json', 2), etag: null, lastModified: null, hash: null, fetchedAt: now });
    now += 20 * DAY_MS;
    await cache.write({ feed: feedOf('https://x.vn/new.json', 2), etag: null, lastModified: null, hash: null, fetchedAt: now });
    now += 11 * DAY_MS;
    expect(await cache.evict()).to.deep.equal(['https://x.vn/old.json']);
    expect(await cache.read('https://x.vn/old.json')).to.equal(null);
    expect(await cache.read('https://x.vn/new.json')).to.not.equal(null);
    expect((await kv.keys()).filter((k) => k.includes('old.json'))).to.deep.equal([]);
  });

  it('reading a feed counts as use', async () => {
    let now = Date.UTC(2026, 0, 1);
    const cache = new FeedCache(openKV(uniqueId('db')), () => now);
    await cache.write({ feed: feedOf('https://x.vn/a.json', 1), etag: null, lastModified: null, hash: null, fetchedAt: now });
    now += 25 * DAY_MS;
    await cache.read('https://x.vn/a.json');
    now += 25 * DAY_MS;
    expect(await cache.evict()).to.deep.equal([]);
  });
});
