#!/usr/bin/env node
// npm start: builds, then serves the demo portal (vite, http://127.0.0.1:5173/)
// against the real counter service, so the header counter really counts.
// Ctrl-C stops both.
import { createServer } from 'vite';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startDemoCounter } from './lib/demo-counter.mjs';

// demo/plain.html uses the built dist/bantin.min.js, as a webmaster's page would.
execFileSync(process.execPath, [fileURLToPath(new URL('./build.mjs', import.meta.url))], { stdio: 'inherit' });

const counter = await startDemoCounter();
let vite;
try {
  vite = await createServer({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)) });
  await vite.listen();
  vite.printUrls();
  console.log(`  ➜  Counter: ${counter.url}/counter (proxied at /counter), counts in .tmp/demo-counts.sqlite`);
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
