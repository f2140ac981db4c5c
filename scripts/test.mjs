#!/usr/bin/env node
// npm test: the checks (type-check, build, generated docs in step), the Node
// tests of bantin-server (node --test), then the browser tests
// (web-test-runner, some against the built dist/), then ONE last line for CI
// summing all:
//   tests: N passed, N failed, N skipped
// Exits non-zero if anything failed or a runner died.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'bantin-test-'));

function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

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

// 0. Checks, each counted as one test: the browser tests of dist/ need the build.
const CHECKS = [
  ['npm run typecheck', ['npm', 'run', 'typecheck']],
  ['npm run build (dist/, custom-elements.json)', ['npm', 'run', 'build']],
  ['docs/reference.md and the README API tables match the code', [process.execPath, 'scripts/docs.mjs', '--check']],
  ['the packed package installs, resolves and type-checks', [process.execPath, 'scripts/pack-smoke.mjs']],
  ['page weights within their ceilings', [process.execPath, 'scripts/size.mjs']],
];
const checks = { passed: 0, failed: 0, skipped: 0 };
for (const [name, [command, ...args]] of CHECKS) {
  console.log(`\n# ${name}`);
  const code = await run(command, args);
  checks[code === 0 ? 'passed' : 'failed']++;
  if (code !== 0) console.error(`# ${name}: FAILED (exit ${code})`);
}
results.push({ name: 'checks', code: checks.failed ? 1 : 0, totals: checks });

// 1. bantin-server, in Node, each test file in its own process (real servers on 127.0.0.1).
const nodeCounts = join(work, 'node.json');
const nodeCode = await run(process.execPath, [
  '--test',
  '--test-concurrency=1',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  `--test-reporter=${join(root, 'scripts/node-test-counts.mjs')}`,
  `--test-reporter-destination=${nodeCounts}`,
  'test/server/',
]);
results.push({ name: 'server tests (node --test)', code: nodeCode, totals: totalsFrom(nodeCounts) });

// 2. The elements, in Chromium. The summary reporter writes its numbers to a file instead of printing them.
const browserCounts = join(work, 'browser.json');
const browserCode = await run(process.execPath, [join(root, 'node_modules/@web/test-runner/dist/bin.js')], {
  BANTIN_TEST_SUMMARY_FILE: browserCounts,
});
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
console.log(`tests: ${sum.passed} passed, ${sum.failed} failed, ${sum.skipped} skipped`);
process.exit(ok ? 0 : 1);
