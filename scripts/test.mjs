#!/usr/bin/env node
// npm test: builds what the tests load (dist/, for test/dist), runs the Node
// tests (bantin-server, the repository's own rules) and the browser tests
// (web-test-runner in Chromium), then prints ONE last line for CI summing both:
//   tests: N passed, N failed, N skipped
// Exits non-zero if anything failed or a runner died. Release checks (types,
// docs, the packed package, page weights) are `npm run check`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, run, runSteps } from './lib/steps.mjs';

const work = mkdtempSync(join(tmpdir(), 'bantin-test-'));

function totalsFrom(file) {
  try {
    const t = JSON.parse(readFileSync(file, 'utf8').trim().split('\n').pop());
    if ([t.passed, t.failed, t.skipped].every(Number.isInteger)) return t;
  } catch {
    // the runner died before writing them
  }
  return null;
}

const results = [];
const t0 = performance.now();

// 0. What the tests load: test/dist opens dist/ as webmasters and developers get it.
// Without .d.ts files: no test reads them (npm run check builds them, and type-checks the packed package).
const [build] = await runSteps([['build dist/ for test/dist', ['npm', 'run', 'build', '--', '--no-types']]]);
if (build.code !== 0) results.push({ name: 'build', code: build.code, totals: { passed: 0, failed: 1, skipped: 0 } });

// 1. In Node: bantin-server against real SQLite and Redis on 127.0.0.1, the repository's rules, and
//    the archive search index's builder (run from dist/, as the bantin-index command runs it).
//    Each file runs in its own process; two at a time (each server test binds its own ports).
// 2. The elements, in Chromium. The summary reporter writes its numbers to a file instead of printing them.
// Both at once: the Node tests mostly wait (on servers, Redis, child processes), so beside the
// browser tests they cost a few seconds instead of their 20-odd. Their report is printed after.
const nodeCounts = join(work, 'node.json');
const nodeLog = join(work, 'node.log');
const browserCounts = join(work, 'browser.json');
const [nodeCode, browserCode] = await Promise.all([
  run(process.execPath, [
    '--test',
    '--test-concurrency=2',
    '--test-reporter=spec',
    `--test-reporter-destination=${nodeLog}`,
    `--test-reporter=${join(root, 'scripts/lib/node-test-counts.mjs')}`,
    `--test-reporter-destination=${nodeCounts}`,
    'test/server/',
    'test/repo/',
    'test/search-index/',
  ]),
  run(process.execPath, [join(root, 'node_modules/@web/test-runner/dist/bin.js')], { BANTIN_TEST_SUMMARY_FILE: browserCounts }),
]);
console.log('\n# node tests (node --test)');
try {
  process.stdout.write(readFileSync(nodeLog, 'utf8'));
} catch {
  // the runner died before writing it: its exit code says so below
}
results.push({ name: 'node tests (node --test)', code: nodeCode, totals: totalsFrom(nodeCounts) });
results.push({ name: 'browser tests (web-test-runner)', code: browserCode, totals: totalsFrom(browserCounts) });

rmSync(work, { recursive: true, force: true });

const sum = { passed: 0, failed: 0, skipped: 0 };
let ok = true;
console.log('');
for (const { name, code, totals } of results) {
  const t = totals ?? { passed: 0, failed: 1, skipped: 0 }; // a runner that died counts as a failure
  if (code !== 0 || t.failed) ok = false;
  if (code !== 0 && !t.failed) t.failed = 1;
  for (const k of Object.keys(sum)) sum[k] += t[k];
  console.log(`${name}: ${t.passed} ok, ${t.failed} not ok, ${t.skipped} skipped (exit ${code})`);
}
console.log(`all in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
console.log(`tests: ${sum.passed} passed, ${sum.failed} failed, ${sum.skipped} skipped`);
process.exit(ok ? 0 : 1);
