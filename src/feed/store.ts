import { FeedCache, type CachedFeed } from './cache.js';
import { describeError } from '../shared/errors.js';
import { FeedError } from './errors.js';
import { fetchFeedBody, FEED_TIMEOUT_MS } from './fetch.js';
import { readFeedBody } from './body.js';
import type { BodyRead } from './read.js';
import type { Article, Feed, SkippedItem } from './types.js';

export type FeedStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface FeedState {
  status: FeedStatus;
  /** What to show; present whenever status is 'ready'. */
  feed: Feed | null;
  /** The last failure. With a feed present, it explains why the feed is stale. */
  error: FeedError | null;
  /** The feed shown is a cached copy the network could not confirm. */
  stale: boolean;
  /** The feed shown came from IndexedDB (possibly still being revalidated). */
  fromCache: boolean;
  /** A network revalidation is in flight. */
  revalidating: boolean;
  loadingMore: boolean;
  /** `loadMore()` can still add older items. */
  hasMore: boolean;
  /** Items the parser left out, and why. */
  skipped: SkippedItem[];
}

export type FeedListener = (state: FeedState) => void;

export interface FeedStoreOptions {
  /** Seconds a cached copy counts as fresh: within it, the network is not asked. */
  maxAge?: number;
  /** Zone for zone-less timestamps in the feed. */
  timeZone?: string;
  timeoutMs?: number;
  cache?: FeedCache;
}

/** Before any subscriber: nothing loaded, nothing asked. */
export const IDLE_STATE: FeedState = {
  status: 'idle',
  feed: null,
  error: null,
  stale: false,
  fromCache: false,
  revalidating: false,
  loadingMore: false,
  hasMore: false,
  skipped: [],
};

const registry = new Map<string, FeedStore>();
let sharedCache: FeedCache | null = null;

function absolute(url: string): string {
  const base = typeof document !== 'undefined' ? document.baseURI : undefined;
  return new URL(url, base).href;
}

/**
 * One feed URL's data on this page: loads it once for every subscriber, paints
 * from IndexedDB first and revalidates in the background, pages through
 * `next_url`, and never lets a failed response replace a good copy.
 */
export class FeedStore {
  /** The page-wide store for a URL: every element naming the same feed shares it (and its one request). */
  static for(url: string, options: FeedStoreOptions = {}): FeedStore {
    const key = absolute(url);
    let store = registry.get(key);
    if (!store) {
      store = new FeedStore(key, options);
      registry.set(key, store);
    } else if (options.maxAge !== undefined) {
      // The most demanding element wins: a shorter max-age means fresher data for all.
      store.maxAge = Math.min(store.maxAge ?? Infinity, options.maxAge);
    }
    return store;
  }

  readonly url: string;
  private maxAge: number | undefined;
  private readonly timeZone: string | undefined;
  private readonly timeoutMs: number;
  private readonly cache: FeedCache;
  private listeners = new Set<FeedListener>();
  private current: FeedState = IDLE_STATE;
  private loading: Promise<void> | null = null;
  private revalidation: Promise<void> | null = null;
  private moreLoading: Promise<number> | null = null;
  private cached: CachedFeed | null = null;
  /** Items of each page, first page first. */
  private pages: Article[][] = [];
  /** Page URLs already fetched: `next_url` pointing back at one of them is a loop. */
  private visited = new Set<string>();

  constructor(url: string, options: FeedStoreOptions = {}) {
    this.url = absolute(url);
    this.maxAge = options.maxAge;
    this.timeZone = options.timeZone;
    this.timeoutMs = options.timeoutMs ?? FEED_TIMEOUT_MS;
    this.cache = options.cache ?? (sharedCache ??= new FeedCache());
  }

  get state(): FeedState {
    return this.current;
  }

  /** Calls `listener` now and on every change; the first subscriber starts the load. */
  subscribe(listener: FeedListener): () => void {
    this.listeners.add(listener);
    listener(this.current);
    if (this.current.status === 'idle') void this.load();
    return () => this.listeners.delete(listener);
  }

  /** Loads once (cache, then network); later calls return the same promise. */
  load(): Promise<void> {
    this.loading ??= this.runLoad();
    return this.loading;
  }

  /** Asks the network again. After an error with nothing to show, starts over from the cache. */
  refresh(): Promise<void> {
    if (this.current.status === 'error' && !this.current.feed) {
      this.loading = null;
      return this.load();
    }
    return this.revalidate();
  }

  /** Fetches the next (older) page and appends its new items. Resolves to the number added. */
  loadMore(): Promise<number> {
    this.moreLoading ??= this.runLoadMore().finally(() => (this.moreLoading = null));
    return this.moreLoading;
  }

  private set(patch: Partial<FeedState>) {
    this.current = { ...this.current, ...patch };
    for (const listener of [...this.listeners]) {
      try {
        listener(this.current);
      } catch (e) {
        // One broken subscriber must not starve the others.
        console.error(e);
      }
    }
  }

  private async runLoad(): Promise<void> {
    this.set({ status: 'loading', error: null });
    try {
      this.cached = await this.cache.read(this.url);
    } catch {
      this.cached = null;
    }
    if (this.cached) {
      const fresh = this.maxAge !== undefined && Date.now() - this.cached.fetchedAt < this.maxAge * 1000;
      this.showPages([this.cached.feed.items], this.cached.feed, { fromCache: true, stale: false, revalidating: !fresh });
      if (fresh) return;
    }
    await this.revalidate();
  }

  private revalidate(): Promise<void> {
    this.revalidation ??= this.runRevalidate().finally(() => (this.revalidation = null));
    return this.revalidation;
  }

  private async runRevalidate(): Promise<void> {
    const cached = this.cached;
    this.set({ revalidating: true });
    try {
      const body = await fetchFeedBody(this.url, cached ?? {}, this.timeoutMs);
      const now = Date.now();
      if (body.status === 304 && cached) {
        this.set({ stale: false, error: null, revalidating: false });
        await this.cache.touch(this.url, { fetchedAt: now, etag: body.etag, lastModified: body.lastModified }).catch(() => {});
        return;
      }
      const unchanged =
        cached &&
        ((body.etag && body.etag === cached.etag) || (!body.etag && body.lastModified && body.lastModified === cached.lastModified));
      // Without validators, the body's hash tells whether it changed (the reader hashes it as it decodes).
      const read = unchanged
        ? null
        : await readFeedBody(body, this.url, { timeZone: this.timeZone }, { hash: !body.etag && !body.lastModified, knownHash: cached?.hash });
      if (!read || read.unchanged) {
        this.set({ stale: false, error: null, revalidating: false });
        await this.cache.touch(this.url, { fetchedAt: now, etag: body.etag, lastModified: body.lastModified }).catch(() => {});
        return;
      }
      const { hash } = read;
      const { feed, skipped } = read.result;
      if (skipped.length) reportSkipped(this.url, skipped);
      this.cached = { feed, etag: body.etag, lastModified: body.lastModified, hash, fetchedAt: now };
      // Pages loaded with "more" stay: the new first page replaces only the old one.
      this.showPages([feed.items, ...this.pages.slice(1)], feed, {
        fromCache: false,
        stale: false,
        skipped,
      });
      await this.cache.write(this.cached).catch((e) => reportUncached(this.url, e));
    } catch (e) {
      const error =
        e instanceof FeedError ? e : new FeedError('network', `Loading ${this.url} failed: ${(e as Error)?.message ?? e}`, this.url);
      // A failure never replaces what is shown: with a feed it only marks it stale.
      if (this.current.feed) this.set({ error, stale: true, revalidating: false });
      else this.set({ status: 'error', error, revalidating: false });
    }
  }

  private showPages(pages: Article[][], head: Feed, extra: Partial<FeedState>) {
    this.pages = pages;
    // One page has no repeats (the parser keeps the first of an id): no pass over 100,000 items for nothing.
    let items: Article[] = pages[0] ?? [];
    if (pages.length > 1) {
      const seen = new Set<string>();
      items = [];
      for (const page of pages) {
        for (const item of page) {
          if (!seen.has(item.id)) {
            seen.add(item.id);
            items.push(item);
          }
        }
      }
    }
    const nextUrl = this.pages.length > 1 ? this.current.feed?.nextUrl ?? null : head.nextUrl;
    const feed: Feed = { ...head, nextUrl, items };
    this.visited.add(this.url);
    this.set({
      status: 'ready',
      feed,
      error: extra.stale ? this.current.error : null,
      hasMore: !!nextUrl && !this.visited.has(nextUrl),
      revalidating: false,
      ...extra,
    });
  }

  private async runLoadMore(): Promise<number> {
    await this.load();
    const feed = this.current.feed;
    const next = feed?.nextUrl;
    if (!feed || !next) return 0;
    if (this.visited.has(next)) {
      console.warn(`bantin: next_url ${next} was already loaded; stopping to avoid a loop.`);
      this.set({ hasMore: false });
      return 0;
    }
    this.set({ loadingMore: true });
    try {
      const body = await fetchFeedBody(next, {}, this.timeoutMs);
      const lastOrder = feed.items.reduce((max, a) => Math.max(max, a.order), -1);
      const read = await readFeedBody(body, next, { timeZone: this.timeZone, orderOffset: lastOrder + 1 }, { hash: false });
      // Never "unchanged": no hash was asked for.
      const { feed: page, skipped } = (read as Extract<BodyRead, { unchanged: false }>).result;
      if (skipped.length) reportSkipped(next, skipped);
      this.visited.add(next);
      const known = new Set(feed.items.map((a) => a.id));
      const added = page.items.filter((a) => !known.has(a.id));
      this.pages = [...this.pages, added];
      const nextUrl = page.nextUrl;
      const loop = !!nextUrl && this.visited.has(nextUrl);
      if (loop) console.warn(`bantin: next_url ${nextUrl} was already loaded; stopping to avoid a loop.`);
      this.set({
        feed: { ...feed, nextUrl, items: [...feed.items, ...added] },
        hasMore: !!nextUrl && !loop,
        loadingMore: false,
        // An earlier failed page is forgotten; a failed revalidation still marks the feed stale.
        error: this.current.stale ? this.current.error : null,
        skipped: [...this.current.skipped, ...skipped],
      });
      return added.length;
    } catch (e) {
      const error = e instanceof FeedError ? e : new FeedError('network', String(e), next);
      this.set({ loadingMore: false, error });
      return 0;
    }
  }
}

const reportedUncached = new Set<string>();
/** A feed IndexedDB would not take (a full disk): said once per feed, with the reason. */
function reportUncached(url: string, error: unknown) {
  if (reportedUncached.has(url)) return;
  reportedUncached.add(url);
  console.warn(`bantin: ${url} could not be cached in IndexedDB (${describeError(error)}); it is kept in memory for this page only.`);
}

const reportedSkips = new Set<string>();
function reportSkipped(url: string, skipped: SkippedItem[]) {
  const key = `${url} ${skipped.length}`;
  if (reportedSkips.has(key)) return;
  reportedSkips.add(key);
  const list = skipped
    .slice(0, 10)
    .map((s) => `#${s.index}${s.id ? ` (${s.id})` : ''}: ${s.reason}`)
    .join('; ');
  console.warn(`bantin: ${skipped.length} item(s) of ${url} skipped: ${list}${skipped.length > 10 ? '; …' : ''}`);
}
