// A feed read page by page, the way the elements read it, for the commands that
// need a whole archive: bantin-server --seed-from (the counts) and bantin-index
// (the search index). A file or an http(s) URL; next pages (`next_url`,
// `atom:link rel="next"`) followed to the end, never twice, never past MAX_PAGES.
// Pages are parsed by bantin's own reader, as built into dist/.
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { installXmlDom } from './xml-dom.js';

/** Pages followed at most: a loop that changes its URLs, or an endless archive, stops here. */
export const MAX_PAGES = 10_000;
const TIMEOUT_S = 30;
const ACCEPT = 'application/feed+json, application/json;q=0.9, application/rss+xml;q=0.8, application/atom+xml;q=0.8, application/xml;q=0.7, text/xml;q=0.7, */*;q=0.1';
/**
 * Files are read under this stand-in origin: the feed reader keeps only http(s) links,
 * and a page's relative next_url must resolve beside its file.
 */
const LOCAL = 'https://local-file.invalid';

/**
 * A module of bantin as built into dist/ (the published package has it; in a clone, `npm run build` makes it).
 * @param {string} path e.g. 'feed/index.js'
 * @param {string} program who needs it, for the error
 * @returns {Promise<any>}
 */
export async function fromDist(path, program) {
  try {
    return await import(new URL(`../dist/${path}`, import.meta.url).href);
  } catch (e) {
    throw new Error(`${program} reads feeds with bantin's own code in dist/, which is missing (run npm run build): ${/** @type {Error} */ (e).message}`);
  }
}

/**
 * @typedef {object} FeedPage
 * @property {number} number 1 for the first page
 * @property {string} location where it was read: a file path or the URL
 * @property {import('../src/feed/types.js').Feed} feed its articles (orders count on across pages), next page
 * @property {import('../src/feed/types.js').SkippedItem[]} skipped items the reader left out, and why
 * @property {string | null} next where the next page is (a file path or a URL), if there is one
 */

/**
 * The pages of a feed, first to last.
 * @param {string} source a file path, a file: URL, or the http(s) URL of the first page
 * @param {object} options
 * @param {string} options.program who reads, for errors (`--seed-from`, `bantin-index`)
 * @param {true | string} [options.xml] true: RSS and Atom too (through the xmldom package); a string: refuse them with this reason
 * @param {string | null} [options.publicUrl] where a file source is published: its relative links resolve there
 * @returns {AsyncGenerator<FeedPage>}
 */
export async function* feedPages(source, { program, xml = true, publicUrl = null }) {
  const { decodeBody, readFeed, detectFormat } = await fromDist('feed/index.js', program);
  const urls = readerUrls(publicUrl);
  /** @type {Set<string>} */
  const visited = new Set();
  /** @type {URL | null} */
  let next = /^https?:\/\//i.test(source) || source.startsWith('file:') ? new URL(source) : pathToFileURL(source);
  let order = 0;
  while (next && !visited.has(next.href)) {
    if (visited.size >= MAX_PAGES) throw new Error(`${source}: more than ${MAX_PAGES} pages; stopped`);
    visited.add(next.href);
    const location = next.protocol === 'file:' ? fileURLToPath(next) : next.href;
    const page = await fetchPage(next);
    if (page.url.href !== next.href) visited.add(page.url.href); // a redirect: its target counts as read too
    const text = decodeBody(page.bytes, page.contentType);
    if (detectFormat(text, page.contentType) === 'xml') {
      if (xml !== true) throw new Error(`${location}: ${xml}`);
      await installXmlDom(program);
    }
    const href = urls.toReader(page.url).href;
    /** @type {{ feed: import('../src/feed/types.js').Feed, skipped: import('../src/feed/types.js').SkippedItem[] }} */
    const { feed, skipped } = await readFeed(text, href, { contentType: page.contentType, orderOffset: order }).catch((/** @type {Error} */ e) => {
      throw new Error(urls.fromReaderText(e.message, href, location));
    });
    order += feed.items.length;
    const number = visited.size;
    next = feed.nextUrl ? urls.fromReader(feed.nextUrl) : null;
    yield { number, location, feed, skipped, next: next && (next.protocol === 'file:' ? fileURLToPath(next) : next.href) };
  }
}

/**
 * The bytes of a feed page, its media type and where it ended up (after redirects).
 * Errors are one line that says what failed and where.
 * @param {URL} url
 */
async function fetchPage(url) {
  if (url.protocol === 'file:') {
    const path = fileURLToPath(url);
    const bytes = await readFile(path).catch((/** @type {NodeJS.ErrnoException} */ e) => {
      throw new Error(e.code === 'ENOENT' ? `${path}: no such file` : e.code === 'EISDIR' ? `${path}: a folder, not a feed file` : `${path}: ${e.message}`);
    });
    return { bytes: new Uint8Array(bytes), contentType: null, url };
  }
  let res;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_S * 1000), headers: { accept: ACCEPT } });
  } catch (e) {
    const error = /** @type {Error & { cause?: { code?: string, message?: string } }} */ (e);
    if (error.name === 'TimeoutError') throw new Error(`${url.href}: no answer within ${TIMEOUT_S} s`);
    throw new Error(`cannot reach ${url.href}: ${error.cause?.code ?? error.cause?.message ?? error.message}`);
  }
  if (!res.ok) throw new Error(`${url.href} answered ${res.status} ${res.statusText}`.trim());
  return { bytes: new Uint8Array(await res.arrayBuffer()), contentType: res.headers.get('content-type'), url: new URL(res.url || url.href) };
}

/**
 * Between real locations and the http(s) URLs the feed reader is given: a file is read
 * under its public URL when one is known (so its articles' relative links resolve
 * there, and next pages under it map back to files beside it), else under LOCAL.
 * @param {string | null} publicUrl
 */
function readerUrls(publicUrl) {
  /** @type {{ dir: string, base: string } | null} */
  let mapped = null;
  /** @param {URL} url */
  const toReader = (url) => {
    if (url.protocol !== 'file:') return url;
    if (publicUrl) {
      // The first file is the public URL; files beside it are beside that URL.
      if (!mapped) {
        mapped = { dir: new URL('.', url).href, base: new URL('.', publicUrl).href };
        return new URL(publicUrl);
      }
      if (url.href.startsWith(mapped.dir)) return new URL(mapped.base + url.href.slice(mapped.dir.length));
    }
    return new URL(LOCAL + url.pathname);
  };
  /** @param {string} href */
  const fromReader = (href) => {
    if (href.startsWith(`${LOCAL}/`)) return new URL(`file://${href.slice(LOCAL.length)}`);
    if (mapped && href.startsWith(mapped.base)) return new URL(mapped.dir + href.slice(mapped.base.length));
    return new URL(href);
  };
  /**
   * The reader's error, naming the page where the user put it.
   * @param {string} message
   * @param {string} href the URL the reader was given
   * @param {string} location the file or URL read
   */
  const fromReaderText = (message, href, location) => message.replaceAll(href, location).replaceAll(LOCAL, 'file://');
  return { toReader, fromReader, fromReaderText };
}
