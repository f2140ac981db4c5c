import { openKV, type KV } from './kv.js';
import type { Article, Feed } from './types.js';

/** What the cache remembers of one feed URL besides its items. */
export interface CachedFeed {
  feed: Feed;
  etag: string | null;
  lastModified: string | null;
  /** Hash of the body, where the server gives neither ETag nor Last-Modified. */
  hash: string | null;
  /** When the network last confirmed this copy (ms since epoch). */
  fetchedAt: number;
}

interface Meta extends Omit<CachedFeed, 'feed'> {
  v: 1;
  feed: Omit<Feed, 'items'>;
  /** Generation of the chunk records; a new write never touches the live one. */
  gen: string;
  chunks: number;
  usedAt: number;
}

export const DAY_MS = 86_400_000;
/** Cached feeds not read for this long are deleted. */
export const EVICT_AFTER_MS = 30 * DAY_MS;
/**
 * About 1 MB a record: measured in Chromium, one 10 MB record blocks the main
 * thread 55–120 ms on write or first read; 1 MB records stay well under 50 ms.
 */
export const CHUNK_BYTES = 1_000_000;

const ORPHAN_AFTER_MS = 3_600_000;

const metaKey = (url: string) => `m:${url}`;
const chunkKey = (url: string, gen: string, n: number) => `c:${url}#${gen}#${n}`;

/** Rough in-memory size of an item: strings dominate and cost 2 bytes a code unit at most. */
function itemBytes(a: Article): number {
  let n = 200;
  for (const s of [a.id, a.url, a.title, a.summary, a.contentHtml, a.contentText, a.image, a.category]) {
    if (s) n += s.length * 2;
  }
  for (const t of a.tags) n += t.length * 2;
  return n + a.attachments.length * 200;
}

export function chunkItems(items: Article[], maxBytes = CHUNK_BYTES): Article[][] {
  return chunkBy(items, itemBytes, maxBytes);
}

/** Splits a list into runs of about `maxBytes`, by each entry's estimated size; never an empty list of runs. */
export function chunkBy<T>(items: readonly T[], bytes: (item: T) => number, maxBytes = CHUNK_BYTES): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const b = bytes(item);
    if (current.length && size + b > maxBytes) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += b;
  }
  if (current.length || !chunks.length) chunks.push(current);
  return chunks;
}

/**
 * Feeds in IndexedDB, split into ~1 MB records written one transaction at a
 * time, so neither a write nor a read of a 25 MB feed blocks the page. A write
 * lands in a new generation and switches the meta record last: a write that
 * fails halfway leaves the previous copy readable.
 */
export class FeedCache {
  private evicted = false;

  constructor(
    readonly kv: KV = openKV('bantin-feeds'),
    private readonly now: () => number = Date.now,
  ) {}

  async read(url: string): Promise<CachedFeed | null> {
    const meta = await this.kv.get<Meta>(metaKey(url));
    if (!meta || meta.v !== 1) return null;
    const items: Article[] = [];
    for (let n = 0; n < meta.chunks; n++) {
      const chunk = await this.kv.get<Article[]>(chunkKey(url, meta.gen, n));
      if (!Array.isArray(chunk)) return null;
      for (const item of chunk) items.push(item);
    }
    const now = this.now();
    if (now - meta.usedAt > DAY_MS) {
      await this.kv.set(metaKey(url), { ...meta, usedAt: now });
    }
    this.scheduleEviction();
    const { feed, etag, lastModified, hash, fetchedAt } = meta;
    return { feed: { ...feed, items }, etag, lastModified, hash, fetchedAt };
  }

  async write(entry: CachedFeed): Promise<void> {
    const url = entry.feed.url;
    const old = await this.kv.get<Meta>(metaKey(url));
    const gen = `${this.now().toString(36)}.${Math.random().toString(36).slice(2, 6)}`;
    const chunks = chunkItems(entry.feed.items);
    for (let n = 0; n < chunks.length; n++) {
      await this.kv.set(chunkKey(url, gen, n), chunks[n]);
    }
    const { items: _items, ...feed } = entry.feed;
    const meta: Meta = {
      v: 1,
      feed,
      etag: entry.etag,
      lastModified: entry.lastModified,
      hash: entry.hash,
      fetchedAt: entry.fetchedAt,
      gen,
      chunks: chunks.length,
      usedAt: this.now(),
    };
    await this.kv.set(metaKey(url), meta);
    if (old && old.gen !== gen) await this.deleteChunks(url, old.gen, old.chunks);
  }

  /** Records that the network confirmed the cached copy (a 304, or the same body). */
  async touch(url: string, fields: Pick<CachedFeed, 'fetchedAt' | 'etag' | 'lastModified'>): Promise<void> {
    const meta = await this.kv.get<Meta>(metaKey(url));
    if (!meta) return;
    await this.kv.set(metaKey(url), {
      ...meta,
      fetchedAt: fields.fetchedAt,
      etag: fields.etag ?? meta.etag,
      lastModified: fields.lastModified ?? meta.lastModified,
      usedAt: this.now(),
    });
  }

  async remove(url: string): Promise<void> {
    const meta = await this.kv.get<Meta>(metaKey(url));
    await this.kv.del(metaKey(url));
    if (meta) await this.deleteChunks(url, meta.gen, meta.chunks);
  }

  private async deleteChunks(url: string, gen: string, count: number) {
    for (let n = 0; n < count; n++) await this.kv.del(chunkKey(url, gen, n));
  }

  /** Deletes feeds unused for 30 days, and old chunks no meta record points to. */
  async evict(): Promise<string[]> {
    const all = await this.kv.keys();
    const live = new Set<string>();
    const removed: string[] = [];
    const cutoff = this.now() - EVICT_AFTER_MS;
    for (const key of all) {
      if (!key.startsWith('m:')) continue;
      const url = key.slice(2);
      const meta = await this.kv.get<Meta>(key);
      if (!meta || meta.usedAt < cutoff) {
        await this.remove(url);
        removed.push(url);
      } else {
        for (let n = 0; n < meta.chunks; n++) live.add(chunkKey(url, meta.gen, n));
      }
    }
    // An unreferenced chunk may belong to a write still in progress (here or in
    // another tab): only chunks whose generation is an hour old are orphans.
    const orphanBefore = this.now() - ORPHAN_AFTER_MS;
    for (const key of all) {
      if (!key.startsWith('c:') || live.has(key)) continue;
      const born = parseInt(key.split('#').at(-2)?.split('.')[0] ?? '', 36);
      if (!(born > orphanBefore)) await this.kv.del(key);
    }
    return removed;
  }

  private scheduleEviction() {
    if (this.evicted) return;
    this.evicted = true;
    const run = () => void this.evict().catch(() => {});
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 10_000 });
    else setTimeout(run, 2000);
  }
}
