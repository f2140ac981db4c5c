#!/usr/bin/env node
// npm run build:
//   dist/index.js, dist/entries/<element>.js, dist/feed/, dist/format/, dist/search/ …
//       ES modules for npm users, compiled by tsc file by file (a library build: no
//       bundler helpers, lit, idb-keyval, fuse.js and dompurify stay bare imports,
//       the search worker is `new Worker(new URL('./search-worker.js', import.meta.url))`),
//       with .d.ts files beside them.
//   dist/cdn/<element>.js (+ dist/cdn/chunks/)
//       everything bundled, one module per element (what dist/bantin.min.js loads).
//   dist/bantin.esm.js (+ dist/esm/)
//       everything bundled: one import defines every element.
//   In both, DOMPurify, fuse.js and the search engine are chunks loaded on use.
//   dist/bantin.min.js
//       the classic script for webmasters: defines elements on sight from dist/cdn/.
//   custom-elements.json  the Custom Elements Manifest.
import { build } from 'vite';
import { build as esbuild } from 'esbuild';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';

const root = fileURLToPath(new URL('..', import.meta.url));
const r = (p) => fileURLToPath(new URL(`../${p}`, import.meta.url));
rmSync(r('dist'), { recursive: true, force: true });

const elements = readdirSync(r('src/entries'))
  .filter((f) => f.endsWith('.ts') && f !== 'loader.ts')
  .map((f) => f.replace(/\.ts$/, ''));

const common = {
  root,
  configFile: false,
  logLevel: 'warn',
  // Lit's production build; no process.env left in the output.
  define: { 'process.env.NODE_ENV': '"production"' },
  resolve: { conditions: ['module', 'browser', 'production'] },
  // Emitted files (the search worker) are found relative to the module that
  // starts them, wherever dist/ is served from.
  base: './',
  // The search worker is an ES module, bundled whole (it imports from no other chunk).
  worker: { format: 'es' },
};

// CDN, everything bundled and minified. Per-element entries for the loader:
// what two or more elements share (Lit, the feed store, formats, the base
// element) is one "core" chunk, so a page fetches a few files, not dozens;
// what one element needs stays in that element's chunk; DOMPurify, fuse.js
// and the search engine stay separate chunks loaded on use.
const cdn = (input, chunkDir, groups = []) =>
  build({
    ...common,
    plugins: [minifyTemplateLiterals()],
    build: {
      outDir: r('dist'),
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      // Library mode: no `__vitePreload` wrapper around the lazy imports (an app build adds
      // it, modulePreload off or not), just `import()`.
      lib: { entry: input, formats: ['es'] },
      rolldownOptions: {
        preserveEntrySignatures: 'exports-only',
        output: {
          format: 'es',
          entryFileNames: '[name].js',
          chunkFileNames: `${chunkDir}/[name]-[hash].js`,
          minify: true,
          codeSplitting: { groups },
        },
      },
    },
  });
await cdn(Object.fromEntries(elements.map((e) => [`cdn/${e}`, r(`src/entries/${e}.ts`)])), 'cdn/chunks', [
  // src/shared/text.ts stays out: the search engine shares it with the lazy XML reader, and
  // neither belongs in what every page downloads. So does src/search/: the in-page engine and
  // the archive reader share it, and both load only on a search. And src/feed/rfc822.ts: the
  // XML reader and JSON Feeds with RSS dates load it (a chunk of its own, 0.7 KB). And
  // src/shared/workers.ts: only the two workers' clients, both loaded on use, start workers.
  { name: 'core', minShareCount: 2, test: /node_modules[\\/](lit|lit-html|lit-element|@lit|idb-keyval)[\\/]|[\\/]src[\\/](?!shared[\\/](text|workers)\.|search[\\/]|feed[\\/]rfc822\.)/ },
]);
// The all-in-one ES module: one import defines every element.
await cdn({ 'bantin.esm': r('src/index.ts') }, 'esm');

// The classic-script loader.
await build({
  ...common,
  build: {
    outDir: r('dist'),
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    lib: { entry: r('src/entries/loader.ts'), formats: ['iife'], name: 'bantinLoader', fileName: () => 'bantin.min.js' },
    rolldownOptions: { output: { minify: true } },
  },
});

// npm: each module of src/ compiled on its own into dist/ by esbuild (no bundling: plain ES
// modules, bare imports, import() as written), and its .d.ts beside it by tsc.
const modules = readdirSync(r('src'), { recursive: true })
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && f !== 'entries/loader.ts')
  .map((f) => r(`src/${f}`));
await esbuild({
  entryPoints: modules,
  outdir: r('dist'),
  outbase: r('src'),
  format: 'esm',
  target: 'es2022',
  sourcemap: true,
  tsconfig: r('tsconfig.json'),
  logLevel: 'warning',
});
// `--no-types`: no .d.ts (half the build's time); npm test builds so, since no test reads them.
if (!process.argv.includes('--no-types')) {
  execFileSync(process.execPath, [r('node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
}
// The paths a per-file build leaves as written: the workers' scripts in
// `new Worker(new URL('./x.ts', import.meta.url))`, which consumers' bundlers follow.
for (const [module, worker] of [['search/worker-client.js', 'search-worker'], ['feed/off-thread.js', 'parse-worker']]) {
  const file = r(`dist/${module}`);
  const compiled = readFileSync(file, 'utf8');
  const fixed = compiled.replaceAll(`new URL("./${worker}.ts", import.meta.url)`, `new URL("./${worker}.js", import.meta.url)`);
  if (fixed === compiled) throw new Error(`${file}: the URL of ${worker} was not found; the npm build would start no worker`);
  writeFileSync(file, fixed);
}
// The manifest (docs/reference.md is generated from it by `npm run docs`, and
// `npm test` checks the committed one is in step).
execFileSync(process.execPath, [r('node_modules/@custom-elements-manifest/analyzer/cem.js'), 'analyze', '--quiet'], { cwd: root, stdio: 'inherit' });
console.log(`built dist/ (elements: ${elements.join(', ')})`);
