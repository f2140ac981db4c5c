import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The demo: demo/ is the site root, so /feed.json is demo/feed.json.
// /counter goes to bantin-server (scripts/start.mjs starts it and sets
// BANTIN_COUNTER_URL); the Host header is kept, so the server sees the
// demo's own origin and lets it count.
const counter = process.env.BANTIN_COUNTER_URL ?? 'http://127.0.0.1:8787';

export default defineConfig({
  root: fileURLToPath(new URL('./demo', import.meta.url)),
  server: {
    port: 5173,
    strictPort: false,
    host: '127.0.0.1',
    proxy: { '/counter': { target: counter, changeOrigin: false } },
  },
  preview: { port: 4173, proxy: { '/counter': { target: counter, changeOrigin: false } } },
  build: { outDir: fileURLToPath(new URL('./dist/demo', import.meta.url)), emptyOutDir: true },
});
