import type { Article, Feed } from '../../feed/types.js';
import type { Searcher, SearchOptions, SearchResults } from '../engine.js';
import type { ArchiveSource } from './engine.js';
import { fetchManifest } from './files.js';
import type { ArchiveManifest } from './format.js';

/**
 * The page's side of an archive search: reads the index's manifest, picks
 * the loaded feed's articles the index does not hold yet, starts the archive
 * engine (in the search worker, else on the page), and falls back to the
 * search of the loaded feed, with one console warning, whenever the index
 * cannot be used: missing, of another format, or a file of it broken.
 */

/**
 * The loaded articles newer than the index: not among its first ids, and
 * published after its newest article (or at that instant but not among its
 * ids); an undated one when it stands above every article the index holds.
 */
export function newerThanIndex(items: readonly Article[], recent: ArchiveManifest['recent']): Article[] {
  const ids = new Set(recent.ids);
  const newest = recent.newest === null ? null : Date.parse(recent.newest);
  const out: Article[] = [];
  let below = false;
  for (const a of items) {
    const fresh = ids.has(a.id) ? false : a.published && newest !== null ? a.published.getTime() >= newest : !below;
    if (fresh) out.push(a);
    else below = true;
  }
  return out;
}

const warned = new Set<string>();

function warnOnce(folder: string, e: Error) {
  if (warned.has(folder)) return;
  warned.add(folder);
  console.warn(`bantin: the search index ${folder} cannot be used (${e.message}); searching the loaded feed instead.`);
}

const isArchiveError = (e: unknown) => (e as Error)?.name === 'ArchiveError';

/** An archive search that turns into the search of the loaded feed the first time the index fails. */
export class ArchiveSearcher implements Searcher {
  private fallback: Promise<Searcher> | null = null;
  readonly lastTimings = { match: 0, prepare: 0, fuse: 0 };

  constructor(
    readonly primary: Searcher,
    private readonly folder: string,
    private readonly today: () => Promise<Searcher>,
  ) {}

  get thread() {
    return this.primary.thread;
  }

  get stats() {
    return this.primary.stats;
  }

  /** True once the index failed and the loaded feed is searched instead. */
  get fellBack(): boolean {
    return this.fallback !== null;
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResults> {
    if (!this.fallback) {
      try {
        const results = await this.primary.search(query, options);
        Object.assign(this.lastTimings, this.primary.lastTimings);
        return results;
      } catch (e) {
        if (!isArchiveError(e)) throw e;
        warnOnce(this.folder, e as Error);
        this.fallback = this.today();
      }
    }
    return (await this.fallback).search(query, options);
  }

  warmUp(signal?: AbortSignal): Promise<void> {
    return this.primary.warmUp(signal);
  }

  clearCaches() {
    this.primary.clearCaches();
  }

  drop() {
    (this.primary as Searcher & { drop?(): void }).drop?.();
  }
}

/** The search of a feed through the archive index in `folder` (see `searchFor`). */
export async function archiveSearchFor(
  feed: Feed,
  folder: string,
  signal: AbortSignal,
  how: {
    /** The search of the loaded feed alone: what a failed index falls back to. */
    today: () => Promise<Searcher>;
    /** Starts the archive engine (in the worker, else on the page). */
    start: (fresh: Article[], archive: ArchiveSource) => Promise<Searcher>;
  },
): Promise<Searcher> {
  let manifest: ArchiveManifest;
  try {
    manifest = await fetchManifest(folder, signal);
  } catch (e) {
    if (!isArchiveError(e)) throw e;
    warnOnce(folder, e as Error);
    return how.today();
  }
  const fresh = newerThanIndex(feed.items, manifest.recent);
  return new ArchiveSearcher(await how.start(fresh, { folder, manifest }), folder, how.today);
}
