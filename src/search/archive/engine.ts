import type { Article } from '../../feed/types.js';
import type { KV } from '../../shared/kv.js';
import { stripHtml } from '../../shared/text.js';
import { anchorOf, indexSource, SearchEngine, SLICE_AFTER, type SearchItem } from '../engine.js';
import { markedWordPattern } from '../highlight.js';
import { loadFuse } from '../fuse.js';
import { scanWords } from '../scan.js';
import { activeWords, bodyPosition, buildIndexData, FIELD_BODY, isTypoOf, needsTypoScan, NO_POSITION, TokenIndex, UNKNOWN_POSITION, type IndexData, type MatchResult } from '../token-index.js';
import type { QueryToken } from '../tokenize.js';
import { TimeSlicer } from '../yield.js';
import { ArchiveFiles } from './files.js';
import {
  ArchiveError,
  filePath,
  KIND_DISPLAY,
  KIND_POSTINGS,
  KIND_REST,
  KIND_VOCABULARY,
  rangeOf,
  readDisplayFile,
  readPostingFile,
  readRestFile,
  readVocabularyFile,
  type ArchiveManifest,
  type DisplayRecord,
  type FileKind,
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
  /** Archive documents whose body positions are filled in: true from the whole body, false from its head. */
  positioned: Map<number, boolean>;
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
  private readonly rest = new Map<number, Promise<void>>();
  /** Archive documents of which only the head of the body is here (its rest is in a rest file). */
  private readonly headOnly = new Set<number>();
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
    // Where a head is not enough for the ranking and excerpt the whole body would give, the rest.
    const whole = this.needRest(tokens, match, head);
    if (whole.length) {
      await this.rests(whole);
      signal?.throwIfAborted();
      if (this.position(partial, whole)) match = partial.index.match(tokens, need);
    }
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
        return { index: new TokenIndex(data), data, positioned: new Map<number, boolean>() };
      },
      PARTIALS,
    );
  }

  /** Fetches the display files of these documents (fresh ones are already here). */
  private articles(docs: number[]) {
    return this.byFile(
      docs.filter((d) => d >= this.fresh && !this.docs[d]),
      this.display,
      KIND_DISPLAY,
      readDisplayFile,
      (r, doc) => {
        this.docs[doc] = recordArticle(r, doc) as unknown as T;
        if (r.more) this.headOnly.add(doc);
      },
    );
  }

  /** Fetches, once each, the display or rest files holding these archive documents, and hands `take` each article's entry. */
  private async byFile<E>(
    docs: number[],
    kept: Map<number, Promise<void>>,
    kind: FileKind,
    read: (stored: Uint8Array, version: string) => Promise<E[]>,
    take: (entry: E, doc: number) => void,
  ) {
    const { per } = this.manifest.display;
    const files = new Set(docs.map((d) => Math.floor((d - this.fresh) / per)));
    await Promise.all(
      [...files].map((c) =>
        cached(kept, c, async () => {
          const entries = await read(await this.files.get(filePath(kind, c)), this.manifest.version);
          const first = c * per;
          if (entries.length !== Math.min(per, this.manifest.articles - first)) throw new ArchiveError(`${filePath(kind, c)} holds ${entries.length} articles`);
          entries.forEach((e, i) => take(e, this.fresh + first + i));
        }),
      ),
    );
  }

  /**
   * The documents among `head` whose body head gives another ranking or excerpt than their whole
   * body would: a query word occurs in the body but not in the head (the match says
   * UNKNOWN_POSITION), the stretch around the anchor reaches past the head, or a word typed with
   * its marks is not in the head so typed.
   */
  private needRest(tokens: QueryToken[], match: MatchResult, head: number[]): number[] {
    const m = tokens.length;
    const marks = tokens.filter((t, j) => t.marked && match.activeFlags[j]).map(markedWordPattern);
    return head.filter((d, i) => {
      if (!this.headOnly.has(d)) return false;
      if (match.positions.subarray(i * m, i * m + m).includes(UNKNOWN_POSITION)) return true;
      const body = this.docs[d]?.contentText ?? '';
      if (Math.max(anchorOf(match.positions, i * m, m), 0) + SLICE_AFTER >= body.length) return true;
      return marks.some((re) => !re.test(body));
    });
  }

  /** Fetches the rest files of these documents and makes their bodies whole. */
  private rests(docs: number[]) {
    return this.byFile(docs, this.rest, KIND_REST, readRestFile, (rest, doc) => {
      const a = this.docs[doc] as unknown as Article | undefined;
      if (rest === null || !a || !this.headOnly.has(doc)) return;
      a.contentText = (a.contentText ?? '') + rest;
      this.headOnly.delete(doc);
    });
  }

  /** Fills in where each word of the partial index first occurs in these archive articles' bodies. True if any was new. */
  private position(partial: Partial, docs: number[]): boolean {
    const { index, data, positioned } = partial;
    const { positions } = data;
    let changed = false;
    for (const d of docs) {
      const whole = !this.headOnly.has(d);
      const done = positioned.get(d);
      // A body scanned whole, or a head scanned already (a head's first places are the body's).
      if (d < this.fresh || done === true || (done === false && !whole)) continue;
      positioned.set(d, whole);
      const body = this.docs[d]?.contentText;
      if (!body) continue;
      scanWords(body, false, {
        word(buffer, length, _hash, start) {
          const t = index.find(String.fromCharCode.apply(null, buffer.subarray(0, length) as unknown as number[]));
          if (t < 0) return;
          const p = postingOf(data, t, d);
          if (p >= 0 && positions[p] === UNKNOWN_POSITION) {
            positions[p] = bodyPosition(start);
            changed = true;
          }
        },
      });
    }
    return changed;
  }
}

/** The posting of term `t` for document `d` in an index, or -1. */
function postingOf({ offsets, docs }: IndexData, t: number, d: number): number {
  let lo = offsets[t];
  let hi = offsets[t + 1];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (docs[mid] < d) lo = mid + 1;
    else hi = mid;
  }
  return lo < offsets[t + 1] && docs[lo] === d ? lo : -1;
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
 * articles, body positions UNKNOWN_POSITION until filled in) and the fresh articles' index: terms
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
        // In the body, somewhere: its display (and rest) file will say where.
        if (fields[p] & FIELD_BODY) positions[p] = UNKNOWN_POSITION;
      }
    }
    offsets[t + 1] = p;
  });
  return { docCount, terms, offsets, docs, fields, positions };
}
