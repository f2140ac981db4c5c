#!/usr/bin/env node
// Archive search, bantin against Pagefind (issue 15's budgets): `npm run bench -- archive`.
//
// Two archives, each as JSON Feed pages of 50 (next_url) and as one HTML page per article:
// the 2,653-article corpus (BANTIN_CORPUS, else the generated stand-in) and a generated
// 10,000-article archive (bench/lib/archive-data.mjs). bantin: its index built with
// `bantin-index` (or the builder in dist/ while the command is missing), the page
// `<bantin-search feed="/feed/page-1.json" index="/index/">`. Pagefind: its index over the
// HTML pages, the page its default UI. Both served over loopback HTTP, text gzipped.
//
// Per side, SESSIONS fresh browser contexts; in each, TIMED queries typed key by key at
// 120 ms a key (each session starting at another query, so the cold figures are of
// different queries), then the same again with the index cached; in the first, every
// relevance query entered whole, its top 3 judged (bench/lib/archive-queries.mjs). Then
// SESSIONS more fresh contexts, each with one of the typed queries pasted whole (the least
// a first query costs).
//
// Env: BENCH_ARCHIVE_SESSIONS (3), BENCH_ARCHIVE_TIMED (3 queries typed a session),
// BENCH_ARCHIVE_ONLY=2653|10000 (one archive), BENCH_ARCHIVE_QUICK=1 (1 session, 2 typed
// queries, no relevance pass), BENCH_ARCHIVE_RELEVANCE=0 (no relevance pass),
// BENCH_ARCHIVE_PAGE1=1 (also today's bantin, searching only the feed page it loaded).
// Needs dist/ (npm run build).
import puppeteer from 'puppeteer-core';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import { findChromium, CHROMIUM_ARGS } from '../scripts/lib/chromium.mjs';
import { loadArchives, tsModule, writeArchive } from './lib/archive-data.mjs';
import { queriesFor, timedQueries } from './lib/archive-queries.mjs';
import { compresses, startSite } from './lib/archive-site.mjs';
import { runSide } from './lib/archive-browser.mjs';
import { bantinSide, pagefindSide } from './lib/archive-sides.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
if (!existsSync(join(dist, 'bantin.min.js'))) {
  console.error('No dist/: run `npm run build` first.');
  process.exit(1);
}
const env = process.env;
const QUICK = env.BENCH_ARCHIVE_QUICK === '1';
const SESSIONS = Number(env.BENCH_ARCHIVE_SESSIONS ?? (QUICK ? 1 : 3));
const TIMED = Number(env.BENCH_ARCHIVE_TIMED ?? (QUICK ? 2 : 3));
const RELEVANCE = env.BENCH_ARCHIVE_RELEVANCE ? env.BENCH_ARCHIVE_RELEVANCE !== '0' : !QUICK;
const PAGE1 = env.BENCH_ARCHIVE_PAGE1 === '1';
const tmp = join(root, '.tmp/bench-archive');

const gzipSize = (bytes) => gzipSync(bytes, { level: 6 }).length;
const kb = (n) => (n == null ? 'n/a' : `${(n / 1024).toFixed(1)} KB`);
const ms = (n) => (n == null || !Number.isFinite(n) ? 'n/a' : `${Math.round(n)} ms`);
const median = (xs) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const p95 = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)] : null;
};

/** Every file under `dir` (relative paths). */
const filesUnder = (dir) =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => statSync(join(dir, f)).isFile());

/** The folder's bytes on disk, and as served (text gzipped, other files as they are). */
function folderSize(dir, include = () => true) {
  let raw = 0;
  let wire = 0;
  let files = 0;
  for (const f of filesUnder(dir).filter(include)) {
    const bytes = readFileSync(join(dir, f));
    files++;
    raw += bytes.length;
    wire += compresses(f, bytes) ? gzipSize(bytes) : bytes.length;
  }
  return { files, raw, wire };
}

/** The index of `bantin-index` (the package's command once it exists), else the builder in dist/, else why neither. */
async function buildBantinIndex(feedDir, out) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const bin = pkg.bin?.['bantin-index'];
  rmSync(out, { recursive: true, force: true });
  if (bin) {
    const t0 = performance.now();
    const { code, output } = await new Promise((resolve) => {
      const child = spawn(process.execPath, [join(root, bin), join(feedDir, 'page-1.json'), '--out', out], { cwd: root });
      let text = '';
      child.stdout.on('data', (d) => (text += d));
      child.stderr.on('data', (d) => (text += d));
      child.on('exit', (c) => resolve({ code: c, output: text.trim().split('\n') }));
    });
    const seconds = (performance.now() - t0) / 1000;
    if (code !== 0) return { error: `bantin-index exited ${code}: ${output.at(-1)}` };
    // Its summary: articles, pages, files, bytes, gzipped bytes, seconds.
    return { seconds, how: '`bantin-index` (wall time of the command)', summary: output.findLast((l) => l.includes('→')) };
  }
  const builder = join(dist, 'search/archive/build.js');
  if (!existsSync(builder)) return { error: 'neither the `bantin-index` command nor dist/search/archive/build.js exists yet (issue 15: the cli and core branches)' };
  const { buildArchive } = await import(pathToFileURL(builder).href);
  const { readFeed, decodeBody } = await import(pathToFileURL(join(dist, 'feed/index.js')).href);
  // Pages read as the command reads them: relative next_url against the page's URL.
  const articles = [];
  for (let n = 1; existsSync(join(feedDir, `page-${n}.json`)); n++) {
    const url = `https://bench.invalid/feed/page-${n}.json`;
    const { feed } = await readFeed(decodeBody(new Uint8Array(readFileSync(join(feedDir, `page-${n}.json`))), 'application/feed+json'), url, { contentType: 'application/feed+json' });
    articles.push(...feed.items);
  }
  const t0 = performance.now();
  const { files } = await buildArchive(articles, { feedUrl: '/feed/page-1.json' });
  const beside = `${out}.new`;
  rmSync(beside, { recursive: true, force: true });
  for (const f of files) {
    mkdirSync(dirname(join(beside, f.path)), { recursive: true });
    writeFileSync(join(beside, f.path), f.data);
  }
  renameSync(beside, out);
  return { seconds: (performance.now() - t0) / 1000, how: 'buildArchive() from dist/ (`bantin-index` not there yet; feed reading not timed)' };
}

/** Pagefind over the HTML pages (kept between runs while the articles are the same). */
async function buildPagefind(siteDir, stamp) {
  const out = join(siteDir, 'pagefind');
  const stampFile = join(siteDir, '.pagefind-stamp');
  if (existsSync(out) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return { seconds: null, cached: true };
  const pagefind = await import('pagefind');
  const t0 = performance.now();
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: siteDir, glob: 'articles/*.html' });
  if (added.errors.length) throw new Error(`pagefind: ${added.errors.slice(0, 3).join('; ')}`);
  const written = await index.writeFiles({ outputPath: out });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.slice(0, 3).join('; ')}`);
  await pagefind.close();
  writeFileSync(stampFile, stamp);
  return { seconds: (performance.now() - t0) / 1000, cached: false };
}

/** Whether the built element reads an index (`index="…"`, issue 15's reader); before that it searches the pages it loaded. */
const elementReadsIndex = () =>
  ['cdn', 'cdn/chunks', 'assets'].some((d) =>
    existsSync(join(dist, d)) && readdirSync(join(dist, d)).some((f) => f.endsWith('.js') && readFileSync(join(dist, d, f), 'utf8').includes('bantin:search-index')),
  );

const READS_INDEX = elementReadsIndex();
const { RELEVANCE: relevanceSuite } = await tsModule(root, 'test/support/relevance.ts');
const archives = await loadArchives(root, { only: env.BENCH_ARCHIVE_ONLY?.split(',') });
console.log(
  env.BANTIN_CORPUS
    ? `2,653 articles: the corpus (BANTIN_CORPUS).`
    : '2,653 articles: BANTIN_CORPUS is not set, so a generated stand-in (the one bench/run.mjs serves): not the corpus\'s figures.',
);
console.log(`${SESSIONS} session(s) a side, ${TIMED} queries typed key by key a session; relevance pass: ${RELEVANCE ? 'yes' : 'no'}. Load average: ${loadavg().map((x) => x.toFixed(2)).join(' ')}.`);

const browser = await puppeteer.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS, protocolTimeout: 600_000 });
const results = [];
try {
  for (const archive of archives) {
    const label = `${archive.feed.items.length.toLocaleString('en')} (${archive.corpus})`;
    const dir = join(tmp, archive.name);
    const items = archive.feed.items;
    const hash = createHash('sha256').update(JSON.stringify(items)).digest('hex').slice(0, 16);
    const stamp = `${hash} pagefind ${JSON.parse(readFileSync(join(root, 'node_modules/pagefind/package.json'), 'utf8')).version}`;
    const written = existsSync(join(dir, 'site/.pagefind-stamp')) && readFileSync(join(dir, 'site/.pagefind-stamp'), 'utf8') === stamp && existsSync(join(dir, 'feed.json'));
    const data = written ? JSON.parse(readFileSync(join(dir, 'feed.json'), 'utf8')) : writeArchive(dir, archive.feed, { gzipSize });
    if (!written) writeFileSync(join(dir, 'feed.json'), JSON.stringify(data));
    console.log(`\n## ${label}: ${data.pages} feed pages of 50, ${kb(data.feedBytes)} (${kb(data.feedGzipBytes)} gzipped)`);

    const bantinIndex = await buildBantinIndex(join(dir, 'feed'), join(dir, 'index'));
    if (bantinIndex.error) console.log(`bantin index: not available: ${bantinIndex.error}`);
    const pf = await buildPagefind(join(dir, 'site'), stamp);
    console.log(`Pagefind index: ${pf.cached ? 'kept from an earlier run (same articles)' : `built in ${pf.seconds.toFixed(1)} s`}`);

    const byUrl = new Map(items.map((item, i) => [item.url, i]));
    // bantin with its index when there is one and the element reads it; today's search of page 1 as well on demand,
    // or instead while bantin has no index to measure.
    const unavailable = bantinIndex.error ?? (READS_INDEX ? null : 'the built <bantin-search> does not read an index yet (no `bantin:search-index` in dist/)');
    const sides = [
      ...(unavailable ? [] : [bantinSide({ index: true })]),
      ...(unavailable || PAGE1 ? [bantinSide({ index: false })] : []),
      pagefindSide,
    ];
    const site = await startSite({
      mounts: { '/bantin/': dist, '/feed/': join(dir, 'feed'), '/index/': join(dir, 'index'), '/': join(dir, 'site') },
      pages: Object.fromEntries(sides.map((side) => [side.path, side.html])),
    });
    const queries = queriesFor(archive, relevanceSuite);
    const timed = timedQueries(queries, TIMED);
    const runs = [];
    try {
      for (const side of sides) {
        console.log(`${side.name}: ${SESSIONS} session(s)…`);
        runs.push({ side, run: await runSide({ browser, site, side, timed, relevance: RELEVANCE ? queries : [], sessions: SESSIONS, minChars: side.minChars }) });
      }
    } finally {
      await site.close();
    }
    const itemOf = (side, href) => items[side.itemIndex(href, byUrl)] ?? null;
    results.push({ label, archive, data, bantinIndex, unavailable, pf, runs, queries, timed, dir, itemOf });
  }
} finally {
  await browser.close();
}

// One table per archive: a column per side, a row per figure; then the budgets of bantin's index.
const size = (n) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : kb(n));
const sizeOf = (r, side) => {
  if (side.kind === 'pagefind') {
    const s = folderSize(join(r.dir, 'site/pagefind'), (f) => !/ui|highlight/.test(f));
    return `${size(s.raw)} in ${s.files} files (${size(s.wire)} as served)`;
  }
  if (r.bantinIndex.error) return 'n/a';
  const s = folderSize(join(r.dir, 'index'));
  return `${size(s.raw)} in ${s.files} files (${size(s.wire)} as served)`;
};
const buildOf = (r, side) => {
  if (side.kind === 'pagefind') return r.pf.cached ? 'kept from an earlier run' : `${r.pf.seconds.toFixed(1)} s (Node API)`;
  return r.bantinIndex.error ? 'n/a' : `${r.bantinIndex.seconds.toFixed(1)} s`;
};
const verdict = (value, budget, unit) => (value == null ? `n/a (budget ${budget} ${unit})` : value <= budget ? `MET (${Math.round(value)} ≤ ${budget} ${unit})` : `NOT MET (${Math.round(value)} > ${budget} ${unit})`);

for (const r of results) {
  const columns = [];
  const notes = [];
  if (r.unavailable) {
    columns.push({ col: 'bantin', values: { 'index build': buildOf(r, { kind: 'bantin-index' }), 'index size': sizeOf(r, { kind: 'bantin-index' }) }, na: true });
    notes.push(`bantin: not available: ${r.unavailable}.`);
  }
  for (const { side, run } of r.runs) {
    const judged = run.top ? r.queries.map((q) => ({ q, ok: q.judge((run.top.get(q.query) ?? []).map((h) => r.itemOf(side, h))) })) : null;
    const count = (kind) => judged.filter((j) => (kind === 'article') === (j.q.kind === 'article')).reduce((n, j) => [n[0] + j.ok, n[1] + 1], [0, 0]).join('/');
    const titles = (q) => (run.top.get(q.query) ?? []).map((h) => String(r.itemOf(side, h)?.title ?? h).slice(0, 40)).join(' | ');
    if (judged?.some((j) => !j.ok)) notes.push(`${side.name}: top 3 missed ${judged.filter((j) => !j.ok).map((j) => `«${j.q.query}» (${titles(j.q) || 'nothing'})`).join('; ')}`);
    if (judged) {
      const typos = r.queries.filter((q) => q.kind === 'typo');
      notes.push(`${side.name}: typo queries, how many of the top 3 hold the word meant: ${typos.map((q) => `«${q.query}» ${(run.top.get(q.query) ?? []).map((h) => r.itemOf(side, h)).filter(q.holds).length}/3 hold «${q.word}»`).join(', ')}`);
    }
    const longest = Math.max(0, ...run.longTasks.map((l) => l.ms));
    const cold = {
      first: median(run.cold.map((c) => c.firstResults)),
      end: median(run.cold.map((c) => c.endOfQuery)),
      time: median(run.cold.map((c) => c.lastKeyToResults)),
    };
    const perKey = p95(run.perKey);
    columns.push({
      col: side.name,
      values: {
        'bytes to first results, cold page': kb(cold.first),
        'bytes by the end of the query, cold page': kb(cold.end),
        'bytes for each next query': kb(median(run.next.map((c) => c.endOfQuery))),
        'bytes, the query pasted whole on a cold page': kb(median(run.pasted.map((c) => c.endOfQuery))),
        'last key → results, cold page': ms(cold.time),
        'last key → results, next queries': ms(median(run.next.map((c) => c.lastKeyToResults))),
        'each key → its results, index cached (p95)': side.debounced ? `n/a (waits ${side.debounced} ms)` : ms(perKey),
        'keys without results of their own (cached)': `${run.missedKeys}/${run.keys}`,
        'tasks > 50 ms while typing (longest)': `${run.longTasks.length} (${ms(longest)})`,
        'tasks > 50 ms of CPU while typing (longest)': `${run.cpuTasks.over50} (${ms(run.cpuTasks.longest)})`,
        'target in top 3': judged ? count('article') : 'not run',
        'typo queries: the word meant in the top 3': judged ? count('typo') : 'not run',
        'index build': side.kind === 'bantin-page1' ? 'none' : buildOf(r, side),
        'index size': side.kind === 'bantin-page1' ? 'none' : sizeOf(r, side),
      },
    });
    notes.push(...[...new Set(run.notes)].slice(0, 8));
    notes.push(`${side.name}: each cold query (bytes to first results / by the end / last key → results): ${run.cold.map((c) => `«${c.query}» ${kb(c.firstResults)} / ${kb(c.endOfQuery)} / ${ms(c.lastKeyToResults)}`).join('; ')}`);
    notes.push(`${side.name}: each query pasted whole on a cold page (bytes to its results / by the end): ${run.pasted.map((c) => `«${c.query}» ${kb(c.firstResults)} / ${kb(c.endOfQuery)}`).join('; ')}`);
    const parts = run.cold[0]?.parts;
    if (parts) notes.push(`${side.name}: what the first cold query fetched: ${Object.entries(parts).map(([k, v]) => `${k} ${kb(v.bytes)} (${v.files})`).join(', ')}`);
    if (run.cold[0]?.keys) notes.push(`${side.name}: the first cold query, key by key (what arrived until the next key): ${run.cold[0].keys.map((k) => `«${k.value}» ${kb(k.bytes)}`).join(', ')}`);
    if (!side.debounced && run.perKey.length) notes.push(`${side.name}: each key → its results, cached: median ${ms(median(run.perKey))}, p95 ${ms(perKey)}, max ${ms(Math.max(...run.perKey))}`);
    if (side.kind === 'bantin-index') {
      const big = r.archive.feed.items.length >= 10_000;
      notes.push(
        `bantin budgets${big ? '' : ' (the 100 KB and 20 s budgets are for 10,000 articles: reported here only)'}: ` +
          [
            `first query on a cold page ${verdict(cold.end / 1024, 100, 'KB')} typed key by key, ${verdict(median(run.pasted.map((c) => c.endOfQuery)) / 1024, 100, 'KB')} pasted whole`,
            `last key → results, cold ${verdict(cold.time, 150, 'ms')}`,
            `each key cached, p95 ${verdict(perKey, 30, 'ms')}${run.missedKeys ? ` (${run.missedKeys} keys never showed their own results)` : ''}`,
            `tasks over 50 ms while typing: ${run.cpuTasks.over50 ? `NOT MET (${run.cpuTasks.over50} by CPU time, longest ${ms(run.cpuTasks.longest)})` : `MET by CPU time (longest ${ms(run.cpuTasks.longest)})`}${run.longTasks.length ? `; ${run.longTasks.length} over 50 ms of wall time, longest ${ms(longest)}` : ''}`,
            `index build ${verdict(r.bantinIndex.seconds, 20, 's')} (${r.bantinIndex.how})`,
            `index ${sizeOf(r, side)} against the feed's pages ${size(r.data.feedGzipBytes)} gzipped (${size(r.data.feedBytes)} raw)`,
          ].join('; ') + (r.bantinIndex.summary ? `\n  bantin-index said: ${r.bantinIndex.summary}` : ''),
      );
    }
  }
  const metrics = [...new Set(columns.flatMap((c) => Object.keys(c.values)))];
  console.log(`\n### ${r.label}: ${r.data.pages} feed pages of 50 (${size(r.data.feedGzipBytes)} gzipped); ${r.timed.length} queries typed a session (${r.timed.map((q) => `«${q.query}»`).join(', ')}), ${r.queries.length} for the top 3`);
  console.table(metrics.map((m) => Object.fromEntries([['figure', m], ...columns.map((c) => [c.col, c.values[m] ?? (c.na ? 'not available' : '')])])));
  for (const n of notes) console.log(`  ${n}`);
}
console.log(
  '\nBytes: every response of search (bantin: bantin.min.js, the search element, its chunks and worker, the index; Pagefind: its UI, script, wasm, index and fragments; not the page nor its feed), ' +
    'status line + headers + body as sent, text gzipped by the server; medians over the sessions. "Next query": the same page, code and manifest cached.',
);
console.log(`Data under ${relative(root, tmp)}/. Load average after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}.`);
