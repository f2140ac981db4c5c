// The IndexedDB cache with the 24.7 MB vi-news feed: time to write and read it
// back, and the longest main-thread task either causes. Baseline: the same
// items as one IndexedDB record, as a naive cache would store them.
import { createStore, get, set, del } from 'idb-keyval';
import { FeedCache } from '../src/feed/cache.js';
import { openKV } from '../src/shared/kv.js';
import { parseFeedText } from '../src/feed/parse.js';
import { median, round, runBench, withLongTasks } from './harness.js';

const RUNS = 5;

runBench(async () => {
  const text = await (await fetch('/corpus/vi-news.feed.json')).text();
  const { feed } = parseFeedText(text, 'https://bench.invalid/vi-news.json');
  const rows: Record<string, unknown>[] = [];
  const measure = async (name: string, op: () => Promise<unknown>) => {
    const times: number[] = [];
    const longest: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await withLongTasks(op);
      times.push(r.ms);
      longest.push(r.longest);
    }
    rows.push({
      operation: name,
      'median ms': round(median(times)),
      'median longest task ms': round(median(longest)),
      'worst longest task ms': round(Math.max(...longest)),
      runs: longest.map((x) => round(x, 0)).join(' '),
    });
  };

  let fresh = 0;
  await measure('bantin cache: first write, into a new database', () =>
    new FeedCache(openKV(`bench-new-${Date.now()}-${fresh++}`)).write({ feed, etag: null, lastModified: null, hash: 'h', fetchedAt: 0 }),
  );
  const cache = new FeedCache(openKV(`bench-${Date.now()}`));
  // Open the database first: the row above is the first-visit cost.
  await cache.write({ feed: { ...feed, url: 'warm-up', items: feed.items.slice(0, 1) }, etag: null, lastModified: null, hash: null, fetchedAt: 0 });
  await measure('bantin cache: write (1 MB records)', () =>
    cache.write({ feed, etag: null, lastModified: null, hash: 'h', fetchedAt: Date.now() }),
  );
  await measure('bantin cache: read', () => cache.read(feed.url));

  const naive = createStore(`bench-naive-${Date.now()}`, 'kv');
  await measure('baseline: one record, write', () => set('feed', feed, naive));
  await measure('baseline: one record, read', () => get('feed', naive));
  await del('feed', naive);

  return {
    table: rows,
    notes: [
      `vi-news.feed.json: ${feed.items.length} items, ${(text.length / 1e6).toFixed(1)} M characters; ${RUNS} runs each.`,
      'Long tasks are main-thread tasks over 50 ms (PerformanceObserver "longtask"); 0 means none.',
    ],
  };
});
