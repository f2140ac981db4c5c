#!/usr/bin/env node
// Layout shift of the demo's webmaster page (demo/plain.html: one script tag,
// dist/bantin.min.js), as a reader gets it: a first visit and a warm reload, the
// feed answering 300 ms late, at 1280×900 and 360×740. Cumulative layout shift
// from PerformanceObserver('layout-shift'), median of 3 fresh browser profiles
// each. Budgets (issue 19): under 0.1 on a first visit, under 0.02 on a warm reload.
// Needs dist/ (npm run build).
import puppeteer from 'puppeteer-core';
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, CHROMIUM_ARGS } from '../scripts/lib/chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(join(root, 'dist/bantin.min.js'))) {
  console.error('No dist/: run `npm run build` first.');
  process.exit(1);
}
const RUNS = 3;
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/feed+json' };

const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (path === '/counter') {
    res.setHeader('Content-Type', 'application/json');
    return res.end(JSON.stringify({ key: 'site', count: 19467540 }));
  }
  if (path === '/feed.json') await new Promise((r) => setTimeout(r, 300));
  const file = path.startsWith('/dist/') ? normalize(join(root, path)) : normalize(join(root, 'demo', path));
  if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
    res.statusCode = 404;
    return res.end();
  }
  res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
  res.end(readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/plain.html`;

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const browser = await puppeteer.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });

/** Records each page load's layout shifts (once per page: every load runs it). */
const observe = (page) =>
  page.evaluateOnNewDocument(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });

/** The page's layout shift once every widget shows content (and a moment after). */
async function cls(page) {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(
    () => document.querySelector('bantin-article')?.shadowRoot?.querySelector('[part="body"] p') &&
      [...document.querySelectorAll('bantin-news-list')].every((l) => l.shadowRoot?.querySelector('a[part="link"], [part="empty"]')),
    { timeout: 30_000 },
  );
  await new Promise((r) => setTimeout(r, 500));
  return page.evaluate(() => window.__cls);
}

const rows = [];
try {
  for (const [width, height] of [[1280, 900], [360, 740]]) {
    const first = [];
    const warm = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width, height });
      await observe(page);
      first.push(await cls(page));
      warm.push(await cls(page));
      await context.close();
    }
    rows.push({ viewport: `${width}×${height}`, visit: 'first', 'CLS median': +median(first).toFixed(4), budget: 0.1, runs: first.map((x) => x.toFixed(3)).join(' ') });
    rows.push({ viewport: `${width}×${height}`, visit: 'warm reload', 'CLS median': +median(warm).toFixed(4), budget: 0.02, runs: warm.map((x) => x.toFixed(3)).join(' ') });
  }
} finally {
  await browser.close();
  server.close();
}
console.table(rows);
const over = rows.filter((r) => r['CLS median'] >= r.budget);
if (over.length) console.log(`over budget: ${over.map((r) => `${r.viewport} ${r.visit}`).join(', ')}`);
