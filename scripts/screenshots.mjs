#!/usr/bin/env node
// Renders demo pages in headless Chromium at 1280 px and 360 px and saves PNGs
// in docs/screenshots/ (the README shows them). Usage:
//   node scripts/screenshots.mjs                 every shot in SHOTS below
//   node scripts/screenshots.mjs [page.html ...]
//   node scripts/screenshots.mjs --click='bantin-date-picker >>> [part~=button]' --as=date-picker index.html
//   node scripts/screenshots.mjs --search='kiem diem' --as=index-search index.html
// Plain pages are shot as the reader first sees them (NAME-WIDTH.png) and whole
// (NAME-WIDTH-full.png); NAME is the page's file name, or --as. --click clicks an
// element (`>>>` pierces shadow roots); --search types into the page's first
// <bantin-search> and waits for its results; both then shoot the viewport only.
// plain.html loads the built dist/bantin.min.js: the build runs first when it is shot.
// The pages search through the demo's archive index, as `npm start` serves it: built here
// into .tmp/screenshots-index (its links name this run's port), served at /search/.
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findChromium, CHROMIUM_ARGS } from './lib/chromium.mjs';
import { startDemoCounter } from './lib/demo-counter.mjs';
import { buildDemoIndex } from './lib/demo-index.mjs';

/** Every screenshot the docs have, as the command line would ask for it. */
const SHOTS = [
  { page: 'index.html' },
  { page: 'index.html?category=Tin%20t%E1%BB%A9c%20s%E1%BB%B1%20ki%E1%BB%87n', as: 'chuyen-muc' },
  { page: 'themed.html' },
  { page: 'rss.html' },
  { page: 'plain.html' },
  { page: 'tim-kiem.html?q=quan%20uy', as: 'tim-kiem' },
  { page: 'index.html', click: 'bantin-date-picker >>> [part~=button]', as: 'date-picker' },
  { page: 'index.html', search: 'kiem diem', as: 'index-search' },
];

const args = process.argv.slice(2);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const named = args.filter((a) => !a.startsWith('--'));
const shots = args.length
  ? (named.length ? named : ['index.html']).map((page) => ({ page, click: option('click'), search: option('search'), as: option('as') }))
  : SHOTS;
const out = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
mkdirSync(out, { recursive: true });
// bantin-index builds with dist/ as well: build unless it is there (plain.html needs it fresh).
if (shots.some((s) => /^plain\.html\b/.test(s.page)) || !existsSync(fileURLToPath(new URL('../dist/search/archive/build.js', import.meta.url)))) {
  execFileSync(process.execPath, [fileURLToPath(new URL('./build.mjs', import.meta.url))], { stdio: 'inherit' });
}
// Its own folder, so a running `npm start` keeps its index (vite.config.ts reads BANTIN_DEMO_INDEX).
const indexDir = fileURLToPath(new URL('../.tmp/screenshots-index', import.meta.url));
process.env.BANTIN_DEMO_INDEX = indexDir;

// The header counter needs its service (vite proxies /counter to it); a throwaway one.
const counter = await startDemoCounter({ db: ':memory:', quiet: true });
const server = await createServer({
  configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
  server: { port: 0, host: '127.0.0.1' },
  logLevel: 'warn',
});
await server.listen();
const base = server.resolvedUrls.local[0];
const index = await buildDemoIndex({ base, out: indexDir });
if (!index.ok) {
  console.error(`${index.error}\nThe shots need the demo's search index.`);
  await server.close();
  await counter.stop();
  process.exit(1);
}
const browser = await puppeteer.launch({
  executablePath: findChromium(),
  headless: true,
  args: CHROMIUM_ARGS,
});
try {
  for (const { page: name, click, search, as } of shots) {
    for (const width of [1280, 360]) {
      const page = await browser.newPage();
      await page.setViewport({ width, height: 900, deviceScaleFactor: 1 });
      page.on('pageerror', (e) => console.error(`${name} @${width}: page error: ${e.message}`));
      page.on('console', (m) => m.type() === 'error' && console.error(`${name} @${width}: console: ${m.text()}`));
      await page.goto(new URL(name, base).href, { waitUntil: 'networkidle0' });
      await new Promise((r) => setTimeout(r, 500));
      const stem = `${out}${as ?? name.replace(/[?#].*$/, '').replace(/\.html$/, '').replace(/\//g, '-')}-${width}`;
      if (click || search) {
        if (click) await page.click(click);
        if (search) {
          const input = await page.evaluateHandle(() => document.querySelector('bantin-search')?.shadowRoot?.querySelector('input'));
          await input.asElement().focus();
          await page.keyboard.type(search);
          await page.waitForFunction(
            (q) => document.querySelector('bantin-search')?.shadowRoot?.querySelector(`[data-query="${q}"][aria-busy="false"]`),
            { timeout: 15_000 },
            search,
          );
          // The results under the box, in view.
          await page.evaluate(() => document.querySelector('bantin-search')?.scrollIntoView({ block: 'start' }));
        }
        await new Promise((r) => setTimeout(r, 300));
        await page.screenshot({ path: `${stem}.png` });
        console.log(`saved ${stem}.png`);
      } else {
        await page.screenshot({ path: `${stem}.png` });
        await page.screenshot({ path: `${stem}-full.png`, fullPage: true });
        console.log(`saved ${stem}.png, ${stem}-full.png`);
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
  await counter.stop();
}
