// Rollup 4 with node-resolve. Rollup does not bundle workers by itself: as the README
// says, the app adds bantin/search-worker and bantin/parse-worker as entries of those names, written beside main.js.
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';

export default async function buildWithRollup({ app, out }) {
  const bundle = await rollup({
    input: { main: join(app, 'main.js'), 'search-worker': 'bantin/search-worker', 'parse-worker': 'bantin/parse-worker' },
    plugins: [nodeResolve({ browser: true, rootDir: app })],
    onwarn(warning, warn) {
      if (warning.code !== 'CIRCULAR_DEPENDENCY') warn(warning);
    },
  });
  await bundle.write({ dir: out, format: 'es', entryFileNames: '[name].js' });
  await bundle.close();
  copyFileSync(join(app, 'index.html'), join(out, 'index.html'));
  return 'index.html';
}
