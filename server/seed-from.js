// --seed-from FEED: the counts a portal already shows, taken from its feed, so that
// moving to bantin-server loses none: every item's `_bantin.views` becomes the floor
// of its `article:<id>` count, the feed's `_bantin.visits` the floor of `site`.
// The feed is read with bantin's own reader and keys (dist/, as published), so
// the keys are exactly those <bantin-article counter-endpoint> asks for.
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Pages followed at most: a loop or an endless archive stops here. */
const MAX_PAGES = 10_000;
/**
 * Files are read under this stand-in origin: the feed reader keeps only http(s) links,
 * and a page's relative next_url must resolve beside its file.
 */
const LOCAL = 'https://local-file.invalid';
const asReaderUrl = (/** @type {URL} */ url) => (url.protocol === 'file:' ? new URL(LOCAL + url.pathname) : url);
const fromReaderUrl = (/** @type {string} */ href) => (href.startsWith(`${LOCAL}/`) ? new URL(`file://${href.slice(LOCAL.length)}`) : new URL(href));

/** bantin's reader, as built into dist/ (the published package has it; in a clone, `npm run build` makes it). */
async function bantin() {
  try {
    const feed = await import(new URL('../dist/feed/index.js', import.meta.url).href);
    const counter = await import(new URL('../dist/counter/keys.js', import.meta.url).href);
    return { decodeBody: feed.decodeBody, readFeed: feed.readFeed, articleCounterKey: counter.articleCounterKey };
  } catch (e) {
    throw new Error(`--seed-from reads feeds with bantin's own reader in dist/, which is missing (run npm run build): ${/** @type {Error} */ (e).message}`);
  }
}

/**
 * The bytes of a feed page and its media type: a file (path or file: URL) or http(s).
 * @param {URL} url
 */
async function fetchPage(url) {
  if (url.protocol === 'file:') return { bytes: new Uint8Array(await readFile(fileURLToPath(url))), contentType: null };
  const res = await fetch(url, { signal: AbortSignal.timeout(30_000), headers: { accept: 'application/feed+json, application/json' } });
  if (!res.ok) throw new Error(`${url.href} answered ${res.status} ${res.statusText}`);
  return { bytes: new Uint8Array(await res.arrayBuffer()), contentType: res.headers.get('content-type') };
}

/**
 * The floors a feed gives, following its next pages to the end.
 * @param {string} source a file path, or an http(s) URL of the first page
 * @param {(line: string) => void} [log] progress, a line per page
 * @returns {Promise<{ counts: Map<string, number>, pages: number, items: number }>}
 */
export async function countsFromFeed(source, log = () => {}) {
  const { decodeBody, readFeed, articleCounterKey } = await bantin();
  /** @type {Map<string, number>} */
  const counts = new Map();
  const raise = (/** @type {string} */ key, /** @type {number | null} */ n) => {
    if (Number.isSafeInteger(n) && /** @type {number} */ (n) >= 0) counts.set(key, Math.max(counts.get(key) ?? 0, /** @type {number} */ (n)));
  };
  const visited = new Set();
  /** @type {URL | null} */
  let next = /^https?:\/\//i.test(source) || source.startsWith('file:') ? new URL(source) : pathToFileURL(source);
  let items = 0;
  while (next && !visited.has(next.href)) {
    if (visited.size >= MAX_PAGES) throw new Error(`${source}: more than ${MAX_PAGES} pages; stopped`);
    visited.add(next.href);
    const page = await fetchPage(next);
    const href = asReaderUrl(next).href;
    /** @type {{ visits: number | null, nextUrl: string | null, items: { id: string, views: number | null }[] }} */
    const feed = (
      await readFeed(decodeBody(page.bytes, page.contentType), href, { contentType: page.contentType }).catch((/** @type {Error} */ e) => {
        // Views are a JSON Feed extension (_bantin.views); RSS and Atom have none, and Node has no DOMParser for them.
        const message = e.message.replaceAll(LOCAL, 'file://');
        throw new Error(/DOMParser/.test(message) ? `${next?.href}: --seed-from reads JSON Feeds (views are _bantin.views), not RSS or Atom` : message);
      })
    ).feed;
    if (visited.size === 1) raise('site', feed.visits);
    for (const article of feed.items) raise(articleCounterKey(article.id), article.views);
    items += feed.items.length;
    log(`--seed-from: page ${visited.size}, ${next.href}: ${feed.items.length} items`);
    next = feed.nextUrl ? fromReaderUrl(feed.nextUrl) : null;
  }
  return { counts, pages: visited.size, items };
}
