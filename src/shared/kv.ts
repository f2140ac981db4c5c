import { createStore, get, set, del, keys, type UseStore } from 'idb-keyval';
import { describeError } from './errors.js';

/** A small async key-value store: IndexedDB through idb-keyval, memory when IndexedDB fails. */
export interface KV {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  keys(): Promise<string[]>;
  /**
   * Reads and replaces one value in a single readwrite transaction, so no
   * other tab can write between the two; `updater` returning undefined deletes
   * the key. Resolves to the value it replaced.
   */
  update<T>(key: string, updater: (old: T | undefined) => T | undefined): Promise<T | undefined>;
  /** True once IndexedDB failed and the store lives in memory for the rest of the page. */
  readonly inMemory: boolean;
}

// A hung open (seen with blocked upgrades and some private modes) must not hang the widgets.
const OP_TIMEOUT_MS = 5000;
let warned = false;

function withTimeout<T>(p: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`IndexedDB did not answer within ${OP_TIMEOUT_MS} ms`)), OP_TIMEOUT_MS);
    }),
  ]).finally(() => clearTimeout(timer));
}

class FallbackKV implements KV {
  private idb: UseStore | null = null;
  private memory: Map<string, unknown> | null = null;

  constructor(
    private readonly dbName: string,
    private readonly storeName: string,
  ) {}

  get inMemory() {
    return this.memory !== null;
  }

  private toMemory(error: unknown) {
    if (!this.memory) {
      this.memory = new Map();
      if (!warned) {
        warned = true;
        console.warn(`bantin: IndexedDB is unavailable (${describeError(error)}); caching in memory for this page only.`);
      }
    }
    return this.memory;
  }

  private async run<T>(op: (store: UseStore) => Promise<T>, fallback: (m: Map<string, unknown>) => T): Promise<T> {
    if (!this.memory) {
      try {
        if (typeof indexedDB === 'undefined') throw new Error('indexedDB is not defined');
        this.idb ??= createStore(this.dbName, this.storeName);
        return await withTimeout(op(this.idb));
      } catch (e) {
        // A full disk is not a broken database: reads still work, and the caller
        // must know its write failed (to remove what it wrote) rather than see it land in memory.
        if ((e as Error)?.name === 'QuotaExceededError') throw e;
        this.toMemory(e);
      }
    }
    return fallback(this.memory!);
  }

  get<T>(key: string) {
    return this.run(
      (s) => get<T>(key, s),
      (m) => m.get(key) as T | undefined,
    );
  }
  set(key: string, value: unknown) {
    return this.run(
      (s) => set(key, value, s),
      (m) => void m.set(key, value),
    );
  }
  del(key: string) {
    return this.run(
      (s) => del(key, s),
      (m) => void m.delete(key),
    );
  }
  keys() {
    return this.run(
      async (s) => (await keys(s)).map(String),
      (m) => [...m.keys()],
    );
  }
  update<T>(key: string, updater: (old: T | undefined) => T | undefined) {
    const apply = (old: T | undefined, put: (v: T) => void, remove: () => void) => {
      const next = updater(old);
      if (next === undefined) remove();
      else put(next);
      return old;
    };
    return this.run(
      (s) =>
        s('readwrite', (store) => {
          let old: T | undefined;
          const request = store.get(key);
          request.onsuccess = () => {
            old = apply(request.result as T | undefined, (v) => store.put(v, key), () => store.delete(key));
          };
          const tx = store.transaction;
          return new Promise<T | undefined>((resolve, reject) => {
            tx.oncomplete = () => resolve(old);
            tx.onabort = tx.onerror = () => reject(tx.error ?? request.error ?? new DOMException('transaction aborted', 'AbortError'));
          });
        }),
      (m) => apply(m.get(key) as T | undefined, (v) => m.set(key, v), () => m.delete(key)),
    );
  }
}

const opened = new Map<string, KV>();

/** One KV per database on a page. Each database holds one object store, created on first open. */
export function openKV(dbName: string, storeName = 'kv'): KV {
  let kv = opened.get(dbName);
  if (!kv) {
    kv = new FallbackKV(dbName, storeName);
    opened.set(dbName, kv);
  }
  return kv;
}
