// The package as npm publishes it: `npm pack` (its prepack script builds dist/ first),
// or the tarball named by BANTIN_TARBALL (npm run check packs once for all its checks).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './steps.mjs';

/** Packs into `dir`; resolves with the tarball's path and npm's listing of its files. */
export function pack(dir) {
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  // The prepack build prints its own lines before npm's JSON.
  const [info] = JSON.parse(out.slice(out.search(/^\[/m)));
  return { tarball: join(dir, info.filename), files: info.files.map((f) => f.path), size: info.size, filename: info.filename };
}

