import { CHUNK_BYTES, chunkBy } from '../shared/chunk.js';
import { openKV, type KV } from '../shared/kv.js';
import type { IndexData } from './token-index.js';

/**
 * Search indexes in IndexedDB (their own database), one per feed URL, keyed
 * by the feed's version. Like the feed cache, the index is split into ~1 MB
 * records so neither writing nor reading it blocks the page, and a new write
 * lands in a new generation and switches the meta record last.
 */

interface Meta {
  v: 1;
  version: string;
  gen: string;
  docCount: number;
  termCount: number;
  postings: number;
  wide: boolean;
  /** Number of records of each part. */
  parts: Record<Part, number>;
}

type Part = 't' | 'o' | 'd' | 'f' | 'p';

const metaKey = (url: string) => `m:${url}`;
const partKey = (url: string, gen: string, part: Part, n: number) => `c:${url}#${gen}#${part}${n}`;

function sliceTyped<T extends Uint8Array | Uint16Array | Uint32Array>(array: T, maxBytes: number): T[] {
  const step = Math.max(1, Math.floor(maxBytes / array.BYTES_PER_ELEMENT));
  const out: T[] = [];
  for (let i = 0; i < array.length; i += step) out.push(array.slice(i, i + step) as T);
  if (!out.length) out.push(array.slice(0, 0) as T);
  return out;
}

function joinTyped<T extends Uint8Array | Uint16Array | Uint32Array>(chunks: unknown[], into: T): T | null {
  let p = 0;
  for (const c of chunks) {
    if (!ArrayBuffer.isView(c) || (c as T).BYTES_PER_ELEMENT !== into.BYTES_PER_ELEMENT) return null;
    const typed = c as T;
    if (p + typed.length > into.length) return null;
    into.set(typed, p);
    p += typed.length;
  }
  return p === into.length ? into : null;
}

export class SearchIndexCache {
  constructor(readonly kv: KV = openKV('bantin-search')) {}

  /** The cached index of a feed URL, if it was built for this version of the feed. */
  async read(url: string, version: string): Promise<IndexData | null> {
    const meta = await this.kv.get<Meta>(metaKey(url));
    if (!meta || meta.v !== 1 || meta.version !== version) return null;
    const get = async (part: Part) => {
      const chunks: unknown[] = [];
      for (let n = 0; n < meta.parts[part]; n++) {
        const c = await this.kv.get<unknown>(partKey(url, meta.gen, part, n));
        if (c === undefined) return null;
        chunks.push(c);
      }
      return chunks;
    };
    const termChunks = await get('t');
    if (!termChunks || !termChunks.every(Array.isArray)) return null;
    const terms = (termChunks as string[][]).flat();
    if (terms.length !== meta.termCount) return null;
    const o = await get('o');
    const d = await get('d');
    const f = await get('f');
    const p = await get('p');
    if (!o || !d || !f || !p) return null;
    const offsets = joinTyped(o, new Uint32Array(meta.termCount + 1));
    const docs = joinTyped(d, meta.wide ? new Uint32Array(meta.postings) : new Uint16Array(meta.postings));
    const fields = joinTyped(f, new Uint8Array(meta.postings));
    const positions = joinTyped(p, new Uint16Array(meta.postings));
    if (!offsets || !docs || !fields || !positions) return null;
    return { docCount: meta.docCount, terms, offsets, docs, fields, positions };
  }

  async write(url: string, version: string, data: IndexData): Promise<void> {
    const gen = `${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 6)}`;
    const parts: [Part, unknown[]][] = [
      ['t', chunkBy(data.terms, (t) => 16 + t.length * 2)],
      ['o', sliceTyped(data.offsets, CHUNK_BYTES)],
      ['d', sliceTyped(data.docs, CHUNK_BYTES)],
      ['f', sliceTyped(data.fields, CHUNK_BYTES)],
      ['p', sliceTyped(data.positions, CHUNK_BYTES)],
    ];
    const meta: Meta = {
      v: 1,
      version,
      gen,
      docCount: data.docCount,
      termCount: data.terms.length,
      postings: data.docs.length,
      wide: data.docs instanceof Uint32Array,
      parts: Object.fromEntries(parts.map(([p, c]) => [p, c.length])) as Record<Part, number>,
    };
    let old: Meta | undefined;
    try {
      for (const [part, chunks] of parts) {
        for (let n = 0; n < chunks.length; n++) await this.kv.set(partKey(url, gen, part, n), chunks[n]);
      }
      // The switch reads what it replaces in the same transaction (as the feed cache does):
      // another tab's index written meanwhile is the one removed, not left behind.
      old = await this.kv.update<Meta>(metaKey(url), () => meta);
    } catch (e) {
      // A full disk: this write's parts go now.
      await this.removeParts(url, meta).catch(() => {});
      throw e;
    }
    if (old && old.gen !== gen) await this.removeParts(url, old);
  }

  async remove(url: string): Promise<void> {
    const meta = await this.kv.update<Meta>(metaKey(url), () => undefined);
    if (meta) await this.removeParts(url, meta);
  }

  private async removeParts(url: string, meta: Meta) {
    for (const part of Object.keys(meta.parts) as Part[]) {
      for (let n = 0; n < meta.parts[part]; n++) await this.kv.del(partKey(url, meta.gen, part, n));
    }
  }
}
