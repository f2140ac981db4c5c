// --seed-from FEED: the counts a portal already shows, taken from its feed, so that
// moving to bantin-server loses none: every item's `_bantin.views` becomes the floor
// of its `article:<id>` count, the feed's `_bantin.visits` the floor of `site`.
// The feed is read with bantin's own reader and keys (dist/, as published), so
// the keys are exactly those <bantin-article counter-endpoint> asks for.
import { feedPages, fromDist } from './feed-pages.js';

/**
 * The floors a feed gives, following its next pages to the end.
 * @param {string} source a file path, or an http(s) URL of the first page
 * @param {(line: string) => void} [log] progress, a line per page
 * @returns {Promise<{ counts: Map<string, number>, pages: number, items: number }>}
 */
export async function countsFromFeed(source, log = () => {}) {
  const { articleCounterKey } = await fromDist('counter/keys.js', '--seed-from');
  /** @type {Map<string, number>} */
  const counts = new Map();
  const raise = (/** @type {string} */ key, /** @type {number | null} */ n) => {
    if (Number.isSafeInteger(n) && /** @type {number} */ (n) >= 0) counts.set(key, Math.max(counts.get(key) ?? 0, /** @type {number} */ (n)));
  };
  let pages = 0;
  let items = 0;
  // Views are a JSON Feed extension (_bantin.views): RSS and Atom have none to seed from.
  for await (const { number, location, feed } of feedPages(source, { program: '--seed-from', xml: '--seed-from reads JSON Feeds (views are _bantin.views), not RSS or Atom' })) {
    if (number === 1) raise('site', feed.visits);
    for (const article of feed.items) raise(articleCounterKey(article.id), article.views);
    pages = number;
    items += feed.items.length;
    log(`--seed-from: page ${number}, ${location}: ${feed.items.length} items`);
  }
  return { counts, pages, items };
}
