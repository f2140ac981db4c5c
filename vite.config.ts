import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The demo: demo/ is the site root, so /feed.json is demo/feed.json.
export default defineConfig({
  root: fileURLToPath(new URL('./demo', import.meta.url)),
  server: { port: 5173, strictPort: false, host: '127.0.0.1' },
  preview: { port: 4173 },
  build: { outDir: fileURLToPath(new URL('./dist/demo', import.meta.url)), emptyOutDir: true },
});
