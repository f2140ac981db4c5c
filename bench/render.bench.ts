// First render of each element with its feed's data, from the network and
// from a warm IndexedDB cache (each a fresh page in an iframe), and
// <bantin-news-list> with 10, 100 and 1,000 items. (The search box itself
// shows at once; its row is the feed behind it. Its typing figures are in
// bench/search.html.)
import '../src/index.js';
import { median, percentile, round, runBench } from './harness.js';

const RUNS = 7;

/** Elements measured, as a webmaster would write them; `{feed}` is replaced. */
export const ELEMENTS: [string, string][] = [
  ['bantin-article', '<bantin-article feed="{feed}" article-id="5142"></bantin-article>'],
  ['bantin-news-list', '<bantin-news-list feed="{feed}" direction="older" relative-to="5142"></bantin-news-list>'],
  ['bantin-counter', '<bantin-counter feed="{feed}"></bantin-counter>'],
  ['bantin-date-picker', '<bantin-date-picker feed="{feed}" inline value="2017-02-27"></bantin-date-picker>'],
  ['bantin-search', '<bantin-search feed="{feed}"></bantin-search>'],
];

async function visit(html: string): Promise<{ ms: number; fromCache: boolean }> {
  const frame = document.createElement('iframe');
  frame.src = `/bench/lib/frame.html?html=${encodeURIComponent(html)}`;
  document.body.append(frame);
  const win = frame.contentWindow as Window & { __result?: { ms: number; fromCache: boolean } };
  const start = performance.now();
  while (!win.__result) {
    if (performance.now() - start > 20_000) throw new Error(`no render: ${html}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  const result = win.__result;
  frame.remove();
  return result;
}

runBench(async () => {
  const table: Record<string, unknown>[] = [];
  for (const [tag, markup] of ELEMENTS) {
    const network: number[] = [];
    const cache: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      // A feed URL this browser has never cached: the first visit goes to the network.
      const feed = `/demo/feed.json?visit=${Date.now()}-${i}`;
      const cold = await visit(markup.replace('{feed}', feed));
      if (cold.fromCache) throw new Error('cold visit came from cache');
      network.push(cold.ms);
      const warm = await visit(markup.replace('{feed}', feed));
      if (!warm.fromCache) throw new Error('warm visit did not come from cache');
      cache.push(warm.ms);
    }
    table.push({ measure: `${tag}: first render from the network`, 'median ms': round(median(network)), 'p95 ms': round(percentile(network, 95)) });
    table.push({ measure: `${tag}: first render from IndexedDB`, 'median ms': round(median(cache)), 'p95 ms': round(percentile(cache, 95)) });
  }

  // Long lists: the feed is already in memory; this is rendering alone.
  const feed = '/corpus/vi-news.feed.json';
  const warmUp = document.createElement('bantin-news-list');
  warmUp.setAttribute('feed', feed);
  document.body.append(warmUp);
  await new Promise<void>((resolve) => warmUp.addEventListener('bantin-load', () => resolve(), { once: true }));
  warmUp.remove();
  for (const n of [10, 100, 1000]) {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const el = document.createElement('bantin-news-list');
      el.setAttribute('feed', feed);
      el.setAttribute('limit', String(n));
      const t0 = performance.now();
      document.body.append(el);
      await el.updateComplete;
      el.getBoundingClientRect(); // include style and layout
      times.push(performance.now() - t0);
      if (el.shadowRoot!.querySelectorAll('li').length !== n) throw new Error(`expected ${n} items`);
      el.remove();
    }
    table.push({ measure: `bantin-news-list: render ${n} items (vi-news, in memory)`, 'median ms': round(median(times)), 'p95 ms': round(percentile(times, 95)) });
  }
  return { table, notes: [`${RUNS} runs each; first render = element inserted → data on screen (next frame).`] };
});
