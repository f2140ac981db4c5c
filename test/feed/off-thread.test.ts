import { expect } from '@open-wc/testing';
import { FeedStore, type FeedState } from '../../src/feed/store.js';
import { FeedCache } from '../../src/feed/cache.js';
import { openKV } from '../../src/shared/kv.js';
import { offThread } from '../../src/feed/body.js';
import { mockFeed, mockRequests, uniqueId, feedJson, item, servedFrom } from '../support/mock.js';
import { until } from '../support/until.js';

const WORKER = '/src/feed/parse-worker.ts';

/**
 * The scripts workers were started from, while `fn` runs: the real Worker, watched (the
 * browser may take the script from its cache, so the server's log cannot tell).
 */
async function workersStartedBy<T>(fn: () => Promise<T>): Promise<{ result: T; scripts: string[] }> {
  const Real = globalThis.Worker;
  const scripts: string[] = [];
  globalThis.Worker = class extends Real {
    constructor(url: string | URL, options?: WorkerOptions) {
      scripts.push(new URL(url, location.href).pathname);
      super(url, options);
    }
  };
  try {
    return { result: await fn(), scripts };
  } finally {
    globalThis.Worker = Real;
  }
}

/** A JSON Feed of `n` items of about 500 characters: 800 make about 400 KB, over the worker threshold. */
function bigItems(n: number, tag = 'v1') {
  return Array.from({ length: n }, (_, i) =>
    item(`${tag}-${i}`, {
      title: `Tin số ${i}: Hội nghị Ban Chấp hành Đảng bộ Quận 5`,
      content_html: `<p>${'Ngày 22 tháng 02 năm 2017, Quận ủy Quận 5 đã tổ chức Hội nghị. '.repeat(6)}</p>`,
      date_published: new Date(Date.UTC(2017, 1, 27) - i * 3_600_000).toISOString(),
    }),
  );
}
const ready = (s: FeedState) => s.status === 'error' || (s.status === 'ready' && !s.revalidating);
const loaded = async (store: FeedStore) => {
  await store.load();
  return until(() => ready(store.state) && store.state, 10_000, 'store settled');
};

describe('Big feeds off the main thread', () => {
  afterEach(() => {
    offThread.minBytes = 256 * 1024;
  });

  it('a body over 256 KB is decoded and parsed in a worker: the same model as on the page', async () => {
    const body = feedJson(bigItems(800), { next_url: '/feed-2.json', _bantin: { visits: 42 } });
    expect(body.length).to.be.above(256 * 1024);
    const url = await mockFeed(uniqueId('big'), { body });
    const { result: inWorker, scripts } = await workersStartedBy(() => loaded(new FeedStore(url, { cache: new FeedCache(openKV(uniqueId('db'))) })));
    expect(scripts).to.include(WORKER);

    offThread.minBytes = Infinity;
    const onPage = await loaded(new FeedStore(url, { cache: new FeedCache(openKV(uniqueId('db'))) }));
    expect(inWorker.feed!.items).to.have.length(800);
    expect(inWorker.feed!.items[799].published).to.be.instanceOf(Date);
    expect(inWorker.feed).to.deep.equal(onPage.feed);
    expect(inWorker.feed!.visits).to.equal(42);
  });

  it('a small body stays on the page (no worker to start for it)', async () => {
    const url = await mockFeed(uniqueId('small'), { body: feedJson([item(1)]) });
    const { result: s, scripts } = await workersStartedBy(() => loaded(new FeedStore(url, { cache: new FeedCache(openKV(uniqueId('db'))) })));
    expect(s.feed!.items).to.have.length(1);
    expect(scripts).to.deep.equal([]);
  });

  it('a big body that is not JSON is the not-json error, from the worker as from the page', async () => {
    const url = await mockFeed(uniqueId('broken'), { body: feedJson(bigItems(800)).slice(0, -300) });
    const s = await loaded(new FeedStore(url, { cache: new FeedCache(openKV(uniqueId('db'))) }));
    expect(s.status).to.equal('error');
    expect(s.error!.code).to.equal('not-json');
    expect(s.error!.url).to.equal(url);
  });

  it('a big RSS body comes back from the worker as text and is read on the page (DOMParser)', async () => {
    const entries = Array.from({ length: 900 }, (_, i) => `<item><guid>r${i}</guid><title>Tin ${i}</title><description>${'Nội dung dài của bản tin. '.repeat(12)}</description><pubDate>Mon, 27 Feb 2017 13:35:00 +0700</pubDate></item>`).join('');
    const rss = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Quận 5</title>${entries}</channel></rss>`;
    expect(rss.length).to.be.above(256 * 1024);
    const url = await mockFeed(uniqueId('rss'), { body: rss, contentType: 'application/rss+xml' });
    const s = await loaded(new FeedStore(url, { cache: new FeedCache(openKV(uniqueId('db'))) }));
    expect(s.feed!.items).to.have.length(900);
    expect(s.feed!.items[0].published!.toISOString()).to.equal('2017-02-27T06:35:00.000Z');
  });

  it('without validators, the same big body again is recognised by its hash and not parsed again', async () => {
    const id = uniqueId('nohash');
    const url = await mockFeed(id, { body: feedJson(bigItems(800)) });
    const cache = new FeedCache(openKV(uniqueId('db')));
    await loaded(new FeedStore(url, { cache }));
    const before = (await cache.read(url))!;
    const second = await loaded(new FeedStore(url, { cache }));
    expect(second.fromCache).to.equal(true);
    expect(second.stale).to.equal(false);
    const after = (await cache.read(url))!;
    expect(after.hash).to.equal(before.hash);
    expect(after.fetchedAt).to.be.at.least(before.fetchedAt);
    expect((await mockRequests(id)).length).to.equal(2);
  });

  it('where no worker may start (CSP worker-src none), the page reads the big feed itself, with nothing thrown', async () => {
    const url = await mockFeed(uniqueId('csp'), { body: feedJson(bigItems(800)) });
    const served = await servedFrom();
    const frame = document.createElement('iframe');
    frame.src = `/test/fixtures/no-worker.html?feed=${encodeURIComponent(url)}`;
    document.body.append(frame);
    try {
      const win = frame.contentWindow as Window & { __state?: { status: string; count: number }; __errors?: string[] };
      const state = await until(() => win.__state, 15_000, 'the no-worker page');
      expect(state).to.deep.equal({ status: 'ready', count: 800, error: null });
      expect(win.__errors).to.deep.equal([]);
      // The policy really kept the worker from starting: its script was never fetched.
      expect(await served.paths()).to.not.include(WORKER);
    } finally {
      frame.remove();
    }
  });
});
