import { expect } from '@open-wc/testing';
import { parseFeedText } from '../../src/feed/parse.js';
import { SearchEngine } from '../../src/search/engine.js';
import { resetSearchWorker, searchFor, searchWorker, spawnWorker, WorkerSearchEngine } from '../../src/search/worker-client.js';
import { feedJson, item, uniqueId } from '../support/mock.js';
import { loadFeed } from '../support/feeds.js';

/** A URL of its own per test: the page-wide index is per feed URL. */
const loadFresh = (url: string) => loadFeed(url, { fresh: true });

/** What a reader sees of results: each hit's article, marked title and excerpt. */
const seen = (r: Awaited<ReturnType<SearchEngine['search']>>) => ({
  total: r.total,
  hits: r.hits.map((h) => ({ id: h.article.id, title: h.title, excerpt: h.excerpt, exact: h.exact })),
});

const QUERIES = ['kiem diem', 'quận ủy', 'duong', 'đường', 'ban thuong vu', 'k', 'kiem d'];
const WORKER_SCRIPT = { url: new URL('../../src/search/search-worker.ts', import.meta.url), options: { type: 'module' as const } };

describe('search in a worker (worker-client)', () => {
  afterEach(() => resetSearchWorker());

  it('runs in a worker and gives exactly what the engine on the page gives', async () => {
    const feed = await loadFresh('/demo/feed.json');
    const remote = await searchFor(feed);
    expect(remote.thread).to.equal('worker');
    const local = await SearchEngine.create(feed.items, { cache: null });
    for (const q of QUERIES) {
      for (const options of [{}, { limit: 3, offset: 2, excerptLength: 100 }]) {
        expect(seen(await remote.search(q, options)), `${q} ${JSON.stringify(options)}`).to.deep.equal(seen(await local.search(q, options)));
      }
    }
  });

  it('answers with the page’s own article objects', async () => {
    const feed = await loadFresh('/demo/feed.json');
    const r = await (await searchFor(feed)).search('kiem diem');
    expect(r.hits.length).to.be.greaterThan(0);
    for (const h of r.hits) expect(h.article).to.equal(feed.items[h.doc]);
  });

  it('one index per feed on the page; a grown feed gets a new one', async () => {
    const feed = parseFeedText(feedJson([item(1), item(2)]), `https://x.invalid/${uniqueId()}.json`).feed;
    const a = searchFor(feed);
    expect(searchFor({ ...feed })).to.equal(a);
    const grown = { ...feed, items: [...feed.items, ...parseFeedText(feedJson([item(3)]), feed.url).feed.items] };
    const b = searchFor(grown);
    expect(b).to.not.equal(a);
    expect((await b).stats.docs).to.equal(3);
    expect((await (await b).search('tin 3')).hits.map((h) => h.article.id)).to.include('3');
  });

  it('an aborted search rejects with AbortError, and the next one answers', async () => {
    const feed = await loadFresh('/demo/feed.json');
    const s = await searchFor(feed);
    const abort = new AbortController();
    const pending = s.search('kiem diem', { signal: abort.signal });
    abort.abort(new DOMException('newer key', 'AbortError'));
    let error: unknown;
    await pending.catch((e) => (error = e));
    expect((error as Error).name).to.equal('AbortError');
    expect((await s.search('quan uy')).total).to.be.greaterThan(0);
  });

  it('a worker started through a same-origin blob (how a CDN-hosted script starts one) answers', async () => {
    const worker = spawnWorker(WORKER_SCRIPT, true);
    const ready = await new Promise<unknown>((resolve, reject) => {
      worker.onmessage = (e) => resolve(e.data);
      worker.onerror = (e) => reject(new Error(e.message));
    });
    worker.terminate();
    expect(ready).to.deep.equal({ type: 'ready' });
  });

  it('a worker that starts but cannot search (a chunk of it failed to load): the page answers, with one warning', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      // Says it is ready, then answers every request with the error a missing chunk gives.
      const port = await searchWorker({ url: new URL('/test/fixtures/failing-search-worker.js', location.href), options: { type: 'module' } });
      expect(port).to.not.equal(null);
      const feed = await loadFresh('/demo/feed.json');
      const s = await searchFor(feed);
      expect((await s.search('kiem diem')).hits.map((h) => h.article.id)).to.include('5142');
      expect((await s.search('quan uy')).total).to.be.greaterThan(0);
      expect(port!.failed).to.be.instanceOf(Error);
      expect(warnings.filter((w) => /search worker/.test(w))).to.have.length(1);
      expect(warnings[0]).to.contain('Failed to fetch dynamically imported module');
    } finally {
      console.warn = warn;
    }
  });

  it('a worker script that fails to load: no worker, and the search runs on the page', async () => {
    expect(await searchWorker({ url: new URL('/no/such/worker.js', location.href), options: { type: 'module' } })).to.equal(null);
    const feed = await loadFresh('/demo/feed.json');
    const s = await searchFor(feed);
    expect(s.thread).to.equal('page');
    expect((await s.search('kiem diem')).hits.map((h) => h.article.id)).to.include('5142');
  });

  it('a page whose policy forbids workers (the constructor throws): the search runs on the page', async () => {
    const real = globalThis.Worker;
    globalThis.Worker = class {
      constructor() {
        throw new DOMException('Refused to create a worker', 'SecurityError');
      }
    } as unknown as typeof Worker;
    try {
      const feed = await loadFresh('/demo/feed.json');
      const s = await searchFor(feed);
      expect(s.thread).to.equal('page');
      expect((await s.search('quan uy')).total).to.be.greaterThan(0);
    } finally {
      globalThis.Worker = real;
    }
  });

  it('a worker that fails after indexing: searches go on, on the page, with the same results', async () => {
    const feed = await loadFresh('/demo/feed.json');
    const s = (await searchFor(feed)) as WorkerSearchEngine;
    const before = seen(await s.search('kiem diem'));
    const port = (await searchWorker())!;
    port.worker.dispatchEvent(new ErrorEvent('error', { message: 'out of memory' }));
    expect(port.failed?.message).to.include('out of memory');
    expect(seen(await s.search('kiem diem'))).to.deep.equal(before);
  });

  it('a worker that fails while a search is on its way: that search is answered on the page', async () => {
    const feed = await loadFresh('/demo/feed.json');
    const s = (await searchFor(feed)) as WorkerSearchEngine;
    const before = seen(await s.search('quan uy'));
    const port = (await searchWorker())!;
    const pending = s.search('quan uy');
    port.worker.dispatchEvent(new ErrorEvent('error', { message: 'crashed' }));
    expect(seen(await pending)).to.deep.equal(before);
  });
});
