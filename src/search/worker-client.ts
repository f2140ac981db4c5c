/**
 * Search off the main thread: the page hands a worker the searchable text of
 * a feed's items once, then each keystroke is one small message each way.
 * Where no worker can start (a Content-Security-Policy, an old browser, a
 * script that fails to load), the same engine runs on the page instead.
 */
import type { Article, Feed } from '../feed/types.js';
import type { EngineStats, SearchEngine, SearchHit, SearchItem, SearchOptions, SearchResults } from './engine.js';
import { PerFeed } from './per-feed.js';
import { spawnWorker, workerScript, type WorkerScript } from '../shared/workers.js';
import { TimeSlicer } from './yield.js';
import type { ArchiveSource } from './archive/engine.js';
import type { ArchiveManifest } from './archive/format.js';

export { spawnWorker, type WorkerScript };

/** What a search box needs of a search, wherever it runs. */
export interface Searcher {
  /** `worker`: the index lives in a worker; `page`: on the main thread. */
  readonly thread: 'worker' | 'page';
  readonly stats: EngineStats;
  /** Milliseconds of the phases of the last query computed (benchmarks). */
  readonly lastTimings: { match: number; prepare: number; fuse: number };
  search(query: string, options?: SearchOptions): Promise<SearchResults>;
  /** Runs a few searches no one sees, so the first real ones do not pay for compiling the search code. */
  warmUp(signal?: AbortSignal): Promise<void>;
  /** Forgets remembered results and prepared text (benchmarks). */
  clearCaches(): void;
}

type Timings = Searcher['lastTimings'];
/** A hit as the worker sends it: the page has its articles, except those of an archive index, which come along. */
type WireHit = Omit<SearchHit<SearchItem>, 'article'> & { article?: Article };

/** Messages to the worker. `seq` numbers a request; its answer carries the same. */
export type ToWorker =
  | { type: 'items'; id: number; items: SearchItem[] }
  | { type: 'build'; id: number; seq: number; url: string | null; version: string }
  | { type: 'archive'; id: number; seq: number; folder: string; manifest: ArchiveManifest }
  | { type: 'search'; id: number; seq: number; query: string; options: Omit<SearchOptions, 'signal'> }
  | { type: 'cancel'; seq: number }
  | { type: 'warm'; id: number; seq: number }
  | { type: 'clear'; id: number }
  | { type: 'drop'; id: number };

/** Messages from the worker. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'built'; id: number; seq: number; stats: EngineStats }
  | { type: 'results'; id: number; seq: number; results: { query: string; total: number; offset: number; hits: WireHit[] }; timings: Timings }
  | { type: 'done'; id: number; seq: number }
  | { type: 'error'; id: number; seq: number; name: string; message: string };

/** Items per `items` message: copying them is main-thread work, kept to short tasks. */
const ITEMS_PER_MESSAGE = 100;

/** The search worker (fuse.js included), in the form bundlers follow; see `workerScript`. */
const startWorker = () => new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });

/** A started worker: routes answers to the requests that asked. */
export class WorkerPort {
  private seq = 0;
  private readonly pending = new Map<number, { resolve: (m: FromWorker) => void; reject: (e: Error) => void }>();
  /** Set once the worker failed: requests then reject at once, and searches run on the page. */
  failed: Error | null = null;

  constructor(readonly worker: globalThis.Worker) {
    worker.addEventListener('message', (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (!('seq' in m)) return;
      const waiting = this.pending.get(m.seq);
      if (!waiting) return;
      this.pending.delete(m.seq);
      if (m.type !== 'error') waiting.resolve(m);
      // An aborted search, or an archive index that failed (the page falls back to the loaded feed): the worker is fine.
      else if (m.name === 'AbortError' || m.name === 'ArchiveError') waiting.reject(Object.assign(new Error(m.message), { name: m.name }));
      else {
        // The worker cannot do what the page can (a chunk of it failed to load): the page takes over.
        waiting.reject(new Error(m.message));
        this.retire(new Error(`the search worker could not search (${m.name}: ${m.message})`));
      }
    });
    const fail = (e: Event) => {
      e.preventDefault();
      this.retire(new Error(`the search worker failed${(e as ErrorEvent).message ? `: ${(e as ErrorEvent).message}` : ''}`));
    };
    worker.addEventListener('error', fail);
    worker.addEventListener('messageerror', fail);
  }

  /**
   * Gives up on the worker: it died, or it answered with an error (one of its chunks did not
   * load, say). Whatever it was asking is asked again on the page; one console warning says why.
   */
  retire(reason: Error) {
    if (this.failed) return;
    this.failed = reason;
    console.warn(`bantin: ${reason.message}; searching on the page instead.`);
    for (const { reject } of this.pending.values()) reject(reason);
    this.pending.clear();
    this.worker.terminate();
  }

  post(m: ToWorker) {
    this.worker.postMessage(m);
  }

  /** Sends a request and waits for its answer; aborting sends `cancel` and rejects at once. */
  request<M extends FromWorker>(make: (seq: number) => ToWorker, signal?: AbortSignal): Promise<M> {
    if (this.failed) return Promise.reject(this.failed);
    signal?.throwIfAborted();
    const seq = ++this.seq;
    return new Promise<M>((resolve, reject) => {
      const onAbort = () => {
        this.pending.delete(seq);
        this.post({ type: 'cancel', seq });
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(seq, {
        resolve: (m) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(m as M);
        },
        reject: (e) => {
          signal?.removeEventListener('abort', onAbort);
          reject(e);
        },
      });
      this.post(make(seq));
    });
  }
}

let started: Promise<WorkerPort | null> | null = null;

/**
 * The page's search worker, started on first call; null where none can start.
 * Every feed's index lives in this one worker.
 */
export function searchWorker(script: WorkerScript = workerScript(startWorker)): Promise<WorkerPort | null> {
  started ??= new Promise<WorkerPort | null>((resolve) => {
    let worker: globalThis.Worker;
    try {
      worker = spawnWorker(script);
    } catch (e) {
      console.warn(`bantin: the search worker cannot start here (${(e as Error)?.message ?? e}); searching on the page instead.`);
      resolve(null);
      return;
    }
    const done = (port: WorkerPort | null) => {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      if (!port) worker.terminate();
      resolve(port);
    };
    const onMessage = (e: MessageEvent<FromWorker>) => {
      if (e.data?.type === 'ready') done(new WorkerPort(worker));
    };
    const onError = (e: Event) => {
      e.preventDefault();
      console.warn(`bantin: the search worker ${script.url.href} did not start (its script or one of its chunks failed to load); searching on the page instead.`);
      done(null);
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
  });
  return started;
}

/** Forgets the page's worker (tests): the next search starts a new one. */
export function resetSearchWorker() {
  void started?.then((port) => port?.worker.terminate());
  started = null;
}

/** What the worker gets of an article: the fields the engine reads, and of the body only the form it reads. */
export const searchTextOf = (a: Article): SearchItem => ({
  title: a.title,
  summary: a.summary,
  category: a.category,
  contentText: a.contentText,
  contentHtml: a.contentText == null ? a.contentHtml : null,
});

let ids = 0;

/** A feed's index in the worker; answers carry article numbers, turned back into the page's articles here. */
export class WorkerSearchEngine implements Searcher {
  readonly thread = 'worker' as const;
  readonly lastTimings: Timings = { match: 0, prepare: 0, fuse: 0 };
  /** The engine on the page, once the worker failed after the index was built. */
  private fallback: Promise<SearchEngine> | null = null;

  private constructor(
    private readonly port: WorkerPort,
    readonly id: number,
    readonly items: readonly Article[],
    readonly stats: EngineStats,
    private readonly source: { url?: string; version: string; archive?: ArchiveSource },
  ) {}

  /** With `archive`: the items are the loaded feed's articles newer than that index, searched with it. */
  static async create(
    port: WorkerPort,
    items: readonly Article[],
    options: { url?: string; version: string; signal?: AbortSignal; archive?: ArchiveSource },
  ): Promise<WorkerSearchEngine> {
    const t0 = performance.now();
    const id = ++ids;
    const slicer = new TimeSlicer(options.signal);
    try {
      for (let i = 0; i < items.length; i += ITEMS_PER_MESSAGE) {
        port.post({ type: 'items', id, items: items.slice(i, i + ITEMS_PER_MESSAGE).map(searchTextOf) });
        await slicer.tick();
      }
      const { archive } = options;
      const built = await port.request<Extract<FromWorker, { type: 'built' }>>(
        (seq) =>
          archive
            ? { type: 'archive', id, seq, folder: archive.folder, manifest: archive.manifest }
            : { type: 'build', id, seq, url: options.url ?? null, version: options.version },
        options.signal,
      );
      return new WorkerSearchEngine(port, id, items, { ...built.stats, ms: performance.now() - t0 }, { url: options.url, version: options.version, archive });
    } catch (e) {
      port.post({ type: 'drop', id });
      throw e;
    }
  }

  /** The same engine on the page: what a search falls back to once the worker failed. */
  private inPage(): Promise<SearchEngine> {
    const { archive } = this.source;
    return (this.fallback ??= archive
      ? import('./archive/engine.js').then((m) => m.ArchiveEngine.open(this.items, archive))
      : import('./engine.js').then((m) => m.SearchEngine.create(this.items, this.source)));
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResults> {
    if (this.port.failed) return (await this.inPage()).search(query, options);
    const { signal, ...rest } = options;
    let m: Extract<FromWorker, { type: 'results' }>;
    try {
      m = await this.port.request((seq) => ({ type: 'search', id: this.id, seq, query, options: rest }), signal);
    } catch (e) {
      // The worker died during this search: answer it on the page.
      if (this.port.failed && !signal?.aborted) return (await this.inPage()).search(query, options);
      throw e;
    }
    Object.assign(this.lastTimings, m.timings);
    const { hits, ...results } = m.results;
    return { ...results, hits: hits.map((h) => ({ ...h, article: h.article ?? this.items[h.doc] })) };
  }

  async warmUp(signal?: AbortSignal): Promise<void> {
    if (this.port.failed) return;
    await this.port.request((seq) => ({ type: 'warm', id: this.id, seq }), signal);
  }

  clearCaches() {
    if (!this.port.failed) this.port.post({ type: 'clear', id: this.id });
  }

  /** Frees the index in the worker (a newer version of the feed replaced it). */
  drop() {
    if (!this.port.failed) this.port.post({ type: 'drop', id: this.id });
  }
}

const shared = new PerFeed<Searcher>((old) => void old.then((s) => s instanceof WorkerSearchEngine && s.drop(), () => {}));

/**
 * The page-wide search of a feed: in the page's search worker when one can
 * start, else on the main thread. Every search box naming the same feed
 * shares one index. (`searchThroughIndex` searches a whole archive.)
 */
export function searchFor(feed: Feed): Promise<Searcher> {
  return shared.get(feed, (version, signal) =>
    workerOrPage(
      signal,
      (port) => WorkerSearchEngine.create(port, feed.items, { url: feed.url, version, signal }),
      () => import('./engine.js').then((m) => m.SearchEngine.create(feed.items, { url: feed.url, version, signal })),
    ),
  );
}

/** A searcher in the page's search worker when one can start, else on the main thread. */
export async function workerOrPage(
  signal: AbortSignal,
  inWorker: (port: WorkerPort) => Promise<Searcher>,
  onPage: () => Promise<Searcher>,
): Promise<Searcher> {
  const port = await searchWorker();
  signal.throwIfAborted();
  if (port && !port.failed) {
    try {
      return await inWorker(port);
    } catch (e) {
      // A worker that died while indexing leaves the page to do it.
      if (!port.failed) throw e;
    }
  }
  return onPage();
}
