#!/usr/bin/env node
// Bundle sizes: builds, then prints every built file's raw, gzip and brotli
// size and the weight of real pages (scripts/size.mjs).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = (name) => fileURLToPath(new URL(`../scripts/${name}`, import.meta.url));
execFileSync(process.execPath, [script('build.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
execFileSync(process.execPath, [script('size.mjs')], { stdio: 'inherit' });
