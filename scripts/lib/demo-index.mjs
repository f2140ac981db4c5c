// The demo's archive search index: bantin-index (the real command) over
// demo/feed.json and the page it links to, demo/feed-2.json, written into a
// folder under .tmp/ (not committed) that vite.config.ts serves at /search/,
// where the demo pages' <meta name="bantin:search-index"> points.
// Used by `npm start` and `npm run screenshots`.
import { execFile } from 'node:child_process';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Where the demo pages look for the index (their <meta name="bantin:search-index">). */
export const DEMO_INDEX_PATH = '/search/';
/** The folder vite serves at DEMO_INDEX_PATH, unless BANTIN_DEMO_INDEX names another. */
export const DEMO_INDEX_DIR = `${root}.tmp/demo-index`;

/**
 * Runs `bantin-index demo/feed.json --out DIR --feed-url BASE/feed.json`. The articles'
 * links are root-relative (`/?id=5142`): they resolve against `--feed-url`, so `base`
 * is the demo's address as vite serves it. Never throws: a failure is one line, and
 * the demo then searches its loaded feed.
 * @param {{ base: string, out?: string, timeoutMs?: number }} options
 * @returns {Promise<{ ok: true, summary: string } | { ok: false, error: string }>}
 */
export function buildDemoIndex({ base, out = DEMO_INDEX_DIR, timeoutMs = 60_000 }) {
  const args = [`${root}server/index-cli.js`, 'demo/feed.json', '--out', relative(root, out), '--feed-url', new URL('feed.json', base).href];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: root, timeout: timeoutMs }, (error, stdout, stderr) => {
      if (!error) return resolve({ ok: true, summary: stdout.trim() });
      if (error.killed) return resolve({ ok: false, error: `bantin-index: stopped after ${timeoutMs / 1000} s` });
      // The command's one-line error is its last line on stderr (after the progress lines).
      const line = stderr.split('\n').filter((l) => l.startsWith('bantin-index: ')).at(-1);
      resolve({ ok: false, error: line ?? `bantin-index: ${error.message.split('\n')[0]}` });
    });
  });
}
