import { openKV, type KV } from '../shared/kv.js';
import type { Article, Feed } from './types.js';
import { CHUNK_BYTES, eachChunkOfItems } from './chunk.js';
import { whenIdle, yieldToMain } from '../shared/threads.js';

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
export { CHUNK_BYTES, chunkItems } from './chunk.js';

const ORPHAN_AFTER_MS = 3_600_000;

const metaKey = (url: string) => `m:${url}`;
const chunkKey = (url: string, gen: string, n: number) => `c:${url}#${gen}#${n}`;

/** Attempts at reading a copy that another tab keeps replacing under us. */
const READ_ATTEMPTS = 5;

/**
 * Feeds in IndexedDB, split into ~1 MB records written one transaction at a
 * time, so neither a write nor a read of a 25 MB feed blocks the page.
 *
 * Safe across tabs: chunk records are immutable, keyed by a generation; a
 * write lands in a new generation and then switches the meta record in one
 * readwrite transaction that also reads what it replaces (so a `touch()` in
 * another tab can never point the meta record back at a generation whose
 * chunks are gone). A read that finds chunks missing re-reads the meta record
 * and reads the new copy: a reader gets the previous complete copy or the new
 * one, never a mix. A write that fails (a full disk) removes what it wrote at once.
 */
export class FeedCache {
  private evicted = false;

  constructor(
    readonly kv: KV = openKV('bantin-feeds'),
    private readonly now: () => number = Date.now,
    /** Record size; tests make it small to span several records with little data. */
    private readonly chunkBytes = CHUNK_BYTES,
  ) {}

  async read(url: string): Promise<CachedFeed | null> {
    let meta = await this.kv.get<Meta>(metaKey(url));
    for (let attempt = 0; meta && meta.v === 1 && attempt < READ_ATTEMPTS; attempt++) {
      const items = await this.readChunks(url, meta);
      if (items) return this.opened(url, meta, items);
      // Chunks gone: another tab replaced this copy while we read it. Read the new one.
      const again = await this.kv.get<Meta>(metaKey(url));
      if (!again || again.gen === meta.gen) return null;
      meta = again;
    }
    return null;
  }

  private async readChunks(url: string, meta: Meta): Promise<Article[] | null> {
    const items: Article[] = [];
    for (let n = 0; n < meta.chunks; n++) {
      const chunk = await this.kv.get<Article[]>(chunkKey(url, meta.gen, n));
      if (!Array.isArray(chunk)) return null;
      for (const item of chunk) items.push(item);
    }
    // Reading the last record and showing the feed are separate tasks.
    await yieldToMain();
    return items;
  }

  private async opened(url: string, meta: Meta, items: Article[]): Promise<CachedFeed> {
    const now = this.now();
    if (now - meta.usedAt > DAY_MS) {
      // Only the use time changes, on whatever copy is live by then.
      await this.kv.update<Meta>(metaKey(url), (m) => (m ? { ...m, usedAt: now } : undefined)).catch(() => {});
    }
    this.scheduleEviction();
    const { feed, etag, lastModified, hash, fetchedAt } = meta;
    return { feed: { ...feed, items }, etag, lastModified, hash, fetchedAt };
  }

  async write(entry: CachedFeed): Promise<void> {
    const url = entry.feed.url;
    const gen = `${this.now().toString(36)}.${Math.random().toString(36).slice(2, 6)}`;
    // The caller has usually just shown this feed: storing it starts in a task of its own.
    await yieldToMain();
    const { items, ...feed } = entry.feed;
    let written = 0;
    let old: Meta | undefined;
    try {
      // Each record is sized just before it is stored: no pass over 100,000 items in one task.
      for (const chunk of eachChunkOfItems(items, this.chunkBytes)) {
        await this.kv.set(chunkKey(url, gen, written++), chunk);
      }
      const meta: Meta = {
        v: 1,
        feed,
        etag: entry.etag,
        lastModified: entry.lastModified,
        hash: entry.hash,
        fetchedAt: entry.fetchedAt,
        gen,
        chunks: written,
        usedAt: this.now(),
      };
      old = await this.kv.update<Meta>(metaKey(url), () => meta);
    } catch (e) {
      // A full disk, a closed tab: what this write put down goes now, not at the hourly sweep.
      await this.deleteChunks(url, gen, written).catch(() => {});
      throw e;
    }
    if (old && old.gen !== gen) await this.deleteChunks(url, old.gen, old.chunks);
  }

  /** Records that the network confirmed the cached copy (a 304, or the same body). */
  async touch(url: string, fields: Pick<CachedFeed, 'fetchedAt' | 'etag' | 'lastModified'>): Promise<void> {
    await this.kv.update<Meta>(metaKey(url), (meta) =>
      meta
        ? {
            ...meta,
            fetchedAt: fields.fetchedAt,
            etag: fields.etag ?? meta.etag,
            lastModified: fields.lastModified ?? meta.lastModified,
            usedAt: this.now(),
          }
        : undefined,
    );
  }

  async remove(url: string): Promise<void> {
    const meta = await this.kv.update<Meta>(metaKey(url), () => undefined);
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
      // Decided inside the transaction: a tab that just wrote or used this feed keeps it.
      let gone: Meta | undefined;
      const meta = await this.kv.update<Meta>(key, (m) => {
        gone = !m || m.usedAt < cutoff ? m : undefined;
        return gone || !m ? undefined : m;
      });
      if (!meta || gone) {
        if (gone) await this.deleteChunks(url, gone.gen, gone.chunks);
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
    whenIdle(() => void this.evict().catch(() => {}), 10_000, 2000);
  }
}
