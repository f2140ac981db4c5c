import { defineConfig, type Plugin } from 'vite';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

// The demo: demo/ is the site root, so /feed.json is demo/feed.json.
// /counter goes to bantin-server (scripts/start.mjs starts it and sets
// BANTIN_COUNTER_URL); the Host header is kept, so the server sees the
// demo's own origin and lets it count.
const counter = process.env.BANTIN_COUNTER_URL ?? 'http://127.0.0.1:8787';

// /dist/… serves the built files, so demo/plain.html loads dist/bantin.min.js as
// a webmaster's page would (scripts/start.mjs builds first).
const dist = fileURLToPath(new URL('./dist', import.meta.url));
const serveDist: Plugin = {
  name: 'bantin-serve-dist',
  configureServer(server) {
    server.middlewares.use('/dist', (req, res, next) => {
      const path = normalize(join(dist, decodeURIComponent((req.url ?? '/').split('?')[0])));
      if (!path.startsWith(dist) || !existsSync(path) || !statSync(path).isFile()) return next();
      res.setHeader('Content-Type', path.endsWith('.js') ? 'text/javascript' : 'application/octet-stream');
      createReadStream(path).pipe(res);
    });
  },
};

export default defineConfig({
  root: fileURLToPath(new URL('./demo', import.meta.url)),
  plugins: [serveDist],
  server: {
    port: 5173,
    strictPort: false,
    host: '127.0.0.1',
    proxy: { '/counter': { target: counter, changeOrigin: false } },
  },
  preview: { port: 4173, proxy: { '/counter': { target: counter, changeOrigin: false } } },
  build: {
    outDir: fileURLToPath(new URL('./dist/demo', import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: { input: ['index.html', 'tim-kiem.html', 'themed.html', 'plain.html', 'rss.html'].map((p) => fileURLToPath(new URL(`./demo/${p}`, import.meta.url))) },
  },
});
