#!/usr/bin/env node
// npm run bench: runs bench/*.html in headless Chromium (served by Vite, with
// the big Vietnamese feed at /corpus/vi-news.feed.json), and bench/*.mjs (other than this file) in
// Node, and prints each benchmark's figures. bench/lib/ holds their helpers.
//   node bench/run.mjs [name ...]     e.g. node bench/run.mjs cache counter-server
//   node bench/run.mjs archive        archive search, bantin's index against Pagefind (bench/archive.mjs)
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, createReadStream, existsSync, statSync, writeFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { findChromium, CHROMIUM_ARGS } from '../scripts/lib/chromium.mjs';
import { cpuByWindow } from './lib/trace.mjs';
import { bigFeed } from './lib/big-feed.mjs';

// Measure what ships: dependencies resolve to their production builds (Lit's dev build is slower).
process.env.NODE_ENV ??= 'production';

const root = fileURLToPath(new URL('..', import.meta.url));
// The 24.7 MB vi-news corpus (GPL-3.0) is not in the repository: BANTIN_CORPUS names the folder
// that holds vi-news.feed.json; without it the benchmarks run on a generated stand-in.
const corpus = process.env.BANTIN_CORPUS ? normalize(process.env.BANTIN_CORPUS) : null;
const CORPUS_FEED = '/vi-news.feed.json';
const wanted = process.argv.slice(2);
const files = readdirSync(join(root, 'bench'));
const names = files
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.replace(/\.html$/, ''))
  .filter((n) => !wanted.length || wanted.includes(n));
const nodeNames = files
  .filter((f) => f.endsWith('.mjs') && f !== 'run.mjs')
  .map((f) => f.replace(/\.mjs$/, ''))
  .filter((n) => !wanted.length || wanted.includes(n));

let failed = false;
// Node benchmarks (servers, load generators) first, one process each.
for (const name of nodeNames) {
  console.log(`\n## ${name}`);
  const code = await new Promise((resolve) => {
    spawn(process.execPath, [join(root, 'bench', `${name}.mjs`)], { cwd: root, stdio: 'inherit' }).on('exit', (c) => resolve(c ?? 1));
  });
  if (code !== 0) {
    failed = true;
    console.error(`[${name}] failed (exit ${code})`);
  }
}
if (!names.length) process.exit(failed ? 1 : 0);

const corpusPlugin = {
  name: 'bantin-corpus',
  configureServer(server) {
    let standIn = null;
    server.middlewares.use('/corpus', async (req, res, next) => {
      const rel = decodeURIComponent(req.url.split('?')[0]);
      res.setHeader('Content-Type', 'application/feed+json; charset=utf-8');
      if (corpus) {
        const path = normalize(join(corpus, rel));
        if (!path.startsWith(corpus) || !existsSync(path) || !statSync(path).isFile()) return next();
        return createReadStream(path).pipe(res);
      }
      if (rel !== CORPUS_FEED) return next();
      // The same article count as the corpus and about its size: real DANeS lead paragraphs recombined.
      standIn ??= server.ssrLoadModule('/test/support/vi-feed.ts').then(({ viNewsFeed }) => {
        const sources = JSON.parse(readFileSync(join(root, 'test/fixtures/feeds/vi-news-danes.feed.json'), 'utf8')).items;
        return Buffer.from(JSON.stringify(viNewsFeed(sources, { items: 2653, paragraphs: 44 })));
      });
      // Benchmarks label their rows by this: the stand-in is not the corpus.
      res.setHeader('X-Bantin-Corpus', 'stand-in');
      res.end(await standIn);
    });
  },
};

// Generated feeds (bench/lib/big-feed.mjs), served over HTTP as a portal would.
const generatedPlugin = {
  name: 'bantin-generated-feeds',
  configureServer(server) {
    server.middlewares.use('/bench-feeds/big-feed.json', (req, res) => {
      const body = bigFeed();
      res.setHeader('Content-Type', 'application/feed+json; charset=utf-8');
      res.setHeader('Content-Length', body.length);
      res.setHeader('Cache-Control', 'no-cache');
      res.end(req.method === 'HEAD' ? undefined : body);
    });
  },
};

const server = await createServer({
  root,
  configFile: false,
  // Production builds of dependencies (Lit's dev build adds checks that slow rendering).
  mode: 'production',
  resolve: { conditions: ['module', 'browser', 'production'] },
  logLevel: 'warn',
  server: { port: 0, host: '127.0.0.1' },
  plugins: [corpusPlugin, generatedPlugin],
});
await server.listen();
console.log(
  corpus
    ? `Big feed: ${join(corpus, CORPUS_FEED)} (BANTIN_CORPUS).`
    : 'Big feed: BANTIN_CORPUS is not set, so the benchmarks use a generated stand-in for the 24.7 MB vi-news corpus ' +
        '(2,653 articles recombined from test/fixtures/feeds/vi-news-danes.feed.json). Its figures are not the corpus\'s: ' +
        'set BANTIN_CORPUS to the folder holding vi-news.feed.json to measure that.',
);
const base = server.resolvedUrls.local[0];
// Precise heap figures (performance.memory is otherwise coarse and cached) and gc() between visits.
const browser = await puppeteer.launch({
  executablePath: findChromium(),
  headless: true,
  args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  protocolTimeout: 900_000,
});
const navigatorCores = () => cpus().length;
try {
  for (const name of names) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    page.on('pageerror', (e) => console.error(`[${name}] page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.text().startsWith('bench:')) console.log(`[${name}] ${m.text()}${m.location()?.url ? ` (${m.location().url})` : ''}`);
    });
    // A page may time windows in main-thread CPU, which other processes on the machine do not inflate:
    // it marks them with performance.mark('<label>:start' / '<label>:end') between these two calls.
    await page.exposeFunction('benchTraceStart', () =>
      page.tracing.start({
        categories: [
          'disabled-by-default-devtools.timeline',
          'blink.user_timing',
          // Kept traces also hold what each task did (style, layout, paint, script, GC); that costs a little.
          ...(process.env.BENCH_TRACE_DIR ? ['devtools.timeline', 'v8', 'disabled-by-default-v8.gc'] : []),
          ...(process.env.BENCH_TRACE_CATEGORIES?.split(',') ?? []),
        ],
      }),
    );
    // BENCH_TRACE_DIR=dir keeps each trace (open it in DevTools' Performance panel to see where the time goes).
    let traces = 0;
    await page.exposeFunction('benchTraceStop', async () => {
      const raw = Buffer.from(await page.tracing.stop());
      if (process.env.BENCH_TRACE_DIR) writeFileSync(join(process.env.BENCH_TRACE_DIR, `${name}-${++traces}.json`), raw);
      return cpuByWindow(JSON.parse(raw.toString('utf8')));
    });
    console.log(`\n## ${name}`);
    console.log(`load average before: ${loadavg().map((x) => x.toFixed(2)).join(' ')} (${navigatorCores()} cores)`);
    await page.goto(new URL(`bench/${name}.html${process.env.BENCH_QUERY ?? ''}`, base).href);
    await page.waitForFunction('window.benchDone === true', { timeout: 900_000, polling: 500 });
    const { table, notes, error } = await page.evaluate(() => window.benchResults);
    if (error) {
      failed = true;
      console.error(`[${name}] failed: ${error}`);
    }
    if (table?.length) console.table(table);
    for (const n of notes ?? []) console.log(n);
    console.log(`load average after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
process.exit(failed ? 1 : 0);
