// The test suite is self-contained: no test file, test helper or test config
// names a path outside the repository (a stranger's clone has nothing beside
// it), and none reaches a host other than this machine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** This file: its examples name what the others must not. */
const SELF = relative(ROOT, fileURLToPath(import.meta.url));

/** Every file the tests are made of: test/ (fixtures' data files aside) and the runners' configs. */
function testFiles() {
  const out = ['web-test-runner.config.mjs', 'scripts/test.mjs'];
  const walk = (dir) => {
    for (const name of readdirSync(join(ROOT, dir))) {
      const rel = join(dir, name);
      if (statSync(join(ROOT, rel)).isDirectory()) {
        // The real feeds are data, written by others: they may name anything.
        if (rel !== join('test', 'fixtures', 'feeds')) walk(rel);
      } else if (/\.(m?[jt]s|html)$/.test(name) && rel !== SELF) out.push(rel);
    }
  };
  walk('test');
  return out;
}

/** The problems of one file's text: relative paths that climb out of the repository, and outside folders named outright. */
export function outsidePaths(rel, text) {
  const problems = [];
  const dir = dirname(join(ROOT, rel));
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const at = `${rel}:${i + 1}`;
    // A literal relative path: './x', '../../y' (import specifiers, fetch URLs, file paths).
    for (const m of line.matchAll(/['"`]((?:\.\.?\/)+[^'"`\s]*)['"`]/g)) {
      const target = resolve(dir, m[1]);
      if (target !== ROOT && !target.startsWith(ROOT + sep)) problems.push(`${at}: ${m[1]} resolves outside the repository`);
    }
    // '..' as its own path segment beside the root: join(ROOT, '..', 'shared').
    if (/\b(?:join|resolve)\([^)]*\bROOT\b[^)]*['"]\.\.['"]/i.test(line)) problems.push(`${at}: climbs out of the repository root`);
    // The team's reference folder and the environment variable that points at it belong to benchmarks only.
    if (/\.\.\/shared\b|shared\/corpus|BANTIN_CORPUS/.test(line)) problems.push(`${at}: names the team's corpus (../shared), which a clone does not have`);
    // Absolute paths into this machine's work folders.
    if (/['"`]\/(?:work|home|root|tmp\/bantin)\//.test(line)) problems.push(`${at}: an absolute path of one machine`);
  });
  return problems;
}

test('no test file, helper or config names a path outside the repository', () => {
  const problems = testFiles().flatMap((rel) => outsidePaths(rel, readFileSync(join(ROOT, rel), 'utf8')));
  assert.deepEqual(problems, [], `\n${problems.join('\n')}`);
});

test('the check itself catches what it must', () => {
  // So that a change to the patterns cannot silently make the check above pass everything.
  const caught = (text) => outsidePaths(join('test', 'feed', 'x.test.ts'), text).length > 0;
  assert.equal(caught(`const r = await fetch('/corpus/x'); import x from '../../../shared/corpus/a.json';`), true);
  assert.equal(caught(`const c = join(ROOT, '..', 'shared', 'corpus');`), true);
  assert.equal(caught(`const dir = process.env.BANTIN_CORPUS;`), true);
  assert.equal(caught(`readFileSync('/work/main/x.json')`), true);
  assert.equal(caught(`import { until } from '../support/until.js'; fetch('../../demo/feed.json');`), false);
});
