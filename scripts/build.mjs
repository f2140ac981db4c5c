#!/usr/bin/env node
// npm run build: the ES module build for npm users, the one-file drop-in for
// webmasters, and the type declarations.
import { build } from 'vite';
import { rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const r = (p) => fileURLToPath(new URL(`../${p}`, import.meta.url));
rmSync(r('dist'), { recursive: true, force: true });

const common = { root, configFile: false, logLevel: 'warn' };

// ES modules, dependencies left as imports: npm users' bundlers dedupe lit.
await build({
  ...common,
  build: {
    outDir: r('dist'),
    emptyOutDir: false,
    sourcemap: true,
    minify: false,
    lib: { entry: { index: r('src/index.ts') }, formats: ['es'] },
    rolldownOptions: { external: [/^lit/, /^@lit\//, 'idb-keyval', /^fuse\.js(\/|$)/, 'dompurify'] },
  },
});

// One classic script, everything inside: <script src=".../bantin.min.js"></script>.
await build({
  ...common,
  define: { 'process.env.NODE_ENV': '"production"' },
  build: {
    outDir: r('dist'),
    emptyOutDir: false,
    minify: true,
    lib: { entry: r('src/index.ts'), formats: ['iife'], name: 'bantin', fileName: () => 'bantin.min.js' },
    rolldownOptions: { output: { minify: true } },
  },
});

execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
console.log('built dist/');
