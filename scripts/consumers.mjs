#!/usr/bin/env node
// The package in developers' builds: installs the packed package (BANTIN_TARBALL, or
// `npm pack` now) into a fresh app, builds test/consumers/app with Vite, webpack,
// Rollup and esbuild (test/consumers/<bundler>.mjs), opens each built app in
// Chromium and checks what a reader gets: the five elements render from the feed,
// no request fails, a search answers from the search worker, and with the worker's
// script unreachable the search still answers (on the page) with one warning.
// Offline: the dependencies come from npm's cache, the bundlers from this project.
//   node scripts/consumers.mjs [vite webpack rollup esbuild]
import { cpSync, createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';
import { findChromium, CHROMIUM_ARGS } from './lib/chromium.mjs';
import { root } from './lib/steps.mjs';
import { pack } from './lib/pack.mjs';
import { checker, sh } from './lib/checks.mjs';

const BUNDLERS = ['vite', 'webpack', 'rollup', 'esbuild'];
const wanted = process.argv.slice(2).filter((b) => BUNDLERS.includes(b));
const work = mkdtempSync(join(tmpdir(), 'bantin-consumers-'));

const checks = checker();
const { check } = checks;

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/feed+json', '.map': 'application/json', '.svg': 'image/svg+xml', '.webm': 'video/webm' };

/** Serves a built app, the demo's feed and media, and 404s for the paths in `blocked`. */
function serve(dir, blocked) {
  const seen = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    seen.push({ path, status: 0 });
    const entry = seen.at(-1);
    // The app's files, else the demo's (its feed at /feed.json, and the media the feed names).
    const inApp = normalize(join(dir, path === '/' ? 'index.html' : path));
    const demo = join(root, 'demo');
    const file = existsSync(inApp) ? inApp : normalize(join(demo, path));
    if (blocked.has(path) || !(file.startsWith(dir + '/') || file.startsWith(demo + '/')) || !existsSync(file) || !statSync(file).isFile()) {
      entry.status = 404;
      res.statusCode = 404;
      return res.end();
    }
    entry.status = 200;
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, seen, origin: `http://127.0.0.1:${server.address().port}` })));
}

/** Opens the app, checks the elements, searches; resolves with what the reader got. */
async function visit(browser, origin, page) {
  const context = await browser.createBrowserContext();
  const p = await context.newPage();
  const errors = [];
  const warnings = [];
  const workers = [];
  p.on('pageerror', (e) => errors.push(e.message));
  p.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
    if (m.type() === 'warn') warnings.push(m.text());
  });
  p.on('workercreated', (w) => workers.push(new URL(w.url()).pathname));
  await p.goto(`${origin}/${page}`);
  const shadowText = (tag, sel) =>
    p.waitForFunction(
      (t, s) => document.querySelector(t)?.shadowRoot?.querySelector(s)?.textContent?.trim() || false,
      { timeout: 15_000 },
      tag,
      sel,
    ).then((h) => h.jsonValue(), () => null);
  const rendered = {
    article: await shadowText('bantin-article', '[part="title"]'),
    list: await shadowText('bantin-news-list', 'li a'),
    counter: await p.waitForFunction(() => document.querySelector('bantin-counter')?.shadowRoot?.querySelectorAll('[part~="digit"]').length || false, { timeout: 15_000 }).then((h) => h.jsonValue(), () => 0),
    picker: await p.waitForFunction(() => document.querySelector('bantin-date-picker')?.shadowRoot?.querySelectorAll('td[part~="day-news"]').length || false, { timeout: 15_000 }).then((h) => h.jsonValue(), () => 0),
  };
  await p.evaluate(() => document.querySelector('bantin-search').shadowRoot.querySelector('input').focus());
  await p.keyboard.type('kiem diem', { delay: 20 });
  const firstResult = await shadowText('bantin-search', '[role="option"] [part="title"]');
  const searchError = await p.evaluate(() => document.querySelector('bantin-search').shadowRoot.querySelector('[part~="error"]')?.textContent ?? null);
  await context.close();
  return { rendered, firstResult, searchError, errors, warnings, workers };
}

const tarball = process.env.BANTIN_TARBALL ?? pack(work).tarball;
const app = join(work, 'app');
cpSync(join(root, 'test/consumers/app'), app, { recursive: true });
writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'portal-app', private: true, type: 'module' }));
sh('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], app);

const browser = await puppeteer.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
const ARTICLE = 'Hội nghị Ban Chấp hành Đảng bộ Quận khóa XI';
try {
  for (const bundler of wanted.length ? wanted : BUNDLERS) {
    console.log(`\n# ${bundler}`);
    const out = join(work, `out-${bundler}`);
    let page;
    try {
      const { default: buildApp } = await import(join(root, `test/consumers/${bundler}.mjs`));
      page = await buildApp({ app, out });
    } catch (e) {
      check(false, `${bundler}: the app builds (${e?.message ?? e})`);
      continue;
    }
    check(!readFileSync(join(out, page), 'utf8').includes('__vitePreload'), `${bundler}: the app builds`);

    const blocked = new Set();
    const live = await serve(out, blocked);
    const normal = await visit(browser, live.origin, page);
    const failedRequests = live.seen.filter((r) => r.status !== 200).map((r) => r.path);
    check(normal.rendered.article === ARTICLE && !!normal.rendered.list && normal.rendered.counter >= 8 && normal.rendered.picker > 0,
      `${bundler}: the five elements render from the feed (${JSON.stringify(normal.rendered)})`);
    check(failedRequests.length === 0, `${bundler}: no request fails (${failedRequests.join(', ') || 'none'})`);
    check(normal.errors.length === 0, `${bundler}: no error on the console (${normal.errors.join(' | ') || 'none'})`);
    check(normal.workers.length === 1 && normal.firstResult === ARTICLE && !normal.warnings.some((w) => /search worker/.test(w)),
      `${bundler}: a search answers from the search worker (worker ${normal.workers.join(', ') || 'none'}; first result ${normal.firstResult}${normal.warnings.length ? `; warnings: ${normal.warnings.join(' | ')}` : ''})`);

    // The worker's script unreachable (a CDN rule, a missing file): the page answers instead.
    for (const w of normal.workers) blocked.add(w);
    const noWorker = await visit(browser, live.origin, page);
    const fallbackWarnings = noWorker.warnings.filter((w) => /search worker/.test(w));
    check(blocked.size > 0 && noWorker.firstResult === ARTICLE && !noWorker.searchError && fallbackWarnings.length === 1,
      `${bundler}: with the worker's script unreachable, the search answers on the page, with one warning (${noWorker.firstResult}; ${fallbackWarnings.join(' | ')})`);
    live.server.close();
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
console.log(checks.failed ? `# ${checks.failed} consumer check(s) failed` : '# every consumer build works');
process.exit(checks.failed ? 1 : 0);
