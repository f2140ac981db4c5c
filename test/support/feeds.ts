/** Feeds for tests: fetched over HTTP from the test server and parsed as the store parses them. */
import { parseFeedText } from '../../src/feed/parse.js';
// Fixtures are read as the npm entry reads them: RSS dates in a JSON Feed included.
import '../../src/feed/rfc822.js';
import type { Feed } from '../../src/feed/types.js';
import { uniqueId } from './mock.js';

/** Where the committed real-feed fixtures are served byte for byte (see test/fixtures/feeds/SOURCES.md). */
export const FIXTURE_FEEDS = '/raw/test/fixtures/feeds';

/** The text of a committed fixture feed, e.g. `rsparser/atp.rss`; fails the test on anything but 200. */
export async function fixtureBytes(path: string): Promise<Uint8Array> {
  const res = await fetch(`${FIXTURE_FEEDS}/${path}`);
  if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

export const fixtureText = async (path: string) => new TextDecoder().decode(await fixtureBytes(path));

/**
 * A JSON Feed fetched from `url` and parsed. With `fresh`, the feed gets a URL
 * of its own (`#…`): page-wide things keyed by feed URL (the search index) start anew.
 */
export async function loadFeed(url: string, { fresh = false } = {}): Promise<Feed> {
  const text = await (await fetch(url)).text();
  const href = new URL(url, location.href).href;
  return parseFeedText(text, fresh ? `${href}#${uniqueId()}` : href).feed;
}
