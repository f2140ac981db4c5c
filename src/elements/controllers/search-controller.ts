import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Feed } from '../../feed/types.js';
import type { SearchResults } from '../../search/engine.js';
import type { Searcher } from '../../search/worker-client.js';
import { whenIdle } from '../../shared/threads.js';
import { pageUrlOf } from './feed-controller.js';

/** One search to run: what was typed and which slice of the results. */
export interface SearchRequest {
  query: string;
  limit: number;
  offset: number;
  /** Characters of each excerpt; the engine's own length when absent. */
  excerptLength?: number;
}

export interface SearchOptions {
  /** The feed to search: its engine is (re)built when it changes. */
  feed(): Feed | null;
  /** The host's `index` attribute: the folder of an archive index to search through (else the page's `<meta name="bantin:search-index">`). */
  index?(): string | null;
  /** The search the host wants now, or null when there is too little typed to search. */
  request(): SearchRequest | null;
  /** The results of `query` are in (`results` holds them). */
  onResults?(query: string): void;
  /** There was nothing to search: `results` is cleared. */
  onCleared?(): void;
}

/** A module fetched on first use (a failed fetch is tried again next time). */
function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let module: Promise<T> | null = null;
  return () =>
    (module ??= load().catch((e) => {
      module = null;
      throw e;
    }));
}

/**
 * The search layer, fetched on first use, not with the page: it starts the
 * search worker, which fetches the engine and fuse.js (or runs them on the
 * page where no worker can start). With an archive index, its reader too.
 */
const loadClient = lazy(() => import('../../search/worker-client.js'));
const loadArchive = lazy(() => import('../../search/archive/searcher.js'));

/** A search slower than this shows its "searching" state; a faster one goes straight to its results. */
const BUSY_DELAY_MS = 50;

/**
 * A search box's requests: the engine for the host's feed (started on first
 * use, rebuilt for a newer feed), one search at a time (a newer one aborts the
 * older, whose results are dropped), and the busy state, shown only for a
 * search slower than a frame or two (see `shouldUpdate`).
 */
export class SearchController implements ReactiveController {
  /** The results shown: those of the last search that finished. */
  results: SearchResults | null = null;
  /** A search is pending (or waits for the engine). */
  busy = false;
  /** The engine could not start, or the last search failed. */
  failure: Error | null = null;

  private activated = false;
  private engineFeed: Feed | null = null;
  private engineIndex: string | null = null;
  private engine: Searcher | null = null;
  private seq = 0;
  private running: AbortController | null = null;
  /** When the search for the current key started, while its results are not in yet. */
  private pendingSince = 0;
  private pendingTimer: ReturnType<typeof setTimeout> | undefined;
  /** Results or a failure arrived since the last update: that update is never held back. */
  private delivered = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: SearchOptions,
  ) {
    host.addController(this);
  }

  hostUpdated() {
    this.delivered = false;
    if (this.activated && (this.options.feed() !== this.engineFeed || this.index() !== this.engineIndex)) this.useFeed();
  }

  hostDisconnected() {
    this.running?.abort();
  }

  /** First use: start the search worker and build (or read) the index. True the first time only. */
  activate(): boolean {
    if (this.activated) return false;
    this.activated = true;
    this.useFeed();
    return true;
  }

  /** The reader typed: this key's search may skip its "searching" render (see `shouldUpdate`). */
  typed() {
    this.pendingSince = performance.now();
  }

  /** Runs the host's current request; a newer call wins, an older one's results are dropped. */
  async run() {
    const seq = ++this.seq;
    this.running?.abort();
    this.running = null;
    const request = this.options.request();
    if (!request) {
      this.set({ results: null, busy: false });
      this.options.onCleared?.();
      return;
    }
    this.set({ busy: true });
    if (!this.engine) return;
    const running = (this.running = new AbortController());
    const { query, ...slice } = request;
    try {
      const results = await this.engine.search(query, { ...slice, signal: running.signal });
      if (seq !== this.seq) return;
      this.settled();
      this.set({ results, busy: false, failure: null });
      this.options.onResults?.(query);
    } catch (e) {
      if (running.signal.aborted || seq !== this.seq) return;
      this.settled();
      this.set({ busy: false, failure: e as Error });
    }
  }

  /**
   * For the host's `shouldUpdate`: a key whose results arrive within a frame
   * or two skips the in-between "searching" render (one render, one layout per
   * key instead of two). A slow search still shows its busy state after
   * BUSY_DELAY_MS.
   */
  shouldUpdate(): boolean {
    if (this.busy && this.pendingSince && !this.delivered && performance.now() - this.pendingSince < BUSY_DELAY_MS) {
      clearTimeout(this.pendingTimer);
      this.pendingTimer = setTimeout(() => this.busy && this.host.requestUpdate(), BUSY_DELAY_MS);
      return false;
    }
    return true;
  }

  private set(next: Partial<Pick<SearchController, 'results' | 'busy' | 'failure'>>) {
    if ('results' in next || 'failure' in next) this.delivered = true;
    Object.assign(this, next);
    this.host.requestUpdate();
  }

  /** The current key's search is over: no "searching" state to show for it, and no timer left to wake up for nothing. */
  private settled() {
    this.pendingSince = 0;
    clearTimeout(this.pendingTimer);
  }

  /** The archive index's folder URL, or null: search the loaded feed only. */
  private index(): string | null {
    return pageUrlOf(this.options.index?.(), 'bantin:search-index');
  }

  private useFeed() {
    const feed = this.options.feed();
    const index = this.index();
    if (!feed || (feed === this.engineFeed && index === this.engineIndex)) return;
    this.engineFeed = feed;
    this.engineIndex = index;
    const current = () => this.engineFeed === feed && this.engineIndex === index;
    (index ? loadArchive().then((m) => m.searchThroughIndex(feed, index)) : loadClient().then((m) => m.searchFor(feed))).then(
      (engine) => {
        if (!current()) return;
        const first = !this.engine;
        this.engine = engine;
        // A newer feed re-runs what is shown; the first index runs what was typed while it built.
        if (first || this.results) void this.run();
        // Nothing typed yet: warm the search code up while the reader is about to type.
        if (first && !this.options.request()) whenIdle(() => void engine.warmUp().catch(() => {}), 1000, 200);
      },
      (e: Error) => {
        if (current() && e?.name !== 'AbortError') this.set({ failure: e });
      },
    );
  }
}
