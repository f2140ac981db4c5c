#!/usr/bin/env node
// Renders demo pages in headless Chromium at 1280 px and 360 px and saves PNGs
// in docs/screenshots/ (the README shows them). Usage:
//   node scripts/screenshots.mjs [page.html ...] [--search "kiem diem"]
// With --search, the text is typed into the page's first <bantin-search> and
// the shot is taken with its results open (files end in -search).
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findChromium, CHROMIUM_ARGS } from './chromium.mjs';

const args = process.argv.slice(2);
const searchAt = args.indexOf('--search');
const search = searchAt >= 0 ? args.splice(searchAt, 2)[1] : null;
const pages = args.length ? args : ['index.html'];
const out = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
mkdirSync(out, { recursive: true });

const server = await createServer({
  configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
  server: { port: 0, host: '127.0.0.1' },
  logLevel: 'warn',
});
await server.listen();
const base = server.resolvedUrls.local[0];
const browser = await puppeteer.launch({
  executablePath: findChromium(),
  headless: true,
  args: CHROMIUM_ARGS,
});
try {
  for (const name of pages) {
    for (const width of [1280, 360]) {
      const page = await browser.newPage();
      await page.setViewport({ width, height: 900, deviceScaleFactor: 1 });
      page.on('pageerror', (e) => console.error(`${name} @${width}: page error: ${e.message}`));
      page.on('console', (m) => m.type() === 'error' && console.error(`${name} @${width}: console: ${m.text()}`));
      await page.goto(new URL(name, base).href, { waitUntil: 'networkidle0' });
      await new Promise((r) => setTimeout(r, 500));
      if (search) {
        const input = await page.evaluateHandle(() => document.querySelector('bantin-search')?.shadowRoot?.querySelector('input'));
        await input.asElement().focus();
        await page.keyboard.type(search);
        await page.waitForFunction(
          (q) => document.querySelector('bantin-search')?.shadowRoot?.querySelector(`[data-query="${q}"][aria-busy="false"]`),
          { timeout: 15_000 },
          search,
        );
        await new Promise((r) => setTimeout(r, 300));
      }
      const stem = name.replace(/[?#].*$/, '').replace(/\.html$/, '').replace(/\//g, '-');
      const file = `${out}${stem}${search ? '-search' : ''}-${width}.png`;
      await page.screenshot({ path: file, fullPage: true });
      console.log(`saved ${file}`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
