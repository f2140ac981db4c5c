import { defineConfig, type Connect, type Plugin } from 'vite';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// The demo: demo/ is the site root, so /feed.json is demo/feed.json.
// /counter goes to bantin-server (scripts/start.mjs starts it and sets
// BANTIN_COUNTER_URL); the Host header is kept, so the server sees the
// demo's own origin and lets it count.
const counter = process.env.BANTIN_COUNTER_URL ?? 'http://127.0.0.1:8787';

/**
 * Serves the files of `dir` at `mount` as a plain web server would: no dotfiles, and a
 * 404 for what is not there (not vite's fallback page, which a reader would take for a file).
 */
function serveFolder(mount: string, dir: string): Plugin {
  const serve: Connect.NextHandleFunction = (req, res) => {
    const path = normalize(join(dir, decodeURIComponent((req.url ?? '/').split('?')[0])));
    if (!path.startsWith(dir + sep) || path.slice(dir.length).includes(`${sep}.`) || !existsSync(path) || !statSync(path).isFile()) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('Content-Type', path.endsWith('.js') ? 'text/javascript' : path.endsWith('.json') ? 'application/json' : 'application/octet-stream');
    createReadStream(path).pipe(res);
  };
  return {
    name: `bantin-serve${mount.replace(/\//g, '-')}`,
    configureServer: (server) => void server.middlewares.use(mount, serve),
    configurePreviewServer: (server) => void server.middlewares.use(mount, serve),
  };
}

// /dist/… serves the built files, so demo/plain.html loads dist/bantin.min.js as
// a webmaster's page would (scripts/start.mjs builds first).
const dist = fileURLToPath(new URL('./dist', import.meta.url));
// /search/… serves the demo's archive search index, which scripts/start.mjs builds
// with bantin-index into .tmp/ (scripts/lib/demo-index.mjs); the pages name it in
// <meta name="bantin:search-index">. Not there yet: they search the loaded feed.
const searchIndex = process.env.BANTIN_DEMO_INDEX ?? fileURLToPath(new URL('./.tmp/demo-index', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('./demo', import.meta.url)),
  plugins: [serveFolder('/dist', dist), serveFolder('/search', searchIndex)],
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
