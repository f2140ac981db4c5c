import { openKV, type KV } from '../../shared/kv.js';
import { get } from './manifest.js';

/**
 * The index folder over HTTP: its manifest (revalidated on every page, so a
 * rebuilt index is seen at once) and its files (each fetched once, kept in
 * IndexedDB under the manifest's version, so a later page reads them from
 * disk; a new version drops the old ones).
 */

const versionKey = (folder: string) => `v:${folder}`;
const fileKey = (folder: string, version: string, path: string) => `f:${folder}|${version}|${path}`;

export class ArchiveFiles {
  private readonly loading = new Map<string, Promise<Uint8Array>>();
  private swept: Promise<void> | null = null;
  /** Bytes fetched over the network (not from IndexedDB), as stored: for benchmarks. */
  fetched = 0;

  constructor(
    readonly folder: string,
    readonly version: string,
    readonly kv: KV | null = openKV('bantin-archive'),
  ) {}

  /** A file as stored (gzipped), from IndexedDB or the network; one request for callers asking at once. */
  get(path: string): Promise<Uint8Array> {
    let p = this.loading.get(path);
    if (!p) {
      p = this.load(path).finally(() => this.loading.delete(path));
      this.loading.set(path, p);
    }
    return p;
  }

  private async load(path: string): Promise<Uint8Array> {
    const key = fileKey(this.folder, this.version, path);
    const kv = this.kv;
    if (kv) {
      void (this.swept ??= this.sweep(kv).catch(() => {}));
      const kept = await kv.get<Uint8Array>(key).catch(() => undefined);
      if (kept instanceof Uint8Array) return kept;
    }
    // The version in the URL: HTTP caches keep each build's file apart, whatever the server's headers.
    const url = `${new URL(path, this.folder).href}?v=${encodeURIComponent(this.version)}`;
    const data = new Uint8Array(await (await get(url, {})).arrayBuffer());
    this.fetched += data.length;
    // Where IndexedDB failed, a copy in memory would only double what the engine keeps.
    if (kv && !kv.inMemory) void kv.set(key, data).catch(() => {});
    return data;
  }

  /** Once per page: files of another version of this index go (a rebuild replaced them). */
  private async sweep(kv: KV) {
    const old = await kv.update<string>(versionKey(this.folder), () => this.version);
    if (old === undefined || old === this.version) return;
    const prefix = `f:${this.folder}|`;
    const mine = `${prefix}${this.version}|`;
    for (const key of await kv.keys()) if (key.startsWith(prefix) && !key.startsWith(mine)) await kv.del(key);
  }
}
