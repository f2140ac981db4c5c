#!/usr/bin/env node
// npm run check: the release checks, each a step that passes or fails: type-checks
// (library and bin), the layers of src/ (dependency-cruiser), `npm pack` (its prepack script builds dist/ and the manifest),
// the generated docs in step with the code, the packed package as users install it,
// the package in developers' builds (Vite, webpack, Rollup, esbuild), and the
// page-weight limits. The tests themselves are `npm test`.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { root, runSteps } from './lib/steps.mjs';

const node = process.execPath;
const packDir = join(root, '.tmp', 'pack');
rmSync(packDir, { recursive: true, force: true });
mkdirSync(packDir, { recursive: true });
// The steps after the pack install this one tarball.
process.env.BANTIN_TARBALL = join(packDir, 'bantin.tgz');

const outcomes = await runSteps([
  ['type-check: src, test, demo (tsc)', ['npx', 'tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['type-check: bantin-server, JavaScript checked with its JSDoc (tsc -p server)', ['npx', 'tsc', '-p', 'server']],
  // A wrong import fails here with the rule it breaks: `error <rule>: <from> → <to>` (.dependency-cruiser.cjs).
  ['layers: src/ imports only down (dependency-cruiser, .dependency-cruiser.cjs)', ['npx', 'depcruise', 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err-long']],
  ['npm pack, built by prepack (dist/, custom-elements.json)', [node, 'scripts/pack.mjs', process.env.BANTIN_TARBALL]],
  ['docs/reference.md and the README API tables match the code', [node, 'scripts/docs.mjs', '--check']],
  ['the packed package installs offline, resolves and type-checks', [node, 'scripts/pack-smoke.mjs']],
  ['a Chromium for the checks that open pages', [node, 'scripts/ensure-chromium.mjs']],
  ['the package in Vite, webpack, Rollup and esbuild builds, working in Chromium', [node, 'scripts/consumers.mjs']],
  ['page weights within their limits (issue 19\'s budgets, or today\'s weight where one is not met yet)', [node, 'scripts/size.mjs']],
]);

const failed = outcomes.filter((o) => o.code !== 0);
console.log('');
for (const o of outcomes) console.log(`${o.code === 0 ? 'ok' : 'FAILED'}  ${o.name} (${o.seconds.toFixed(1)} s)`);
console.log(`checks: ${outcomes.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
