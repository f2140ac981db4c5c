// esbuild, bundling with code splitting. Like Rollup it does not bundle workers by itself:
// the app adds bantin/search-worker and bantin/parse-worker as entries of those names, beside main.js.
import { build } from 'esbuild';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';

export default async function buildWithEsbuild({ app, out }) {
  await build({
    absWorkingDir: app,
    entryPoints: { main: './main.js', 'search-worker': 'bantin/search-worker', 'parse-worker': 'bantin/parse-worker' },
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    outdir: out,
    logLevel: 'warning',
  });
  copyFileSync(join(app, 'index.html'), join(out, 'index.html'));
  return 'index.html';
}
