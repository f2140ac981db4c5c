import type { Feed } from '../feed/types.js';
import { feedVersion } from './version.js';

interface Entry<T> {
  version: string;
  value: Promise<T>;
  abort: AbortController;
}

/**
 * One search index per feed for the whole page: every search box naming the
 * same feed shares it. A new version of the feed (revalidated, or more pages
 * loaded) builds a new one and abandons an unfinished older build.
 */
export class PerFeed<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly byFeed = new WeakMap<Feed, Promise<T>>();

  /** `retire` is called with an index a newer version replaced (to free what it holds). */
  constructor(private readonly retire: (old: Promise<T>) => void = () => {}) {}

  /** The feed's index, made by `create` when this version of the feed has none yet. */
  get(feed: Feed, create: (version: string, signal: AbortSignal) => Promise<T>): Promise<T> {
    let value = this.byFeed.get(feed);
    if (value) return value;
    const version = feedVersion(feed.items);
    const current = this.entries.get(feed.url);
    if (current && current.version === version) {
      value = current.value;
    } else {
      if (current) {
        current.abort.abort();
        this.retire(current.value);
      }
      const abort = new AbortController();
      value = create(version, abort.signal);
      const entry = { version, value, abort };
      this.entries.set(feed.url, entry);
      value.catch(() => {
        if (this.entries.get(feed.url) === entry) this.entries.delete(feed.url);
      });
    }
    this.byFeed.set(feed, value);
    return value;
  }
}
