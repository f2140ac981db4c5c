#!/usr/bin/env node
// node scripts/pack.mjs FILE: `npm pack` (prepack builds dist/) into FILE, for the
// checks that install the package (npm run check sets BANTIN_TARBALL to it).
import { renameSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pack } from './lib/pack.mjs';

const target = resolve(process.argv[2] ?? 'bantin.tgz');
const { tarball, files, size } = pack(dirname(target));
renameSync(tarball, target);
console.log(`packed ${files.length} files (${(size / 1024).toFixed(1)} KB) into ${target}`);
