// webpack 5 in production mode with its defaults: it bundles the search worker itself
// (new Worker(new URL(…, import.meta.url))).
import webpack from 'webpack';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';

export default function buildWithWebpack({ app, out }) {
  return new Promise((resolve, reject) => {
    webpack(
      { mode: 'production', context: app, entry: './main.js', output: { path: out, filename: 'main.js', publicPath: 'auto' } },
      (err, stats) => {
        if (err || stats.hasErrors()) return reject(err ?? new Error(stats.toString('errors-only')));
        copyFileSync(join(app, 'index.html'), join(out, 'index.html'));
        resolve('index.html');
      },
    );
  });
}
