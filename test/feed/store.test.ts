import { expect } from '@open-wc/testing';
import { FeedStore, type FeedState } from '../../src/feed/store.js';
import { FeedCache } from '../../src/feed/cache.js';
import { openKV } from '../../src/shared/kv.js';
import { mockFeed, mockRequests, uniqueId, feedJson, item } from '../support/mock.js';
import { until } from '../support/until.js';

/** Subscribes and resolves with the first state that satisfies `predicate`. */
function stateWhere(store: FeedStore, predicate: (s: FeedState) => boolean, timeoutMs = 10_000): Promise<FeedState> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no matching state; last: ${JSON.stringify(store.state.status)}`)), timeoutMs);
    const off = store.subscribe((s) => {
      if (predicate(s)) {
        clearTimeout(timer);
        queueMicrotask(() => off());
        resolve(s);
      }
    });
  });
}
const settled = (s: FeedState) => s.status === 'error' || (s.status === 'ready' && !s.revalidating);
const ids = (s: FeedState) => s.feed!.items.map((a) => a.id);

describe('FeedStore', () => {
  it('five subscribers to one URL cause one request', async () => {
    const id = uniqueId();
    const url = await mockFeed(id, { body: feedJson([item(1), item(2)]), delayMs: 100 });
    const states: FeedState[][] = [];
    const offs = Array.from({ length: 5 }, (_, i) => {
      states[i] = [];
      return FeedStore.for(url).subscribe((s) => states[i].push(s));
    });
    expect(FeedStore.for(url)).to.equal(FeedStore.for(new URL(url).pathname));
    await until(() => states.every((list) => list.at(-1)!.status === 'ready' && !list.at(-1)!.revalidating), 10_000, 'ready');
    offs.forEach((off) => off());
    expect((await mockRequests(id)).length).to.equal(1);
    for (const list of states) expect(ids(list.at(-1)!)).to.deep.equal(['1', '2']);
  });

  it('a second page load paints from IndexedDB before the network answers, then shows the changed feed', async () => {
    const id = uniqueId();
    const url = await mockFeed(id, { body: feedJson([item(1)]), etag: '"v1"' });
    const first = new FeedStore(url);
    await first.load();
    expect(first.state.fromCache).to.equal(false);

    // The "next page load": a new store, a slow server that now has a new item.
    await mockFeed(id, { body: feedJson([item(2), item(1)]), etag: '"v2"', delayMs: 1500 });
    const second = new FeedStore(url);
    const started = performance.now();
    const fromCache = await stateWhere(second, (s) => s.status === 'ready');
    expect(performance.now() - started).to.be.below(1000);
    expect(fromCache.fromCache).to.equal(true);
    expect(fromCache.revalidating).to.equal(true);
    expect(ids(fromCache)).to.deep.equal(['1']);

    const updated = await stateWhere(second, (s) => !s.revalidating && !s.fromCache);
    expect(ids(updated)).to.deep.equal(['2', '1']);
    const requests = await mockRequests(id);
    expect(requests.length).to.equal(2);
    expect(requests[1].headers['if-none-match']).to.equal('"v1"');
  });

  it('revalidates with ETag: a 304 keeps the cached copy and counts as fresh', async () => {
    const id = uniqueId();
    const url = await mockFeed(id, { body: feedJson([item(1)]), etag: '"same"' });
    await new FeedStore(url).load();
    const second = new FeedStore(url);
    const s = await stateWhere(second, settled);
    expect(s.fromCache).to.equal(true);
    expect(s.stale).to.equal(false);
    expect(s.error).to.equal(null);
    const requests = await mockRequests(id);
    expect(requests.map((r) => r.headers['if-none-match'])).to.deep.equal([undefined, '"same"']);
  });

  it('revalidates with Last-Modified when there is no ETag', async () => {
    const id = uniqueId();
    const lastModified = 'Mon, 27 Feb 2017 06:35:00 GMT';
    const url = await mockFeed(id, { body: feedJson([item(1)]), lastModified });
    await new FeedStore(url).load();
    await new FeedStore(url).load();
    const requests = await mockRequests(id);
    expect(requests[1].headers['if-modified-since']).to.equal(lastModified);
  });

  it('offline on the second load: shows the cached feed, marked stale', async () => {
    const id = uniqueId();
    const url = await mockFeed(id, { body: feedJson([item(1), item(2)]) });
    await new FeedStore(url).load();
    await mockFeed(id, { drop: true });
    const s = await stateWhere(new FeedStore(url), settled);
    expect(s.status).to.equal('ready');
    expect(s.stale).to.equal(true);
    expect(s.fromCache).to.equal(true);
    expect(s.error!.code).to.equal('network');
    expect(ids(s)).to.deep.equal(['1', '2']);
  });

  it('offline with no cache: a network error, nothing to show', async () => {
    const id = uniqueId();
    const url = await mockFeed(id, { drop: true });
    const s = await stateWhere(new FeedStore(url), settled);
    expect(s.status).to.equal('error');
    expect(s.feed).to.equal(null);
    expect(s.error!.code).to.equal('network');
    expect(s.error!.message).to.contain(url);
  });

  for (const [what, config, code] of [
    ['a 500', { status: 500, body: 'Internal Server Error' }, 'http'],
    ['a truncated body', { body: '{"version":"1.1","items":[{"id":"1"' }, 'not-json'],
    ['an HTML error page', { body: '<!doctype html><title>Lỗi</title>', contentType: 'text/html' }, 'not-a-feed'],
    ['RSS cut short', { body: '<rss version="2.0"><channel><item><title>Tin', contentType: 'application/rss+xml' }, 'not-xml'],
    ['JSON that is not a feed', { body: '{"rss":{"channel":{}}}' }, 'not-a-feed'],
  ] as const) {
    it(`${what} after a good load leaves the cached copy intact`, async () => {
      const id = uniqueId();
      const url = await mockFeed(id, { body: feedJson([item(1), item(2)]) });
      await new FeedStore(url).load();
      await mockFeed(id, config);
      const s = await stateWhere(new FeedStore(url), settled);
      expect(s.status).to.equal('ready');
      expect(s.stale).to.equal(true);
      expect(s.error!.code).to.equal(code);
      expect(ids(s)).to.deep.equal(['1', '2']);
      if (code === 'http') expect(s.error!.status).to.equal(500);
      // And the copy on disk is still the good one, for the next page too.
      const cached = await new FeedCache().read(url);
      expect(cached!.feed.items.map((a) => a.id)).to.deep.equal(['1', '2']);
    });
  }

  it('with a fresh cache inside max-age, the network is not asked', async () => {
    const id = uniqueId();
    const url = await mockFeed(id, { body: feedJson([item(1)]) });
    await new FeedStore(url).load();
    const s = await stateWhere(new FeedStore(url, { maxAge: 600 }), (x) => x.status === 'ready');
    expect(s.fromCache).to.equal(true);
    await new Promise((r) => setTimeout(r, 100));
    expect((await mockRequests(id)).length).to.equal(1);
    // Without max-age it does revalidate.
    await new FeedStore(url).load();
    expect((await mockRequests(id)).length).to.equal(2);
  });

  it('refresh() after an error retries and recovers', async () => {
    const id = uniqueId();
    const url = await mockFeed(id, { status: 503, body: 'busy' });
    const store = new FeedStore(url);
    const failed = await stateWhere(store, settled);
    expect(failed.error!.code).to.equal('http');
    await mockFeed(id, { body: feedJson([item(7)]) });
    await store.refresh();
    expect(store.state.status).to.equal('ready');
    expect(store.state.error).to.equal(null);
    expect(ids(store.state)).to.deep.equal(['7']);
  });

  it('reports skipped items in the state', async () => {
    const id = uniqueId();
    const url = await mockFeed(id, { body: feedJson([item(1), { title: 'no id', content_text: 'x' }]) });
    const store = new FeedStore(url);
    await store.load();
    expect(ids(store.state)).to.deep.equal(['1']);
    expect(store.state.skipped).to.have.length(1);
    expect(store.state.skipped[0]).to.include({ index: 1, reason: 'no id' });
  });
});

describe('FeedStore.loadMore', () => {
  it('follows next_url, appends older items without duplicates, and stops at the end', async () => {
    const p2 = uniqueId('p2');
    const p1 = uniqueId('p1');
    const url2 = await mockFeed(p2, { body: feedJson([item(2), item(3)]) });
    const url1 = await mockFeed(p1, { body: feedJson([item(1), item(2)], { next_url: url2 }) });
    const store = new FeedStore(url1);
    await store.load();
    expect(store.state.hasMore).to.equal(true);
    expect(await store.loadMore()).to.equal(1);
    expect(ids(store.state)).to.deep.equal(['1', '2', '3']);
    expect(store.state.feed!.items.map((a) => a.order)).to.deep.equal([0, 1, 3]);
    expect(store.state.hasMore).to.equal(false);
    expect(await store.loadMore()).to.equal(0);
    expect((await mockRequests(p2)).length).to.equal(1);
  });

  it('stops a next_url loop (A → B → A) after one lap', async () => {
    const a = uniqueId('a');
    const b = uniqueId('b');
    const urlA = new URL(`/mock/${a}`, location.href).href;
    const urlB = await mockFeed(b, { body: feedJson([item('b1')], { next_url: urlA }) });
    await mockFeed(a, { body: feedJson([item('a1')], { next_url: urlB }) });
    const store = new FeedStore(urlA);
    await store.load();
    expect(await store.loadMore()).to.equal(1);
    expect(store.state.hasMore).to.equal(false);
    expect(await store.loadMore()).to.equal(0);
    expect((await mockRequests(a)).length).to.equal(1);
    expect((await mockRequests(b)).length).to.equal(1);
  });

  it('a next_url equal to the feed URL means there is nothing more', async () => {
    const a = uniqueId('self');
    const url = new URL(`/mock/${a}`, location.href).href;
    await mockFeed(a, { body: feedJson([item(1)], { next_url: url }) });
    const store = new FeedStore(url);
    await store.load();
    expect(store.state.hasMore).to.equal(false);
    expect(await store.loadMore()).to.equal(0);
    expect((await mockRequests(a)).length).to.equal(1);
  });

  it('a failed page keeps what is shown and reports the error', async () => {
    const p2 = uniqueId('p2');
    const p1 = uniqueId('p1');
    const url2 = await mockFeed(p2, { status: 404, body: 'nope' });
    const url1 = await mockFeed(p1, { body: feedJson([item(1)], { next_url: url2 }) });
    const store = new FeedStore(url1);
    await store.load();
    expect(await store.loadMore()).to.equal(0);
    expect(store.state.status).to.equal('ready');
    expect(store.state.error!.code).to.equal('http');
    expect(ids(store.state)).to.deep.equal(['1']);
    expect(store.state.hasMore).to.equal(true);
  });
});

describe('FeedStore without IndexedDB', () => {
  it('keeps working in memory when indexedDB.open throws, and warns once', async () => {
    const realOpen = IDBFactory.prototype.open;
    const realWarn = console.warn;
    const warnings: string[] = [];
    IDBFactory.prototype.open = () => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const cache = new FeedCache(openKV(uniqueId('broken-db')));
      const id = uniqueId();
      const url = await mockFeed(id, { body: feedJson([item(1), item(2)]), etag: '"m1"' });
      const first = new FeedStore(url, { cache });
      await first.load();
      expect(first.state.status).to.equal('ready');
      expect(ids(first.state)).to.deep.equal(['1', '2']);
      expect(cache.kv.inMemory).to.equal(true);
      // The memory cache still serves the next store on this page, and revalidates with its ETag.
      await mockFeed(id, { drop: true });
      const s = await stateWhere(new FeedStore(url, { cache }), settled);
      expect(s.fromCache).to.equal(true);
      expect(ids(s)).to.deep.equal(['1', '2']);
      expect(warnings.filter((w) => w.includes('IndexedDB'))).to.have.length.at.most(1);
    } finally {
      IDBFactory.prototype.open = realOpen;
      console.warn = realWarn;
    }
  });

  it('keeps working when writes fail with QuotaExceededError, and the warning names the error', async () => {
    const realPut = IDBObjectStore.prototype.put;
    const realWarn = console.warn;
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    // Chromium's quota error often has an empty message: the name must still be said.
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('', 'QuotaExceededError');
    };
    try {
      const cache = new FeedCache(openKV(uniqueId('quota-db')));
      const id = uniqueId();
      const url = await mockFeed(id, { body: feedJson([item(1)]) });
      const store = new FeedStore(url, { cache });
      await store.load();
      expect(store.state.status).to.equal('ready');
      expect(ids(store.state)).to.deep.equal(['1']);
      await until(() => warnings.some((w) => w.includes('QuotaExceededError')), 5000, 'the quota warning');
      expect(warnings.join('\n')).to.not.contain('()');
    } finally {
      IDBObjectStore.prototype.put = realPut;
      console.warn = realWarn;
    }
  });
});

describe('FeedStore: RSS and Atom over HTTP', () => {
  const rss = (items: string, channel = '') =>
    `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Quận 5</title>${channel}${items}</channel></rss>`;
  const rssItem = (n: number) => `<item><guid isPermaLink="false">${n}</guid><title>Tin ${n}</title><description>&lt;p&gt;Nội dung ${n}&lt;/p&gt;</description><pubDate>Mon, 27 Feb 2017 13:35:00 +0700</pubDate></item>`;

  it('reads an ISO-8859-1 RSS file by the charset its server sends', async () => {
    const id = uniqueId();
    const url = await mockFeed(id, { file: 'test/fixtures/feeds/rss-parser/uolNoticias.rss', contentType: 'application/rss+xml; charset=ISO-8859-1' });
    const s = await stateWhere(new FeedStore(url), settled);
    expect(s.status).to.equal('ready');
    expect(s.feed!.items[0].title).to.equal('Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno');
  });

  it('a returning page shows the cached model: the 304 brings no XML to parse, and the items are the same', async () => {
    const id = uniqueId();
    const url = await mockFeed(id, { body: rss(rssItem(1) + rssItem(2)), contentType: 'application/rss+xml', etag: '"r1"' });
    const firstStore = new FeedStore(url);
    await firstStore.load();
    const first = firstStore.state;
    const cached = await new FeedCache().read(url);
    expect(cached!.feed.items.map((a) => a.title)).to.deep.equal(['Tin 1', 'Tin 2']);
    const second = await stateWhere(new FeedStore(url), settled);
    expect(second.fromCache).to.equal(true);
    expect(second.feed!.items).to.deep.equal(first.feed!.items);
    const requests = await mockRequests(id);
    expect(requests.map((r) => r.headers['if-none-match'])).to.deep.equal([undefined, '"r1"']);
  });

  it('pages through an Atom feed with link rel="next"', async () => {
    const a = uniqueId('atom');
    const b = uniqueId('atom');
    const entry = (n: number) => `<entry><id>urn:tin:${n}</id><title>Tin ${n}</title><updated>2017-02-${10 + n}T08:00:00+07:00</updated><content type="html">&lt;p&gt;${n}&lt;/p&gt;</content></entry>`;
    const atom = (next: string | null, ...n: number[]) =>
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>Quận 5</title>${next ? `<link rel="next" href="${next}"/>` : ''}${n.map(entry).join('')}</feed>`;
    const urlB = await mockFeed(b, { body: atom(null, 2, 1), contentType: 'application/atom+xml' });
    const urlA = await mockFeed(a, { body: atom(new URL(urlB).pathname, 4, 3), contentType: 'application/atom+xml' });
    const store = new FeedStore(urlA);
    await store.load();
    expect(store.state.hasMore).to.equal(true);
    expect(await store.loadMore()).to.equal(2);
    expect(ids(store.state)).to.deep.equal(['urn:tin:4', 'urn:tin:3', 'urn:tin:2', 'urn:tin:1']);
    expect(store.state.hasMore).to.equal(false);
  });

  it('an RSS feed that turns into broken XML keeps the good copy, marked stale with "not-xml"', async () => {
    const id = uniqueId();
    const url = await mockFeed(id, { body: rss(rssItem(1)), contentType: 'text/xml' });
    await new FeedStore(url).load();
    await mockFeed(id, { body: rss(rssItem(2)).slice(0, 120), contentType: 'text/xml' });
    const s = await stateWhere(new FeedStore(url), settled);
    expect(s.stale).to.equal(true);
    expect(s.error!.code).to.equal('not-xml');
    expect(ids(s)).to.deep.equal(['1']);
    expect((await new FeedCache().read(url))!.feed.items.map((x) => x.id)).to.deep.equal(['1']);
  });
});
