// <bantin-search> while a reader types: the real element, driven through its
// input, on the 2,653-article corpus and on a 10,000-item feed derived from it.
// Baseline: plain fuse.js over every item and the same fields, in the same run.
//
// Wall-clock figures (time to results) are what a reader waits. Main-thread
// figures come from a Chrome trace (bench/lib/trace.mjs): each task's thread CPU
// time, so other processes on a shared machine do not inflate them.
//
// Page parameters (BENCH_QUERY="?runs=3&baseline=0" node bench/run.mjs search):
// runs (default 5), baseline=0 (skip plain fuse.js, which takes minutes at
// 10,000 items), limit (results shown: limit=1 isolates the cost of rendering).
import FuseFull from 'fuse.js';
import '../src/entries/search.js';
import { FeedStore } from '../src/feed/store.js';
import { openKV } from '../src/shared/kv.js';
import type { Feed } from '../src/feed/types.js';
import { feedVersion } from '../src/search/version.js';
import { searchFor, searchTextOf, searchWorker, WorkerSearchEngine, type Searcher } from '../src/search/worker-client.js';
import { bodyText, prepareText, stripHtml } from '../src/shared/text.js';
import { median, percentile, round, runBench } from './harness.js';

/** What a reader types: 20 keystrokes, without and with tone marks (as a Vietnamese keyboard produces them). */
const SCRIPT = [
  'k', 'ki', 'kie', 'kiem', 'kiem ', 'kiem d', 'kiem di', 'kiem die', 'kiem diem',
  'q', 'qu', 'quậ', 'quận', 'quận ', 'quận ủ', 'quận ủy',
  'đ', 'đư', 'đườ', 'đường',
];
/** Phrases typed fast (one key every TYPE_MS, not waiting for results) for the burst runs. */
const PHRASES = ['kiem diem', 'quận ủy', 'đường', 'thanh long trung quoc'];
const TYPE_MS = 100;
/** Pause after each key's results are painted, before the next key (a reader reading). */
const READ_MS = 60;
const params = new URLSearchParams(location.search);
const RUNS = Number(params.get('runs') ?? 5);
const BASELINE = params.get('baseline') !== '0';
const BUDGET = { results: 100, perKey: 16, task: 50 };

interface Window_ {
  cpu: number;
  wall: number;
  longestWall: number;
  longestCpu: number;
  longTasks: number;
}
type Windows = Record<string, Window_>;

declare global {
  interface Window {
    benchTraceStart?: () => Promise<void>;
    benchTraceStop?: () => Promise<Windows>;
  }
  interface Performance {
    memory?: { usedJSHeapSize: number };
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const nextFrame = () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
const heap = () => performance.memory?.usedJSHeapSize ?? NaN;
const mb = (bytes: number) => (Number.isFinite(bytes) ? `${round(bytes / 1e6, 1)} MB` : 'n/a');
const mark = (label: string, edge: 'start' | 'end') => performance.mark(`${label}:${edge}`);
const verdict = (value: number, budget: number) =>
  value <= budget ? `MET (${round(value)} ≤ ${budget})` : `NOT MET: ${round(value)} > ${budget}, by ${round(value - budget)}`;

async function traced(fn: () => Promise<void>): Promise<Windows> {
  if (!window.benchTraceStart || !window.benchTraceStop) throw new Error('run through `npm run bench` (bench/run.mjs traces the main thread)');
  performance.clearMarks();
  await window.benchTraceStart();
  await fn();
  await sleep(50);
  return window.benchTraceStop();
}

/** A 10,000-item feed from the corpus: new ids, dates and titles, the same bodies. */
function generate(raw: { items: Record<string, unknown>[] }, count: number) {
  const places = ['Quận 1', 'Quận 5', 'Bình Thạnh', 'Thủ Đức', 'Hà Đông', 'Cầu Giấy', 'Ninh Kiều', 'Hải Châu', 'Biên Hòa', 'Vũng Tàu', 'Đà Lạt', 'Huế'];
  const items = [];
  for (let i = 0; i < count; i++) {
    const src = raw.items[i % raw.items.length];
    const copy = Math.floor(i / raw.items.length);
    items.push({
      ...src,
      id: `gen-${i}`,
      url: `https://bench.invalid/tin/${i}`,
      title: copy ? `${places[(i + copy) % places.length]}: ${src.title as string} (${copy + 1})` : src.title,
      date_published: new Date(Date.UTC(2021, 4, 31) - i * 3_600_000).toISOString(),
    });
  }
  return { ...raw, items };
}

/** Bytes of the searchable text the page copies to the worker (UTF-16). */
const textBytes = (feed: Feed) =>
  feed.items.map(searchTextOf).reduce((n, t) => n + 2 * Object.values(t).reduce((m: number, v) => m + (v?.length ?? 0), 0), 0);

async function mount(url: string) {
  const el = document.createElement('bantin-search');
  el.setAttribute('feed', url);
  el.setAttribute('min-chars', '1');
  if (params.get('limit')) el.setAttribute('limit', params.get('limit')!);
  el.setAttribute('label-hidden', '');
  const loaded = new Promise((r) => el.addEventListener('bantin-load', r, { once: true }));
  document.body.append(el);
  await loaded;
  // The feed store writes its IndexedDB copy in the background: let it finish first.
  const feeds = openKV('bantin-feeds');
  const abs = new URL(url, location.href).href;
  while (!(await feeds.get(`m:${abs}`))) await sleep(200);
  await sleep(300);
  return el;
}

const listOf = (el: HTMLElement) => el.shadowRoot!.querySelector('[role="listbox"]')!;

/** Resolves when the element shows final results for `query`. */
function rendered(el: HTMLElement, query: string): Promise<number> {
  return new Promise((resolve) => {
    const list = listOf(el);
    const done = () => list.getAttribute('data-query') === query && list.getAttribute('aria-busy') === 'false';
    if (done()) return resolve(performance.now());
    const mo = new MutationObserver(() => {
      if (done()) {
        mo.disconnect();
        resolve(performance.now());
      }
    });
    mo.observe(el.shadowRoot!, { subtree: true, attributes: true, childList: true });
  });
}

function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value.slice(-1) }));
}

const phases = { match: [] as number[], prepare: [] as number[], fuse: [] as number[] };

/** Types SCRIPT one key at a time, each after the previous key's results are painted and read. */
async function paced(el: HTMLElement, engine: Searcher, run: number): Promise<number[]> {
  const input = el.shadowRoot!.querySelector('input')!;
  const toResults: number[] = [];
  for (let i = 0; i < SCRIPT.length; i++) {
    const value = SCRIPT[i];
    const label = `key:${run}:${i}`;
    mark(label, 'start');
    const t0 = performance.now();
    const shown = rendered(el, value);
    type(input, value);
    await shown;
    toResults.push((await nextFrame()) - t0);
    for (const k of ['match', 'prepare', 'fuse'] as const) phases[k].push(engine.lastTimings[k]);
    await sleep(READ_MS);
    mark(label, 'end');
  }
  return toResults;
}

/** Types each phrase a key every TYPE_MS without waiting: time from the last key to final results, and stale renders. */
async function burst(el: HTMLElement): Promise<{ final: number[]; stale: number }> {
  const input = el.shadowRoot!.querySelector('input')!;
  const list = listOf(el);
  const final: number[] = [];
  let stale = 0;
  for (const phrase of PHRASES) {
    type(input, '');
    await sleep(50);
    const typed: string[] = [];
    let newest = -1;
    const mo = new MutationObserver(() => {
      if (list.getAttribute('aria-busy') !== 'false') return;
      const i = typed.lastIndexOf(list.getAttribute('data-query') ?? '');
      if (i < 0) return;
      if (i < newest) stale++;
      newest = Math.max(newest, i);
    });
    mo.observe(el.shadowRoot!, { subtree: true, attributes: true, childList: true });
    let t0 = 0;
    for (let k = 1; k <= phrase.length; k++) {
      const value = phrase.slice(0, k);
      typed.push(value);
      t0 = performance.now();
      type(input, value);
      if (k < phrase.length) await sleep(TYPE_MS);
    }
    await rendered(el, phrase);
    final.push((await nextFrame()) - t0);
    mo.disconnect();
    await sleep(100);
  }
  return { final, stale };
}

/** Plain fuse.js, the baseline: one index over every item and the same fields, searched on each key. */
async function baseline(feed: Feed) {
  const docs = feed.items.map((a) => ({
    title: prepareText(a.title),
    summary: a.summary ? stripHtml(a.summary) : '',
    category: prepareText(a.category ?? ''),
    body: bodyText(a),
  }));
  const out = document.createElement('ol');
  document.body.append(out);
  const toResults: number[] = [];
  let build = 0;
  let memory = NaN;
  const windows = await traced(async () => {
    const h0 = heap();
    mark('build', 'start');
    const b0 = performance.now();
    const fuse = new FuseFull(docs, {
      keys: [
        { name: 'title', weight: 3 },
        { name: 'summary', weight: 1.5 },
        { name: 'category', weight: 1 },
        { name: 'body', weight: 1 },
      ],
      includeScore: true,
      ignoreDiacritics: true,
      ignoreLocation: true,
      threshold: 0.4,
    });
    build = performance.now() - b0;
    mark('build', 'end');
    memory = heap() - h0;
    // The first search in a task of its own, not counted as building.
    await sleep(20);
    for (let i = 0; i < SCRIPT.length; i++) {
      mark(`key:0:${i}`, 'start');
      const t0 = performance.now();
      const hits = fuse.search(SCRIPT[i].trim(), { limit: 8 });
      out.replaceChildren(...hits.map((h) => Object.assign(document.createElement('li'), { textContent: h.item.title })));
      toResults.push((await nextFrame()) - t0);
      await sleep(READ_MS);
      mark(`key:0:${i}`, 'end');
    }
  });
  out.remove();
  const keys = Object.entries(windows).filter(([k]) => k.startsWith('key:'));
  return {
    build,
    memory,
    buildWindow: windows.build,
    toResults,
    cpu: keys.map(([, w]) => w.cpu),
    longTasks: keys.reduce((n, [, w]) => n + w.longTasks, 0),
    longestWall: Math.max(...keys.map(([, w]) => w.longestWall)),
    longestCpu: Math.max(...keys.map(([, w]) => w.longestCpu)),
  };
}

runBench(async () => {
  let text: string | null = await (await fetch('/corpus/vi-news.feed.json')).text();
  const table: Record<string, unknown>[] = [];
  const notes: string[] = [];

  for (const name of ['vi-news (2,653)', 'generated (10,000)']) {
    // Made only when needed, so the first feed is measured with a smaller heap.
    const json = name.startsWith('vi-news') ? text! : JSON.stringify(generate(JSON.parse(text!), 10_000));
    if (!name.startsWith('vi-news')) text = null;
    const url = URL.createObjectURL(new Blob([json], { type: 'application/feed+json' }));
    const el = await mount(url);
    const feed = FeedStore.for(url).state.feed!;
    const input = el.shadowRoot!.querySelector('input')!;

    // Index build, as the reader's first focus starts it.
    let engine!: Searcher;
    let build = 0;
    let heapDelta = NaN;
    const buildWindows = await traced(async () => {
      const h0 = heap();
      mark('build', 'start');
      const b0 = performance.now();
      input.focus();
      engine = await searchFor(feed);
      build = performance.now() - b0;
      await sleep(60);
      mark('build', 'end');
      heapDelta = heap() - h0;
    });
    // Wait for the index to reach IndexedDB, then time a load from there (a returning reader).
    const searchKv = openKV('bantin-search');
    while (!(await searchKv.get(`m:${feed.url}`))) await sleep(100);
    await sleep(300);
    let load = 0;
    const loadWindows = await traced(async () => {
      mark('load', 'start');
      const l0 = performance.now();
      const port = await searchWorker();
      if (!port) throw new Error('no search worker');
      const again = await WorkerSearchEngine.create(port, feed.items, { url: feed.url, version: feedVersion(feed.items) });
      if (!again.stats.fromCache) throw new Error('the index was not read from IndexedDB');
      again.drop();
      load = performance.now() - l0;
      await sleep(60);
      mark('load', 'end');
    });

    for (const k of ['match', 'prepare', 'fuse'] as const) phases[k].length = 0;
    const runs: number[][] = [];
    let bursts = { final: [] as number[], stale: 0 };
    const typing = await traced(async () => {
      for (let r = 0; r < RUNS; r++) {
        // Every run starts from cold caches, as a reader's new query does; only the JIT stays warm.
        engine.clearCaches();
        type(input, '');
        await sleep(150);
        runs.push(await paced(el, engine, r));
      }
      engine.clearCaches();
      mark('burst', 'start');
      bursts = await burst(el);
      mark('burst', 'end');
    });
    const keyWindows = (run: number) => SCRIPT.map((_, i) => typing[`key:${run}:${i}`]).filter(Boolean);
    const cpuP95 = median(runs.map((_, r) => percentile(keyWindows(r).map((w) => w.cpu), 95)));
    const cpuMedian = median(runs.map((_, r) => median(keyWindows(r).map((w) => w.cpu))));
    const p95Results = median(runs.map((r) => percentile(r, 95)));
    const allKeys = runs.flatMap((_, r) => keyWindows(r));
    const typingWindows = [...allKeys, typing.burst].filter(Boolean);
    const longTyping = typingWindows.reduce((n, w) => n + w.longTasks, 0);
    const longestWallTyping = Math.max(...typingWindows.map((w) => w.longestWall));
    const longestCpuTyping = Math.max(...typingWindows.map((w) => w.longestCpu));
    const b = buildWindows.build;
    const l = loadWindows.load;
    const phaseText = (['match', 'prepare', 'fuse'] as const)
      .map((k) => `${k} ${round(median(phases[k]), 2)}/${round(percentile(phases[k], 95), 2)}`)
      .join(', ');

    table.push({
      feed: name,
      engine: 'bantin',
      'index build (ms, wall)': round(build),
      'index build main-thread CPU (ms)': round(b.cpu),
      'index load from IndexedDB (ms, wall)': round(load),
      'index memory (estimate of the structure)': mb(engine.stats.bytes),
      'page JS heap growth during build': mb(heapDelta),
      'text copied to the worker': mb(textBytes(feed)),
      'longest task while building (ms, wall / CPU)': `${round(b.longestWall)} / ${round(b.longestCpu)}`,
      'tasks >50 ms while building': b.longTasks,
      'longest task loading from IndexedDB (ms, wall / CPU)': `${round(l.longestWall)} / ${round(l.longestCpu)}`,
      'p95 time to results (ms, wall)': round(p95Results),
      'median time to results (ms, wall)': round(median(runs.map((r) => median(r)))),
      'p95 main-thread CPU per key (ms)': round(cpuP95),
      'median main-thread CPU per key (ms)': round(cpuMedian),
      'longest task while typing (ms, wall / CPU)': `${round(longestWallTyping)} / ${round(longestCpuTyping)}`,
      'tasks >50 ms while typing': longTyping,
      'burst: last key to final results (ms, median / max)': `${round(median(bursts.final))} / ${round(Math.max(...bursts.final))}`,
      'stale results shown after newer ones': bursts.stale,
    });
    notes.push(
      `${name}: search runs in the ${engine.thread === 'worker' ? 'worker' : 'page (no worker started)'}; ${engine.stats.docs} docs, ${engine.stats.terms} terms, ${engine.stats.postings} postings; ${RUNS} paced runs of ${SCRIPT.length} keys (min-chars 1, so every key searches).`,
      `  budget p95 time to results ≤ ${BUDGET.results} ms: ${verdict(p95Results, BUDGET.results)}`,
      `  budget p95 main-thread time per key ≤ ${BUDGET.perKey} ms: ${verdict(cpuP95, BUDGET.perKey)}`,
      `  budget no task over ${BUDGET.task} ms while building: ${b.longestCpu <= BUDGET.task ? `MET by CPU time (longest ${round(b.longestCpu)} ms)` : `NOT MET: longest ${round(b.longestCpu)} ms of CPU`}${b.longTasks ? `; ${b.longTasks} task(s) over 50 ms of wall time, longest ${round(b.longestWall)} ms` : ''}`,
      `  budget no task over ${BUDGET.task} ms while typing: ${longestCpuTyping <= BUDGET.task ? `MET by CPU time (longest ${round(longestCpuTyping)} ms)` : `NOT MET: longest ${round(longestCpuTyping)} ms of CPU`}${longTyping ? `; ${longTyping} task(s) over 50 ms of wall time, longest ${round(longestWallTyping)} ms` : ''}`,
      `  search work per key, median/p95 ms: ${phaseText}`,
      ...[0, RUNS - 1].map(
        (r) =>
          `  CPU per key of run ${r + 1} (ms; match/prepare/fuse wall ms): ${SCRIPT.map((k, i) => `${JSON.stringify(k)} ${round(typing[`key:${r}:${i}`]?.cpu ?? NaN)} (${round(phases.match[r * SCRIPT.length + i], 1)}/${round(phases.prepare[r * SCRIPT.length + i], 1)}/${round(phases.fuse[r * SCRIPT.length + i], 1)})`).join(', ')}`,
      ),
      `  per run: p95 time to results ${runs.map((r) => round(percentile(r, 95))).join(' ')}; p95 CPU per key ${runs.map((_, r) => round(percentile(keyWindows(r).map((w) => w.cpu), 95))).join(' ')}`,
    );
    el.remove();

    if (BASELINE) {
      const base = await baseline(feed);
      const cpuP95Base = percentile(base.cpu, 95);
      table.push({
        feed: name,
        engine: 'fuse.js alone',
        'index build (ms, wall)': round(base.build),
        'index build main-thread CPU (ms)': round(base.buildWindow.cpu),
        'index load from IndexedDB (ms, wall)': '-',
        'index memory (estimate of the structure)': '-',
        'page JS heap growth during build': mb(base.memory),
        'text copied to the worker': '-',
        'longest task while building (ms, wall / CPU)': `${round(base.buildWindow.longestWall)} / ${round(base.buildWindow.longestCpu)}`,
        'tasks >50 ms while building': base.buildWindow.longTasks,
        'longest task loading from IndexedDB (ms, wall / CPU)': '-',
        'p95 time to results (ms, wall)': round(percentile(base.toResults, 95)),
        'median time to results (ms, wall)': round(median(base.toResults)),
        'p95 main-thread CPU per key (ms)': round(cpuP95Base),
        'median main-thread CPU per key (ms)': round(median(base.cpu)),
        'longest task while typing (ms, wall / CPU)': `${round(base.longestWall)} / ${round(base.longestCpu)}`,
        'tasks >50 ms while typing': base.longTasks,
        'burst: last key to final results (ms, median / max)': '-',
        'stale results shown after newer ones': '-',
      });
      notes.push(
        `  baseline, plain fuse.js (1 run): p95 time to results ${round(percentile(base.toResults, 95))} ms, p95 CPU per key ${round(cpuP95Base)} ms; ` +
          `bantin is ${round(percentile(base.toResults, 95) / p95Results, 1)}× faster to results (p95) and uses ${round(cpuP95Base / cpuP95, 1)}× less main-thread time per key (p95).`,
      );
    }
    URL.revokeObjectURL(url);
  }
  notes.push(
    'Time to results: wall time from the input event to the first frame after the final results of that query are in the DOM.',
    'Main-thread CPU per key: thread CPU time of every main-thread task from one key to the next (script, style, layout, paint, GC), from a Chrome trace.',
    'Each run starts with no remembered results and no prepared article text (as a new query meets new articles); run 1 also has cold code (JIT), which the later runs do not.',
  );
  // One column per configuration, one row per figure: narrower than the other way round.
  const columns = table.map((row) => `${row.feed} · ${row.engine}`);
  const metrics = Object.keys(table[0]).filter((k) => k !== 'feed' && k !== 'engine');
  return {
    table: metrics.map((metric) => Object.fromEntries([['figure', metric], ...table.map((row, i) => [columns[i], row[metric]])])),
    notes,
  };
});
