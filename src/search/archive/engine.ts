import type { Article } from '../../feed/types.js';
import type { KV } from '../../shared/kv.js';
import { stripHtml } from '../../shared/text.js';
import { indexSource, SearchEngine, type SearchItem } from '../engine.js';
import { loadFuse } from '../fuse.js';
import { scanWords } from '../scan.js';
import { activeWords, bodyPosition, buildIndexData, isTypoOf, needsTypoScan, NO_POSITION, TokenIndex, type IndexData, type MatchResult } from '../token-index.js';
import type { QueryToken } from '../tokenize.js';
import { TimeSlicer } from '../yield.js';
import { ArchiveFiles } from './files.js';
import {
  ArchiveError,
  filePath,
  KIND_DISPLAY,
  KIND_POSTINGS,
  KIND_VOCABULARY,
  rangeOf,
  readDisplayFile,
  readPostingFile,
  readVocabularyFile,
  type ArchiveManifest,
  type DisplayRecord,
  type PostingShard,
  type TermRanges,
} from './format.js';

/**
 * The search engine over a static archive index: for each query it fetches
 * the posting files of the words typed (and of the words a partial last word
 * begins, and of the near misses of an unknown word), assembles them into a
 * partial index with the archive's article count (so every score is the one
 * the whole index would give), and ranks with the in-page engine's own code;
 * the display files of the candidates bring the text fuse.js reads, the
 * excerpts and the articles shown. Articles of the loaded feed that are newer
 * than the index ("fresh") are indexed here as in the page, numbered first,
 * and searched together with the archive.
 */

/** Most compressed bytes of posting files a partial last word loads for the words it begins; past that, only its own file's words. */
export const PREFIX_BYTES = 24 * 1024;
/**
 * The same for a partial word of two letters (none: only its own file's
 * words) and of three (about one other file): such a word begins many words,
 * and the next key, a moment later, narrows them anyway. Typed key by key,
 * the files of the short prefixes were most of the posting bytes of a query.
 */
export const SHORT_PREFIX_BYTES: readonly number[] = [0, 0, 0, 8 * 1024];
/** Partial indexes (one per set of posting files) kept between keys. */
const PARTIALS = 8;
/** Decoded posting files kept (the stored ones stay in IndexedDB). */
const POSTING_FILES = 256;

export interface ArchiveSource {
  /** The index folder's URL, with its trailing slash. */
  folder: string;
  manifest: ArchiveManifest;
  /** Where files are kept between pages (default: IndexedDB `bantin-archive`); null: not kept. */
  kv?: KV | null;
}

interface Partial {
  index: TokenIndex;
  data: IndexData;
  /** Archive documents whose body positions are filled in. */
  positioned: Set<number>;
}

/** An article of the index as the elements show it. */
export function recordArticle(r: DisplayRecord, order: number): Article {
  return {
    id: r.id,
    url: r.url ?? null,
    title: r.title,
    summary: r.summary ?? null,
    contentHtml: null,
    contentText: r.body ?? (r.summaryIsBody && r.summary ? stripHtml(r.summary) : null),
    image: r.image ?? null,
    published: r.published ? new Date(r.published) : null,
    modified: r.modified ? new Date(r.modified) : null,
    category: r.category ?? null,
    tags: [],
    views: null,
    attachments: [],
    order,
  };
}

const wrap = (e: unknown): unknown =>
  (e as Error)?.name === 'AbortError' || e instanceof ArchiveError ? e : new ArchiveError(`the search index failed: ${(e as Error)?.message ?? e}`);

export class ArchiveEngine<T extends SearchItem = Article> extends SearchEngine<T> {
  private readonly postings = new Map<number, Promise<PostingShard>>();
  private readonly vocabulary = new Map<number, Promise<string[]>>();
  private readonly display = new Map<number, Promise<void>>();
  private readonly partials = new Map<string, Promise<Partial>>();

  private constructor(
    private readonly docs: T[],
    /** Fresh articles: numbers 0 … fresh - 1; the archive's article n is fresh + n. */
    readonly fresh: number,
    private readonly freshData: IndexData,
    readonly manifest: ArchiveManifest,
    readonly files: ArchiveFiles,
    t0: number,
  ) {
    const count = fresh + manifest.articles;
    super(docs, new TokenIndex({ ...freshData, docCount: count }), {
      docs: count,
      terms: manifest.terms,
      postings: freshData.docs.length,
      bytes: 0,
      fromCache: false,
      ms: performance.now() - t0,
    });
  }

  /** The engine over an index (its manifest read) and the loaded feed's articles that are newer than it. */
  static async open<T extends SearchItem = Article>(fresh: readonly T[], source: ArchiveSource, signal?: AbortSignal): Promise<ArchiveEngine<T>> {
    const t0 = performance.now();
    const data = await buildIndexData(fresh.length, (i) => indexSource(fresh[i]), new TimeSlicer(signal));
    const docs = fresh.slice();
    docs.length = fresh.length + source.manifest.articles;
    const files = new ArchiveFiles(source.folder, source.manifest.version, source.kv);
    return new ArchiveEngine(docs, fresh.length, data, source.manifest, files, t0);
  }

  /** The search code is all there is to warm: the index files a query needs are its own. */
  override async warmUp(): Promise<void> {
    await loadFuse();
  }

  protected override async candidates(tokens: QueryToken[], need: number, signal?: AbortSignal): Promise<MatchResult> {
    try {
      return await this.load(tokens, need, signal);
    } catch (e) {
      throw wrap(e);
    }
  }

  private async load(tokens: QueryToken[], need: number, signal?: AbortSignal): Promise<MatchResult> {
    const { postings } = this.manifest;
    const flags = activeWords(tokens);
    const active = tokens.filter((_, i) => flags[i]);
    const wanted = new Set<number>();
    for (const token of active) {
      const own = rangeOf(postings, token.folded);
      if (own >= 0) wanted.add(own);
      if (token.prefix && token.folded.length >= 2) for (const n of this.prefixFiles(token.folded)) wanted.add(n);
    }
    let partial = await this.partial(wanted);
    signal?.throwIfAborted();
    // A word too rare to trust: the posting files of its near misses in the vocabulary.
    const more = new Set(wanted);
    for (const token of active) {
      if (!needsTypoScan(token.folded, partial.index.direct(token).seen, partial.index.docCount)) continue;
      for (const term of await this.vocabularyNear(token.folded)) if (isTypoOf(token, term)) more.add(rangeOf(postings, term));
    }
    if (more.size > wanted.size) partial = await this.partial(more);
    signal?.throwIfAborted();
    this.index = partial.index;
    let match = partial.index.match(tokens, need);
    const head = match.docs.slice(0, need);
    await this.articles(head);
    signal?.throwIfAborted();
    // Body positions come from the bodies just fetched: the same ones the in-page index records.
    if (this.position(partial, head)) match = partial.index.match(tokens, need);
    return match;
  }

  /** The posting files holding the words that begin with `prefix`, when they are few enough to fetch. */
  private prefixFiles(prefix: string): number[] {
    const { postings } = this.manifest;
    const from = Math.max(0, rangeOf(postings, prefix));
    const to = rangeOf(postings, `${prefix}\uffff`);
    const out: number[] = [];
    let bytes = 0;
    for (let n = from; n <= to; n++) {
      bytes += postings.bytes[n];
      out.push(n);
    }
    return bytes <= (SHORT_PREFIX_BYTES[prefix.length] ?? PREFIX_BYTES) ? out : [];
  }

  private shard(n: number): Promise<PostingShard> {
    return cached(
      this.postings,
      n,
      async () => readPostingFile(await this.files.get(filePath(KIND_POSTINGS, n)), this.manifest.version, this.manifest.articles),
      POSTING_FILES,
    );
  }

  /** The vocabulary that starts with the word's first letter: where its near misses are looked for. */
  private async vocabularyNear(word: string): Promise<string[]> {
    const v: TermRanges = this.manifest.vocabulary;
    const first = word.slice(0, 1);
    const from = Math.max(0, rangeOf(v, first));
    const to = rangeOf(v, `${first}\uffff`);
    const lists: string[][] = [];
    for (let n = from; n <= to; n++) {
      lists.push(await cached(this.vocabulary, n, async () => readVocabularyFile(await this.files.get(filePath(KIND_VOCABULARY, n)), this.manifest.version)));
    }
    return lists.flat();
  }

  /** The index of these posting files and the fresh articles, with the archive's article count. */
  private partial(files: Set<number>): Promise<Partial> {
    const numbers = [...files].sort((a, b) => a - b);
    const key = numbers.join(',');
    return cached(
      this.partials,
      key,
      async () => {
        const shards = await Promise.all(numbers.map((n) => this.shard(n)));
        const data = merge(shards, this.freshData, this.fresh, this.fresh + this.manifest.articles);
        return { index: new TokenIndex(data), data, positioned: new Set<number>() };
      },
      PARTIALS,
    );
  }

  /** Fetches the display files of these documents (fresh ones are already here). */
  private async articles(docs: number[]) {
    const { per } = this.manifest.display;
    const chunks = new Set<number>();
    for (const d of docs) if (d >= this.fresh && !this.docs[d]) chunks.add(Math.floor((d - this.fresh) / per));
    await Promise.all(
      [...chunks].map((c) =>
        cached(this.display, c, async () => {
          const records = await readDisplayFile(await this.files.get(filePath(KIND_DISPLAY, c)), this.manifest.version);
          const first = c * per;
          if (records.length !== Math.min(per, this.manifest.articles - first)) throw new ArchiveError(`display file ${c} holds ${records.length} articles`);
          records.forEach((r, i) => {
            const doc = this.fresh + first + i;
            this.docs[doc] = recordArticle(r, doc) as unknown as T;
          });
        }),
      ),
    );
  }

  /** Fills in where each word of the partial index first occurs in these archive articles' bodies. True if any was new. */
  private position(partial: Partial, docs: number[]): boolean {
    const { index, data, positioned } = partial;
    const { offsets, docs: postingDocs, positions } = data;
    let changed = false;
    for (const d of docs) {
      if (d < this.fresh || positioned.has(d)) continue;
      positioned.add(d);
      const body = this.docs[d]?.contentText;
      if (!body) continue;
      scanWords(body, false, {
        word(buffer, length, _hash, start) {
          const t = index.find(String.fromCharCode.apply(null, buffer.subarray(0, length) as unknown as number[]));
          if (t < 0) return;
          let lo = offsets[t];
          let hi = offsets[t + 1];
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (postingDocs[mid] < d) lo = mid + 1;
            else hi = mid;
          }
          if (lo < offsets[t + 1] && postingDocs[lo] === d && positions[lo] === NO_POSITION) {
            positions[lo] = bodyPosition(start);
            changed = true;
          }
        },
      });
    }
    return changed;
  }
}

/** A promise kept by key, the least recently asked for going past `limit`; a failed one is forgotten, so the next query tries again. */
function cached<K, V>(map: Map<K, Promise<V>>, key: K, make: () => Promise<V>, limit = Infinity): Promise<V> {
  let p = map.get(key);
  if (p) {
    map.delete(key);
  } else {
    p = make();
    p.catch(() => map.get(key) === p && map.delete(key));
    if (map.size >= limit) map.delete(map.keys().next().value!);
  }
  map.set(key, p);
  return p;
}

/**
 * One index of posting files (archive numbers shifted past the fresh
 * articles, positions to be filled in) and the fresh articles' index: terms
 * merged in order, each term's fresh postings first (they are numbered first).
 */
function merge(shards: PostingShard[], fresh: IndexData, shift: number, docCount: number): IndexData {
  const archiveTerms = shards.flatMap((s) => s.terms);
  const where: [PostingShard, number][] = shards.flatMap((s) => s.terms.map((_, t) => [s, t] as [PostingShard, number]));
  const terms: string[] = [];
  const from: [number, number][] = []; // [archive term or -1, fresh term or -1]
  let a = 0;
  let f = 0;
  while (a < archiveTerms.length || f < fresh.terms.length) {
    const at = archiveTerms[a];
    const ft = fresh.terms[f];
    if (ft === undefined || (at !== undefined && at < ft)) {
      terms.push(at);
      from.push([a++, -1]);
    } else if (at === undefined || ft < at) {
      terms.push(ft);
      from.push([-1, f++]);
    } else {
      terms.push(at);
      from.push([a++, f++]);
    }
  }
  let total = 0;
  for (const [ai, fi] of from) {
    if (ai >= 0) {
      const [s, t] = where[ai];
      total += s.offsets[t + 1] - s.offsets[t];
    }
    if (fi >= 0) total += fresh.offsets[fi + 1] - fresh.offsets[fi];
  }
  const offsets = new Uint32Array(terms.length + 1);
  const docs = new Uint32Array(total);
  const fields = new Uint8Array(total);
  const positions = new Uint16Array(total).fill(NO_POSITION);
  let p = 0;
  from.forEach(([ai, fi], t) => {
    if (fi >= 0) {
      for (let q = fresh.offsets[fi]; q < fresh.offsets[fi + 1]; q++, p++) {
        docs[p] = fresh.docs[q];
        fields[p] = fresh.fields[q];
        positions[p] = fresh.positions[q];
      }
    }
    if (ai >= 0) {
      const [s, st] = where[ai];
      for (let q = s.offsets[st]; q < s.offsets[st + 1]; q++, p++) {
        docs[p] = s.docs[q] + shift;
        fields[p] = s.fields[q];
      }
    }
    offsets[t + 1] = p;
  });
  return { docCount, terms, offsets, docs, fields, positions };
}
