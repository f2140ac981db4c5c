// A fresh Vite app's production build, with Vite's defaults: `vite build` of index.html.
import { build } from 'vite';

export default async function buildWithVite({ app, out }) {
  await build({ root: app, configFile: false, logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
  return 'index.html';
}
