/**
 * The search worker: builds (or reads) the index and answers queries off the
 * page's main thread, so a keystroke costs the page its rendering and little
 * else. It speaks the messages of `worker-client.ts`; the engine is the same
 * `SearchEngine` the page runs when no worker can start.
 */
import type { Article } from '../feed/types.js';
import { SearchEngine, type SearchItem } from './engine.js';
import { loadFuse } from './fuse.js';
import type { FromWorker, ToWorker } from './worker-client.js';

interface Slot {
  items: SearchItem[];
  engine?: Promise<SearchEngine<SearchItem>>;
  build?: AbortController;
}

const scope = self as unknown as {
  postMessage(message: FromWorker): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
};
const slots = new Map<number, Slot>();
/** Searches still running, by request number: a `cancel` aborts one. */
const running = new Map<number, AbortController>();

const slot = (id: number) => {
  let s = slots.get(id);
  if (!s) slots.set(id, (s = { items: [] }));
  return s;
};

const failure = (id: number, seq: number, e: unknown): FromWorker => ({
  type: 'error',
  id,
  seq,
  name: (e as Error)?.name ?? 'Error',
  message: (e as Error)?.message ?? String(e),
});

async function engineOf(id: number): Promise<SearchEngine<SearchItem>> {
  const engine = slots.get(id)?.engine;
  if (!engine) throw new Error(`bantin search worker: no index ${id}`);
  return engine;
}

/** Builds (or reads) a slot's engine and answers `built` with its stats. */
async function start(id: number, seq: number, make: (signal: AbortSignal) => Promise<SearchEngine<SearchItem>>) {
  const s = slot(id);
  s.build = new AbortController();
  s.engine = make(s.build.signal);
  try {
    scope.postMessage({ type: 'built', id, seq, stats: (await s.engine).stats });
  } catch (e) {
    scope.postMessage(failure(id, seq, e));
  }
}

async function handle(m: ToWorker) {
  switch (m.type) {
    case 'items':
      slot(m.id).items.push(...m.items);
      return;
    case 'build':
      return start(m.id, m.seq, (signal) => SearchEngine.create(slot(m.id).items, { url: m.url ?? undefined, version: m.version, signal }));
    case 'archive':
      // Only pages with an archive index fetch its reader.
      return start(m.id, m.seq, (signal) =>
        import('./archive/engine.js').then((a) => a.ArchiveEngine.open(slot(m.id).items, { folder: m.folder, manifest: m.manifest }, signal)),
      );
    case 'search': {
      const abort = new AbortController();
      running.set(m.seq, abort);
      try {
        const engine = await engineOf(m.id);
        const { query, total, offset, hits } = await engine.search(m.query, { ...m.options, signal: abort.signal });
        scope.postMessage({
          type: 'results',
          id: m.id,
          seq: m.seq,
          // The page has the articles: a hit travels as its number, title and excerpt. An
          // archive's articles (they have an id: the page's items come here without one) come along.
          results: {
            query,
            total,
            offset,
            hits: hits.map(({ doc, title, excerpt, exact, article }) => ({ doc, title, excerpt, exact, ...('id' in article ? { article: article as Article } : {}) })),
          },
          timings: { ...engine.lastTimings },
        });
      } catch (e) {
        scope.postMessage(failure(m.id, m.seq, e));
      } finally {
        running.delete(m.seq);
      }
      return;
    }
    case 'cancel':
      running.get(m.seq)?.abort();
      return;
    case 'warm':
      try {
        await (await engineOf(m.id)).warmUp();
        scope.postMessage({ type: 'done', id: m.id, seq: m.seq });
      } catch (e) {
        scope.postMessage(failure(m.id, m.seq, e));
      }
      return;
    case 'clear':
      (await engineOf(m.id).catch(() => null))?.clearCaches();
      return;
    case 'drop': {
      const s = slots.get(m.id);
      s?.build?.abort();
      slots.delete(m.id);
      return;
    }
  }
}

scope.onmessage = (e) => void handle(e.data);
// The worker starts when a search box is first used: fetch fuse.js now, not on the first key.
void loadFuse().catch(() => {});
scope.postMessage({ type: 'ready' });
