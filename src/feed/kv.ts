import { createStore, get, set, del, keys, type UseStore } from 'idb-keyval';

/** A small async key-value store: IndexedDB through idb-keyval, memory when IndexedDB fails. */
export interface KV {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  keys(): Promise<string[]>;
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
        console.warn(
          `bantin: IndexedDB is unavailable (${(error as Error)?.message ?? error}); caching in memory for this page only.`,
        );
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
