// A big feed on a page: a generated 26 MB, 100,000-item JSON Feed served over HTTP
// by bench/run.mjs (bench/lib/big-feed.mjs), and the 24.7 MB corpus feed when the
// corpus is served (else the generated one alone, and a note saying so). First visit
// (network, parse, cache write) and next visit (from IndexedDB, then revalidated:
// the generated feed has no validators, so it is downloaded and hashed again), each a
// fresh page in an iframe. Figures: time to first content, the longest main-thread
// task in the visit (trace: wall and CPU; the budget is 50 ms), tasks over 50 ms, peak
// JS heap of the page. Each row twice: with the feed worker (now), and with decoding
// and parsing on the main thread (`offThread.minBytes = Infinity`, the path before the
// worker) for comparison.
//   npm run bench -- big-feed     (?runs=N&path=worker|main&page=… through BENCH_QUERY)
import { FeedCache } from '../src/feed/cache.js';
import { median, round, runBench } from './harness.js';

const params = new URL(location.href).searchParams;
const RUNS = Number(params.get('runs')) || 3;
/** Pages measured: one article (the figures), and an article with the portal's lists and counter. */
const PAGES: [string, string][] = [
  ['an article', '<bantin-article feed="{feed}"></bantin-article>'],
  ['article, 2 lists, counter', '<bantin-article feed="{feed}"></bantin-article><bantin-news-list feed="{feed}" direction="older" limit="5"></bantin-news-list><bantin-news-list feed="{feed}" limit="5"></bantin-news-list><bantin-counter feed="{feed}"></bantin-counter>'],
].filter(([name]) => !params.get('page') || name.startsWith(params.get('page')!)) as [string, string][];
/** `?path=worker` or `?path=main` measures one path only (with BENCH_TRACE_DIR, to read its traces). */
const PATHS = (['worker', 'main'] as const).filter((p) => !params.get('path') || params.get('path') === p);
const BUDGET_MS = 50;

declare global {
  interface Window {
    benchTraceStart?: () => Promise<void>;
    benchTraceStop?: () => Promise<Record<string, { cpu: number; wall: number; longestWall: number; longestCpu: number; longTasks: number }>>;
    gc?: () => void;
  }
}

interface Visit {
  content: number;
  longestWall: number;
  longestCpu: number;
  longTasks: number;
  heapMB: number;
  fromCache: boolean;
  items: number;
}

let visits = 0;
async function visit(feed: string, path: 'worker' | 'main', markup: string): Promise<Visit> {
  window.gc?.();
  const html = markup.replaceAll('{feed}', feed);
  const label = `visit${++visits}`;
  let heap = 0;
  const memory = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
  const sampler = setInterval(() => (heap = Math.max(heap, memory())), 20);
  await window.benchTraceStart?.();
  performance.mark(`${label}:start`);
  const frame = document.createElement('iframe');
  frame.src = `/bench/lib/big-feed-frame.html?path=${path}&html=${encodeURIComponent(html)}`;
  const t0 = performance.timeOrigin + performance.now();
  document.body.append(frame);
  const win = frame.contentWindow as Window & { __result?: { content: number; settled: number; fromCache: boolean; items: number } };
  while (!win.__result) {
    if (performance.timeOrigin + performance.now() - t0 > 120_000) throw new Error(`no content: ${feed}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  heap = Math.max(heap, memory());
  performance.mark(`${label}:end`);
  clearInterval(sampler);
  const r = win.__result;
  frame.remove();
  const cpu = (await window.benchTraceStop?.())?.[label];
  return {
    content: r.content - t0,
    longestWall: cpu?.longestWall ?? NaN,
    longestCpu: cpu?.longestCpu ?? NaN,
    longTasks: cpu?.longTasks ?? NaN,
    heapMB: heap / 1e6,
    fromCache: r.fromCache,
    items: r.items,
  };
}

runBench(async () => {
  const feeds: [string, string][] = [];
  const generated = '/bench-feeds/big-feed.json';
  const size = Number((await fetch(generated, { method: 'HEAD' })).headers.get('Content-Length'));
  feeds.push([`generated (bench/lib/big-feed.mjs), ${(size / 1e6).toFixed(1)} MB, 100,000 items`, new URL(generated, location.href).href]);
  const notes: string[] = [];
  const corpus = '/corpus/vi-news.feed.json';
  const head = await fetch(corpus, { method: 'HEAD' }).catch(() => null);
  const standIn = head?.headers.get('X-Bantin-Corpus') === 'stand-in';
  const mb = (Number(head?.headers.get('Content-Length')) / 1e6 || 24.7).toFixed(1);
  if (head?.ok) feeds.push([standIn ? `stand-in for the corpus (2,653 articles from DANeS), ${mb} MB` : `corpus vi-news.feed.json, ${mb} MB`, new URL(corpus, location.href).href]);
  else notes.push('No corpus served (BANTIN_CORPUS unset or missing): the generated stand-in only.');

  const cache = new FeedCache();
  const table: Record<string, unknown>[] = [];
  let over = 0;
  for (const [pageName, markup] of PAGES) for (const [name, url] of feeds) {
    for (const path of PATHS) {
      const first: Visit[] = [];
      const again: Visit[] = [];
      for (let i = 0; i < RUNS; i++) {
        await cache.remove(url);
        const cold = await visit(url, path, markup);
        if (cold.fromCache) throw new Error('first visit came from cache');
        first.push(cold);
        const warm = await visit(url, path, markup);
        if (!warm.fromCache) throw new Error('next visit did not come from cache');
        again.push(warm);
      }
      for (const [when, runs] of [['first visit', first], ['from cache', again]] as const) {
        const longest = median(runs.map((r) => r.longestWall));
        if (path === 'worker' && longest > BUDGET_MS) over++;
        table.push({
          page: pageName,
          feed: name,
          visit: when,
          path: path === 'worker' ? 'feed worker (now)' : 'main thread (before)',
          'first content ms': round(median(runs.map((r) => r.content)), 0),
          'longest task ms (wall)': round(longest, 0),
          'longest task ms (CPU)': round(median(runs.map((r) => r.longestCpu)), 0),
          'tasks > 50 ms': median(runs.map((r) => r.longTasks)),
          'peak JS heap MB': round(median(runs.map((r) => r.heapMB)), 0),
          items: runs[0].items,
        });
      }
    }
  }
  await cache.remove(feeds[0][1]);
  notes.push(
    `${RUNS} runs each, medians. Pages: one <bantin-article> (the newest article); the same with two <bantin-news-list> (older than it, and the latest) and a <bantin-counter>. Longest task: main-thread tasks from the trace, across the whole visit (fetch, parse, render, cache write or read, revalidation). Budget: ${BUDGET_MS} ms with the feed worker.`,
    'Peak JS heap: the page\'s (performance.memory, sampled every 20 ms); the worker\'s heap is its own and freed when it ends.',
    over ? `OVER BUDGET: ${over} row(s) with the feed worker have a task over ${BUDGET_MS} ms.` : `Within budget: no main-thread task over ${BUDGET_MS} ms with the feed worker.`,
  );
  return { table, notes };
});
