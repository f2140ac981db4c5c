// Test-server middleware: archive search indexes built from committed feeds by dist/'s builder
// (as the bantin-index command builds them), kept in memory, served over HTTP at
// /__archive/<set>/<file>: index.json and its files. Some sets are broken on purpose.
// Built when the test server starts; needs dist/ (npm test builds it first; alone: npm run build).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const dist = (p) => import(new URL(`../../../dist/${p}`, import.meta.url).href);

async function articles(files) {
  const { parseFeedText } = await dist('feed/index.js');
  const out = [];
  for (const f of files) out.push(...parseFeedText(await readFile(resolve(ROOT, f), 'utf8'), `http://localhost/${f}`).feed.items);
  return out;
}

/**
 * Long articles: each body strings together 24 real leads of the DANES headlines (about
 * 6,000 characters), so a display file holds only the head of each body and rest files
 * the rest. Served beside the index as feed.json.
 */
async function longFeedText() {
  const leads = (await articles(DANES)).filter((a) => a.summary);
  const items = Array.from({ length: 40 }, (_, i) => ({
    id: `long-${i}`,
    title: leads[i * 7].title,
    url: `https://tin.example.vn/long/${i}`,
    date_published: new Date(Date.UTC(2025, 0, 40 - i)).toISOString(),
    content_html: leads
      .slice(i * 7, i * 7 + 24)
      .map((a) => `<p>${a.summary}</p>`)
      .join(''),
  }));
  return JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Tin dài', items });
}

const DEMO = ['demo/feed.json', 'demo/feed-2.json'];
const DANES = ['test/fixtures/feeds/vi-news-danes.feed.json'];

/** Each set: the articles indexed (or `from`: another set's files), and what is done to the files. */
const SETS = {
  // Both pages of the demo feed: the page loads the first only.
  demo: { feeds: DEMO },
  // Built before the first two articles of the feed were published.
  'demo-stale': { feeds: DEMO, skip: 2 },
  // A posting file that is not one.
  'demo-corrupt': { from: 'demo', corrupt: (path) => path.startsWith('p/') },
  // A display file that is not one.
  'demo-corrupt-display': { from: 'demo', corrupt: (path) => path.startsWith('d/') },
  // Written by an older bantin-index (format 1: no rest files).
  'demo-format-1': { from: 'demo', manifest: (m) => ({ ...m, format: 1 }) },
  // Rebuilt between the page's reading of index.json and of the files: its first index.json is demo-stale's.
  'demo-rebuilt': { from: 'demo', firstManifestFrom: 'demo-stale' },
  // The same, caught between the rebuild's two renames: the folder is missing at the page's second look.
  'demo-swapping': { from: 'demo', firstManifestFrom: 'demo-stale', missingOnce: true },
  danes: { feeds: DANES },
  long: { feeds: DANES, feedText: longFeedText },
  // A rest file that is not one.
  'long-corrupt-rest': { from: 'long', corrupt: (path) => path.startsWith('r/') },
};

const built = new Map();

function build(name) {
  let p = built.get(name);
  if (!p) {
    const set = SETS[name];
    p = (async () => {
      if (set.from) {
        // Another set's files, copied and then changed: built once.
        const byPath = new Map(await build(set.from));
        if (set.manifest) byPath.set('index.json', Buffer.from(JSON.stringify(set.manifest(JSON.parse(byPath.get('index.json'))))));
        if (set.corrupt) for (const path of byPath.keys()) if (set.corrupt(path)) byPath.set(path, Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7]));
        return byPath;
      }
      const { buildArchive } = await dist('search/archive/build.js');
      let items;
      let feedText;
      if (set.feedText) {
        const { parseFeedText } = await dist('feed/index.js');
        feedText = await set.feedText();
        items = parseFeedText(feedText, 'http://localhost/__archive/long/feed.json').feed.items;
      } else {
        items = (await articles(set.feeds)).slice(set.skip ?? 0);
      }
      // Gzipped by zlib, as bantin-index gzips them: Chromium reads what the command writes.
      const { files } = await buildArchive(items, { feedUrl: `http://localhost/${set.feeds[0]}`, gzip: (b) => gzipSync(b) });
      const byPath = new Map(files.map((f) => [f.path, Buffer.from(f.data)]));
      if (feedText) byPath.set('feed.json', Buffer.from(feedText));
      return byPath;
    })();
    built.set(name, p);
    p.catch(() => built.delete(name));
  }
  return p;
}

/**
 * Builds every set when the test server starts, before any test runs: a build
 * during the run would hold the server's event loop up while other test files
 * wait for their feeds.
 */
export function archiveIndexBuilds() {
  return {
    name: 'bantin-archive-index',
    async serverStart() {
      try {
        for (const name of Object.keys(SETS)) await build(name);
      } catch (e) {
        console.warn(`archive-index: cannot build the test indexes (${e?.message ?? e}); run npm run build first.`);
      }
    },
  };
}

export async function archiveIndex(ctx, next) {
  const m = /^\/__archive\/([^/]+)\/(.*)$/.exec(ctx.path);
  if (!m) return next();
  const [, name, path] = m;
  if (!SETS[name]) {
    ctx.status = 404;
    return;
  }
  const set = SETS[name];
  let file = (await build(name)).get(path);
  if (path === 'index.json' && set.firstManifestFrom && !set.manifestServed) {
    set.manifestServed = true;
    file = (await build(set.firstManifestFrom)).get(path);
  } else if (path === 'index.json' && set.missingOnce && !set.missed) {
    set.missed = true;
    file = null;
  }
  if (!file) {
    ctx.status = 404;
    return;
  }
  ctx.set('Cache-Control', 'no-cache');
  ctx.type = path.endsWith('.json') ? 'application/json' : 'application/octet-stream';
  ctx.body = file;
}
