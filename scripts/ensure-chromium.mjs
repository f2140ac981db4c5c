#!/usr/bin/env node
// Makes sure the tests have a browser: uses an installed Chromium/Chrome, else
// installs Debian's `chromium` package, else says exactly what to do.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './lib/chromium.mjs';

const found = findChromium();
if (found) process.exit(0);

if (process.env.CHROME_PATH) {
  console.error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, but no file is there. Fix or unset it.`);
  process.exit(1);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
let sudo = '';
if (!isRoot) {
  try {
    execSync('sudo -n true', { stdio: 'ignore' });
    sudo = 'sudo ';
  } catch {
    sudo = null;
  }
}

if (hasApt && sudo !== null) {
  console.log('No Chromium found: installing Debian\'s "chromium" package (about a minute)…');
  try {
    execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, {
      stdio: 'inherit',
    });
  } catch {
    console.error('Installing chromium with apt-get failed (see above).');
  }
  if (findChromium()) process.exit(0);
}

console.error(`The tests need Chromium or Chrome, and none was found.
  - On Debian/Ubuntu: sudo apt-get install chromium
  - Elsewhere: install Chrome or Chromium and set CHROME_PATH=/path/to/the/binary`);
process.exit(1);
