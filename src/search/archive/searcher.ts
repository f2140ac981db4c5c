import type { Article, Feed } from '../../feed/types.js';
import type { SearchOptions, SearchResults } from '../engine.js';
import { PerFeed } from '../per-feed.js';
import { searchFor, workerOrPage, WorkerSearchEngine, type Searcher } from '../worker-client.js';
import { fetchManifest } from './manifest.js';
import { indexFolder } from './folder.js';
import type { ArchiveManifest } from './manifest.js';

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

/** How long after a failed look at a rebuilt index's manifest the reader looks again. */
const SECOND_LOOK_MS = 250;

/**
 * An archive search. When the index fails, its manifest is read again: a
 * rebuilt index (another version; its files replaced those of the manifest
 * this page read) is opened and the search asked again; otherwise the search
 * turns into the search of the loaded feed.
 */
export class ArchiveSearcher implements Searcher {
  private fallback: Promise<Searcher> | null = null;
  private reopening: Promise<Searcher | null> | null = null;
  readonly lastTimings = { match: 0, prepare: 0, fuse: 0 };

  constructor(
    public primary: Searcher,
    private readonly folder: string,
    private readonly version: string,
    private readonly how: {
      today: () => Promise<Searcher>;
      /** The engine over this manifest (the index rebuilt); null when the manifest is the same. */
      reopen: (version: string) => Promise<Searcher | null>;
    },
  ) {}

  get thread() {
    return this.primary.thread;
  }

  get stats() {
    return this.primary.stats;
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResults> {
    if (!this.fallback) {
      // The engine this search asks: another may have replaced it by the time it fails.
      const used = this.primary;
      try {
        const results = await used.search(query, options);
        Object.assign(this.lastTimings, used.lastTimings);
        return results;
      } catch (e) {
        if (!isArchiveError(e)) throw e;
        // Every search failing meanwhile waits for the same second look. A rebuild swaps the
        // folder by two renames: a look that falls between them finds no index.json, so one
        // more, a moment later, before giving up on the index.
        const look = () => this.how.reopen(this.version);
        const next = await (this.reopening ??= look()
          .catch(() => new Promise((r) => setTimeout(r, SECOND_LOOK_MS)).then(look))
          .catch(() => null));
        if (next && next !== used) {
          if (this.primary === used) {
            this.drop();
            this.primary = next;
          }
          return this.search(query, options);
        }
        warnOnce(this.folder, e as Error);
        this.fallback ??= this.how.today();
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
    if (this.primary instanceof WorkerSearchEngine) this.primary.drop();
  }
}

/** Archive searchers, per index folder: each a page-wide one per feed, as `searchFor` keeps them. */
const perFolder = new Map<string, PerFeed<Searcher>>();

/**
 * The page-wide search of a feed through the archive index in `index` (the
 * folder `bantin-index` wrote, resolved against the feed's URL): the whole
 * archive, together with the feed's articles newer than the index; where the
 * index cannot be used, the feed alone (`searchFor`), with one console warning.
 */
export function searchThroughIndex(feed: Feed, index: string): Promise<Searcher> {
  const folder = indexFolder(index, feed.url);
  let perFeed = perFolder.get(folder);
  if (!perFeed) perFolder.set(folder, (perFeed = new PerFeed<Searcher>((old) => void old.then((s) => (s as ArchiveSearcher).drop?.(), () => {}))));
  return perFeed.get(feed, async (version, signal) => {
    const today = () => searchFor(feed);
    const open = (manifest: ArchiveManifest) => {
      const fresh = newerThanIndex(feed.items, manifest.recent);
      const archive = { folder, manifest };
      return workerOrPage(
        signal,
        (port) => WorkerSearchEngine.create(port, fresh, { version, signal, archive }),
        () => import('./engine.js').then((m) => m.ArchiveEngine.open(fresh, archive, signal)),
      );
    };
    let manifest: ArchiveManifest;
    try {
      manifest = await fetchManifest(folder, signal);
    } catch (e) {
      if (!isArchiveError(e)) throw e;
      warnOnce(folder, e as Error);
      return today();
    }
    const reopen = async (old: string) => {
      const next = await fetchManifest(folder);
      return next.version === old ? null : open(next);
    };
    return new ArchiveSearcher(await open(manifest), folder, manifest.version, { today, reopen });
  });
}
