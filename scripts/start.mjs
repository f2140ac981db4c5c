#!/usr/bin/env node
// npm start: builds, then serves the demo portal (vite, http://127.0.0.1:5173/)
// against the real counter service, so the header counter really counts, and
// with the search index of its whole two-page feed, built by bantin-index.
// Ctrl-C stops both.
import { createServer } from 'vite';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startDemoCounter } from './lib/demo-counter.mjs';
import { buildDemoIndex } from './lib/demo-index.mjs';

// demo/plain.html uses the built dist/bantin.min.js, as a webmaster's page would.
execFileSync(process.execPath, [fileURLToPath(new URL('./build.mjs', import.meta.url))], { stdio: 'inherit' });

const counter = await startDemoCounter();
let vite;
try {
  vite = await createServer({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)) });
  await vite.listen();
  // After listening: the index links articles on the port vite found free. Before the
  // URLs are printed, so the first page opened has it; without it, the loaded feed is searched.
  const index = await buildDemoIndex({ base: vite.resolvedUrls.local[0] });
  vite.printUrls();
  console.log(`  ➜  Counter: ${counter.url}/counter (proxied at /counter), counts in .tmp/demo-counts.sqlite`);
  console.log(
    index.ok
      ? `  ➜  Search index: /search/, every page of demo/feed.json (${index.summary.replace(/^bantin-index: /, '')})`
      : `  ➜  Search index: not built, the search finds only the loaded feed: ${index.error}`,
  );
} catch (e) {
  console.error(e);
  await counter.stop();
  process.exit(1);
}

let stopping = false;
async function stop() {
  if (stopping) process.exit(1);
  stopping = true;
  await Promise.allSettled([vite.close(), counter.stop()]);
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// The counter dying on its own leaves a demo that cannot count: say so, and stop.
counter.child.on('exit', (code) => {
  if (stopping) return;
  console.error(`bantin-server exited (${code}):\n${counter.output()}`);
  void stop();
});
