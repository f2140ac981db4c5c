#!/usr/bin/env node
// npm run check: the release checks, each a step that passes or fails:
// type-checks (library and bin), the build, the generated docs in step with the
// code, the packed package as users install it, and the page-weight ceilings.
// The tests themselves are `npm test`.
import { runSteps } from './lib/steps.mjs';

const node = process.execPath;
const outcomes = await runSteps([
  ['type-check: src, test, demo (tsc)', ['npx', 'tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['type-check: bantin-server, JavaScript checked with its JSDoc (tsc -p server)', ['npx', 'tsc', '-p', 'server']],
  ['build: dist/ and custom-elements.json', ['npm', 'run', 'build']],
  ['docs/reference.md and the README API tables match the code', [node, 'scripts/docs.mjs', '--check']],
  ['the packed package installs offline, resolves and type-checks', [node, 'scripts/pack-smoke.mjs']],
  ['a Chromium for the page-weight check', [node, 'scripts/ensure-chromium.mjs']],
  ['page weights within their ceilings', [node, 'scripts/size.mjs']],
]);

const failed = outcomes.filter((o) => o.code !== 0);
console.log('');
for (const o of outcomes) console.log(`${o.code === 0 ? 'ok' : 'FAILED'}  ${o.name} (${o.seconds.toFixed(1)} s)`);
console.log(`checks: ${outcomes.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
