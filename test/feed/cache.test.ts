import { expect } from '@open-wc/testing';
import { FeedCache, chunkItems, CHUNK_BYTES, DAY_MS } from '../../src/feed/cache.js';
import { openKV } from '../../src/shared/kv.js';
import { parseFeedText } from '../../src/feed/parse.js';
import { uniqueId } from '../support/mock.js';
import { until } from '../support/until.js';
import { viNewsFeedText } from '../support/vi-feed.js';
import type { Feed } from '../../src/feed/types.js';

function feedOf(url: string, n: number, title = (i: number) => `Tin ${i}`, body = '<p>x</p>'): Feed {
  const items = Array.from({ length: n }, (_, i) => ({
    id: String(i),
    url: null,
    title: title(i),
    summary: null,
    contentHtml: body,
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
    const realUpdate = kv.update.bind(kv);
    (kv as { update: typeof kv.update }).update = async () => {
      throw new Error('tab closed');
    };
    await cache
      .write({ feed: feedOf('https://x.vn/a.json', 5), etag: null, lastModified: null, hash: '2', fetchedAt: 2 })
      .catch(() => {});
    (kv as { update: typeof kv.update }).update = realUpdate;
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

/** Another page of this origin (an iframe: its own modules and IndexedDB connection) with a FeedCache on `db`. */
async function otherTab(db: string, chunk: number): Promise<{ cache: FeedCache; frame: HTMLIFrameElement }> {
  const frame = document.createElement('iframe');
  frame.src = `/test/fixtures/cache-frame.html?db=${encodeURIComponent(db)}&chunk=${chunk}`;
  document.body.append(frame);
  const win = await until(() => {
    const w = frame.contentWindow as (Window & { cache?: FeedCache; __ready?: boolean }) | null;
    return w?.__ready && w;
  }, 10_000, 'the other tab');
  return { cache: win.cache!, frame };
}

describe('FeedCache across tabs', () => {
  it('two tabs racing writes, touches and reads hundreds of times: every read is one complete copy', async () => {
    const db = uniqueId('race-db');
    const url = 'https://x.vn/race.json';
    // ~4 KB items in 10 KB records: each copy spans several records, as big feeds do.
    const CHUNK = 10_000;
    const body = `<p>${'x'.repeat(2000)}</p>`;
    const version = (v: number) => feedOf(url, 3 + (v % 4), () => `v${v}`, body);
    const [a, b] = await Promise.all([otherTab(db, CHUNK), otherTab(db, CHUNK)]);
    const here = new FeedCache(openKV(db), Date.now, CHUNK);
    const problems: string[] = [];
    const check = (got: Awaited<ReturnType<FeedCache['read']>>, when: string) => {
      if (!got) return void problems.push(`${when}: unreadable`);
      const titles = new Set(got.feed.items.map((i) => i.title));
      const v = Number([...titles][0].slice(1));
      if (titles.size !== 1 || got.feed.items.length !== 3 + (v % 4)) problems.push(`${when}: a mixed copy`);
    };
    try {
      await a.cache.write({ feed: version(0), etag: '"0"', lastModified: null, hash: null, fetchedAt: 0 });
      const ROUNDS = 200;
      for (let i = 1; i <= ROUNDS; i++) {
        const reads = [b.cache.read(url), here.read(url)];
        await Promise.all([
          a.cache.write({ feed: version(i), etag: `"${i}"`, lastModified: null, hash: null, fetchedAt: i }),
          // A 304 in the other tab, landing anywhere in the write.
          new Promise((r) => setTimeout(r, i % 5)).then(() => b.cache.touch(url, { fetchedAt: -i, etag: null, lastModified: null })),
          ...reads.map((r) => r.then((got) => check(got, `round ${i}, during the write`))),
        ]);
        check(await here.read(url), `round ${i}, after`);
      }
      expect(problems.slice(0, 5), `${problems.length} of ${ROUNDS} rounds`).to.deep.equal([]);
      // Nothing left behind: only the live copy's records.
      const keys = (await openKV(db).keys()).filter((k) => k.startsWith('c:'));
      expect(keys).to.have.length(Math.ceil((3 + (ROUNDS % 4)) / 2));
    } finally {
      a.frame.remove();
      b.frame.remove();
    }
  });
});

describe('FeedCache when the disk is full', () => {
  it('removes the records of a write that failed at once, keeps the previous copy, and names the error', async () => {
    const real = openKV(uniqueId('quota-db'));
    let chunkWrites = 0;
    // The point of this test is a failing store: the third record of the second write hits the quota.
    const full: typeof real = Object.create(real, {
      set: {
        value: async (key: string, value: unknown) => {
          if (key.startsWith('c:') && ++chunkWrites > 4) throw new DOMException('', 'QuotaExceededError');
          return real.set(key, value);
        },
      },
    });
    const cache = new FeedCache(full, Date.now, 10_000);
    const body = `<p>${'x'.repeat(2000)}</p>`;
    await cache.write({ feed: feedOf('https://x.vn/q.json', 4, undefined, body), etag: null, lastModified: null, hash: '1', fetchedAt: 1 });
    expect(chunkWrites).to.equal(2);
    const error = await cache
      .write({ feed: feedOf('https://x.vn/q.json', 12, undefined, body), etag: null, lastModified: null, hash: '2', fetchedAt: 2 })
      .then(() => null, (e: Error) => e);
    expect(error?.name).to.equal('QuotaExceededError');
    // Only the previous copy's two records are left: nothing waits for the hourly sweep.
    expect((await real.keys()).filter((k) => k.startsWith('c:'))).to.have.length(2);
    expect((await cache.read('https://x.vn/q.json'))!.feed.items).to.have.length(4);
  });
});
