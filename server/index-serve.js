// bantin-server --feeds DIR --index: the search index of every feed in DIR, built
// at start and again when a feed file changes, served at /NAME.index/ for
// DIR/NAME.json (or .rss, .atom, .xml, .rdf). A paged feed is one feed: its later
// pages (files some other file's next link points at) get no index of their own.
// The indexes live in a temporary folder of their own, never in DIR (which may be
// read-only, and is watched), written as bantin-index writes them: a reader never
// sees half an index, and a failed build keeps the one before.
import { rmSync, watch } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { feedPages } from './feed-pages.js';
import { createFileHandler } from './files.js';
import { indexFeed } from './search-index.js';

const FEED_FILE = /^[^.].*\.(?:json|rss|atom|xml|rdf)$/i;
/** The folder an index is served from, for the feed file `name`. */
const indexPath = (/** @type {string} */ name) => `/${name.slice(0, -extname(name).length)}.index/`;
const INDEX_SEGMENT = /^\/[^/]+\.index(?:\/|$)/;

/**
 * @param {object} options
 * @param {string} options.feeds the folder of feeds
 * @param {(line: string) => void} options.log
 * @param {string | null} [options.publicOrigin] where readers reach the server: a feed's relative links resolve there
 * @param {number} [options.debounceMs] quiet time after the last change before a rebuild (a copy of many pages is one rebuild)
 */
export async function createIndexer({ feeds, log, publicOrigin = null, debounceMs = 1000 }) {
  feeds = resolve(feeds);
  const root = await mkdtemp(join(tmpdir(), 'bantin-index-'));
  // The manifest is JSON, not a feed: not application/feed+json.
  const serveFile = await createFileHandler(root, { types: { '.json': 'application/json; charset=utf-8' } });
  /**
   * Per feed file: the stamps of the pages its last successful build read, to skip an
   * unchanged feed; null when a page came over HTTP (no stamp: always rebuilt).
   * @type {Map<string, { pages: string[], stamps: string } | null>}
   */
  const built = new Map();
  /** Failures already logged, by file and stamp: a broken file is reported once, not at every change. */
  const reported = new Set();
  /** @type {NodeJS.Timeout | null} */
  let timer = null;
  let running = false;
  let again = false;
  let closed = false;
  /** @type {Promise<void>} */
  let current = Promise.resolve();

  /** @param {string} file */
  const stamp = async (file) => {
    const s = await stat(file).catch(() => null);
    return s ? `${s.size}:${s.mtimeMs}` : 'gone';
  };
  /** @param {string[]} files */
  const stamps = async (files) => (await Promise.all(files.map(stamp))).join(' ');

  /** One round: find the feeds (first pages), rebuild those whose files changed. */
  async function round() {
    const names = (await readdir(feeds, { withFileTypes: true })).filter((e) => e.isFile() && FEED_FILE.test(e.name)).map((e) => e.name).sort();
    /** @type {Set<string>} */
    const later = new Set(); // files that are a later page of another
    /** @type {string[]} */
    const heads = [];
    /** Feeds whose file is broken now: their last index stays. */
    const keep = new Set();
    for (const name of names) {
      const file = join(feeds, name);
      try {
        for await (const { next } of feedPages(file, { program: '--index' })) {
          if (next && next !== file) later.add(next);
          break; // the first page says where the next is; that is all this pass needs
        }
        heads.push(name);
      } catch (e) {
        const key = `${name} ${await stamp(file)}`;
        const what = built.has(name) ? `${indexPath(name)} not rebuilt (the previous index is still served)` : `${name} is not indexed`;
        if (!reported.has(key)) log(`--index: ${what}: ${/** @type {Error} */ (e).message}`);
        reported.add(key);
        if (built.has(name)) keep.add(name);
      }
    }
    const feedNames = heads.filter((name) => !later.has(join(feeds, name)));
    const served = new Set();
    for (const name of feedNames) {
      if (closed) return;
      const path = indexPath(name);
      if (served.has(path)) {
        log(`--index: ${name} is not indexed: ${path} is already the index of another file of that name`);
        continue;
      }
      served.add(path);
      const file = join(feeds, name);
      const before = built.get(name);
      if (before && before.stamps === (await stamps(before.pages))) continue;
      try {
        const publicUrl = publicOrigin ? new URL(name, `${publicOrigin}/`).href : null;
        const startedAt = Date.now();
        const s = await indexFeed(file, join(root, path.slice(1, -1)), { program: '--index', publicUrl });
        // A page changed while it was read, or read over HTTP, has no trustworthy stamp: rebuilt next time.
        const local = s.locations.every((l) => !/^https?:/i.test(l));
        const times = local ? await Promise.all(s.locations.map((l) => stat(l).then((i) => i.mtimeMs, () => Infinity))) : [];
        built.set(name, local && times.every((t) => t < startedAt - 1) ? { pages: s.locations, stamps: await stamps(s.locations) } : null);
        log(`--index: ${path} ${s.articles.toLocaleString('en')} articles from ${s.pages} page(s), ${s.files} files, ${Math.round(s.gzipBytes / 1024)} KB gzipped, ${s.seconds.toFixed(1)} s`);
      } catch (e) {
        const key = `${name} ${await stamp(file)} ${/** @type {Error} */ (e).message}`;
        if (!reported.has(key)) log(`--index: ${path} not rebuilt (${built.has(name) ? 'the previous index is still served' : 'none served yet'}): ${/** @type {Error} */ (e).message}`);
        reported.add(key);
      }
    }
    // A feed file that went away (or became a later page of another) takes its index with it.
    for (const name of [...built.keys()]) {
      if (!feedNames.includes(name) && !keep.has(name)) {
        built.delete(name);
        await rm(join(root, indexPath(name).slice(1, -1)), { recursive: true, force: true });
      }
    }
  }

  /** Runs rounds one at a time; a change during a round makes one more. */
  function rebuild() {
    if (running) {
      again = true;
      return current;
    }
    running = true;
    current = (async () => {
      do {
        again = false;
        await round().catch((e) => log(`--index: ${/** @type {Error} */ (e).message}`));
      } while (again && !closed);
      running = false;
    })();
    return current;
  }

  const watcher = watch(feeds, { persistent: false }, (_event, name) => {
    if (closed || (name !== null && !FEED_FILE.test(String(name)))) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      rebuild();
    }, debounceMs);
  });
  watcher.on('error', (e) => log(`--index: stopped watching ${feeds} (${e.message}); indexes are rebuilt no more`));

  return {
    /** The first round, started now; resolves when every index is built (or has failed). */
    ready: rebuild(),
    /**
     * Whether a request path is for the indexes.
     * @param {string} pathname the raw request path
     */
    handles: (pathname) => INDEX_SEGMENT.test(pathname),
    /**
     * @param {import('node:http').IncomingMessage} req
     * @param {import('node:http').ServerResponse} res
     * @param {string} pathname
     * @param {import('./http-util.js').Headers} cors
     */
    serve: (req, res, pathname, cors) => serveFile(req, res, pathname, cors),
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      watcher.close();
      // Synchronous: the process may exit right after the server closes.
      rmSync(root, { recursive: true, force: true });
    },
  };
}
