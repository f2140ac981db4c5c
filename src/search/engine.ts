import type { Article, Feed } from '../feed/types.js';
import { fold } from './fold.js';
import { loadFuse } from './fuse.js';
import { excerpt, highlightAll, markedWordPattern, WordMatcher, type Highlighted } from './highlight.js';
import { SearchIndexCache } from './index-cache.js';
import { prepareText, stripHtml } from '../shared/text.js';
import { buildIndexData, POSITION_UNIT, TokenIndex, UNKNOWN_POSITION, type IndexSource, type MatchResult } from './token-index.js';
import { parseQuery, type QueryToken } from './tokenize.js';
import { PerFeed } from './per-feed.js';
import { feedVersion } from './version.js';
import { TimeSlicer } from './yield.js';

/** What the engine reads of an article: a worker gets only these fields. */
export type SearchItem = Pick<Article, 'title' | 'summary' | 'category' | 'contentText' | 'contentHtml'>;

/** One result: the article, its title and an excerpt with the matched words as ranges. */
export interface SearchHit<T extends SearchItem = Article> {
  article: T;
  /** Its position in the items searched. */
  doc: number;
  title: Highlighted;
  /** A stretch of the body around the best match (else the summary, else the start of the body). */
  excerpt: Highlighted | null;
  /** How many of the marked words of the query this article matches with the reader's marks. */
  exact: number;
}

export interface SearchResults<T extends SearchItem = Article> {
  query: string;
  /** Every article that matches (only the best are scored by fuse.js; the rest follow in index order). */
  total: number;
  offset: number;
  hits: SearchHit<T>[];
}

export interface SearchOptions {
  limit?: number;
  offset?: number;
  /** Aborting it abandons the search between slices (a newer keystroke). */
  signal?: AbortSignal;
  /** About how many characters each hit's excerpt holds (default 160). */
  excerptLength?: number;
}

export interface EngineStats {
  docs: number;
  terms: number;
  postings: number;
  /** Approximate bytes of the index in memory. */
  bytes: number;
  /** Whether the index came from IndexedDB rather than being built. */
  fromCache: boolean;
  /** Milliseconds from start to a usable index. */
  ms: number;
}

/** Candidates fuse.js scores per query: enough for the dropdown and the first results pages. */
export const FUSE_CANDIDATES = 16;
/** Candidates fuse.js scores in one slice. */
const FUSE_SLICE = 25;
/** Characters of an excerpt (unless the search asks for another length), and what a body slice is sized for. */
const WINDOW = 160;
/** Characters of summary and body handed to fuse.js. */
const FUSE_TEXT = 200;
/** Documents whose prepared title and summary are kept between searches. */
const SHORT_CACHE = 2000;
/** Body stretches kept between searches. */
const SLICE_CACHE = 1000;
/** Source characters taken around a body match: enough for the excerpt once tags are gone. */
const SLICE_BEFORE = 160;
export const SLICE_AFTER = 480;

const FUSE_KEYS = [
  { name: 'title', weight: 3 },
  { name: 'summary', weight: 1.5 },
  { name: 'category', weight: 1 },
  { name: 'body', weight: 1 },
];

interface Row {
  doc: number;
  title: string;
  summary: string;
  category: string;
  body: string;
}

interface ShortText {
  title: string;
  summary: string;
  category: string;
  fTitle: string;
  fSummary: string;
  fCategory: string;
}

interface BodySlice {
  text: string;
  folded: string;
  /** The stretch starts after the start of the body / ends before its end. */
  before: boolean;
  after: boolean;
}

/** The stretch of a folded text fuse.js reads: from a little before the first match, FUSE_TEXT long. */
function around(folded: string, matcher: WordMatcher): string {
  if (folded.length <= FUSE_TEXT) return folded;
  const first = matcher.first(folded);
  const from = first < 0 ? 0 : Math.max(0, first - 40);
  return folded.slice(from, from + FUSE_TEXT);
}

interface Ranked {
  matcher: WordMatcher;
  order: number[];
  /** How many of `order` fuse.js scored. */
  fused: number;
  /** Body offset to take the excerpt from, per scored document (-1: none). */
  anchors: Map<number, number>;
  /** Marked query words matched with the reader's marks, per scored document. */
  exact: Map<number, number>;
}

/** What the index reads of an article: the fields as the feed gives them. */
export const indexSource = (a: SearchItem): IndexSource => ({
  title: a.title,
  summary: a.summary ?? '',
  category: a.category ?? '',
  body: a.contentText ?? a.contentHtml ?? '',
  bodyIsHtml: a.contentText == null,
});

/** A stretch of an article's body source around `at`, as plain text. */
function bodySlice(a: SearchItem, at: number): { text: string; before: boolean; after: boolean } {
  const html = a.contentText == null;
  const src = a.contentText ?? a.contentHtml ?? '';
  let from = Math.max(0, at - SLICE_BEFORE);
  let to = Math.min(src.length, at + SLICE_AFTER);
  if (html) {
    // Do not start or end inside a tag.
    const gt = src.indexOf('>', from);
    const lt = src.indexOf('<', from);
    if (from > 0 && gt >= 0 && (lt < 0 || gt < lt) && gt < at) from = gt + 1;
    const lastLt = src.lastIndexOf('<', to);
    const lastGt = src.lastIndexOf('>', to);
    if (to < src.length && lastLt > lastGt && lastLt > at) to = lastLt;
  }
  const piece = src.slice(from, to);
  return { text: html ? stripHtml(piece) : prepareText(piece), before: from > 0, after: to < src.length };
}

/** The body offset where the most query words occur close together. */
export function anchorOf(positions: Uint16Array, base: number, m: number): number {
  let best = -1;
  let bestCount = 0;
  for (let j = 0; j < m; j++) {
    const p = positions[base + j];
    if (p >= UNKNOWN_POSITION) continue;
    let count = 0;
    for (let k = 0; k < m; k++) {
      const q = positions[base + k];
      if (q < UNKNOWN_POSITION && q >= p && (q - p) * POSITION_UNIT <= SLICE_AFTER - WINDOW) count++;
    }
    if (count > bestCount || (count === bestCount && p < best)) {
      best = p;
      bestCount = count;
    }
  }
  return best < 0 ? -1 : best * POSITION_UNIT;
}

/**
 * Search over one feed's items: the token index narrows, fuse.js ranks the
 * best candidates, marks typed by the reader lift exact matches, and hits
 * come with highlight ranges on the original text.
 */
export class SearchEngine<T extends SearchItem = Article> {
  /** Where it runs, as `Searcher` tells it: on the thread that made it, never handing work to a worker. */
  readonly thread = 'page' as const;
  private readonly ranked = new Map<string, Ranked>();
  private readonly shorts = new Map<number, ShortText>();
  private readonly slices = new Map<string, BodySlice>();
  /** Milliseconds of work (not waiting) in the phases of the last query computed: for benchmarks. */
  readonly lastTimings = { match: 0, prepare: 0, fuse: 0 };

  constructor(
    readonly items: readonly T[],
    /** Replaced by the archive reader for each query, by the part of its index the query needs. */
    public index: TokenIndex,
    readonly stats: EngineStats,
  ) {}

  /** Builds the index a slice at a time, or reads it from IndexedDB when this version of the feed was indexed before. */
  static async create<T extends SearchItem = Article>(
    items: readonly T[],
    options: { url?: string; signal?: AbortSignal; cache?: SearchIndexCache | null; version?: string } = {},
  ): Promise<SearchEngine<T>> {
    const t0 = performance.now();
    const { url, signal } = options;
    const cache = options.cache === undefined ? new SearchIndexCache() : options.cache;
    // A worker's items (text fields only) always come with the version the page computed.
    const version = options.version ?? feedVersion(items as unknown as readonly Article[]);
    let data = url && cache ? await cache.read(url, version).catch(() => null) : null;
    signal?.throwIfAborted();
    const fromCache = !!data && data.docCount === items.length;
    if (!fromCache) {
      data = await buildIndexData(items.length, (i) => indexSource(items[i]), new TimeSlicer(signal));
      // Where IndexedDB failed, a copy in memory would only double the index.
      if (url && cache && !cache.kv.inMemory) void cache.write(url, version, data).catch(() => {});
    }
    const index = new TokenIndex(data!);
    return new SearchEngine(items, index, {
      docs: items.length,
      terms: data!.terms.length,
      postings: data!.docs.length,
      bytes: index.bytes,
      fromCache,
      ms: performance.now() - t0,
    });
  }

  /**
   * Runs a few searches no one sees, so that the reader's first keystrokes do
   * not pay for compiling the search code and its regexes: call it when the
   * page is idle. Their results are not remembered.
   */
  async warmUp(signal?: AbortSignal): Promise<void> {
    let common = '';
    let most = 0;
    for (let t = 0; t < this.index.terms.length; t++) {
      const term = this.index.terms[t];
      if (term.length >= 3 && /^[a-z]+$/.test(term) && this.index.df(t) > most) {
        most = this.index.df(t);
        common = term;
      }
    }
    if (!common) return;
    for (const query of [common.slice(0, 2), common, `${common} ${common.slice(0, 2)}`, 'đường']) {
      signal?.throwIfAborted();
      const r = await this.rank(parseQuery(query), query, FUSE_CANDIDATES, signal);
      for (const doc of r.order.slice(0, 8)) this.hit(r, doc);
      await new Promise((resolve) => setTimeout(resolve));
    }
  }

  /** Forgets remembered results (the next search of any query is computed afresh). */
  clearResults() {
    this.ranked.clear();
  }

  /** Forgets remembered results and the prepared text of articles: as if no search had run yet (benchmarks). */
  clearCaches() {
    this.ranked.clear();
    this.shorts.clear();
    this.slices.clear();
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResults<T>> {
    const { limit = 8, offset = 0, signal, excerptLength = WINDOW } = options;
    const tokens = parseQuery(query);
    if (!tokens.length) return { query, total: 0, offset, hits: [] };
    const key = tokens.map((t) => t.typed).join(' ') + (tokens[tokens.length - 1].prefix ? '' : ' ');
    const need = Math.max(FUSE_CANDIDATES, offset + limit);
    let ranked = this.ranked.get(key);
    if (!ranked || (ranked.fused < need && ranked.fused < ranked.order.length)) {
      ranked = await this.rank(tokens, query, need, signal);
      if (this.ranked.size > 32) this.ranked.delete(this.ranked.keys().next().value!);
      this.ranked.set(key, ranked);
    }
    const r = ranked;
    const hits = r.order.slice(offset, offset + limit).map((doc) => this.hit(r, doc, excerptLength));
    return { query, total: r.order.length, offset, hits };
  }

  /** The prepared and folded short fields of a document, kept for the documents searches keep meeting. */
  private short(doc: number): ShortText {
    let t = this.shorts.get(doc);
    if (t) {
      this.shorts.delete(doc);
    } else {
      const a = this.items[doc];
      const title = prepareText(a.title);
      const summary = a.summary ? stripHtml(a.summary) : '';
      const category = a.category ? prepareText(a.category) : '';
      t = { title, summary, category, fTitle: fold(title), fSummary: fold(summary), fCategory: fold(category) };
      if (this.shorts.size >= SHORT_CACHE) this.shorts.delete(this.shorts.keys().next().value!);
    }
    this.shorts.set(doc, t);
    return t;
  }

  /** A stretch of a document's body around `at`, plain and folded; kept, since the next key usually asks for it again. */
  private slice(doc: number, at: number): BodySlice {
    const key = `${doc}:${at}`;
    let s = this.slices.get(key);
    if (s) {
      this.slices.delete(key);
    } else {
      const piece = bodySlice(this.items[doc], at);
      s = { ...piece, folded: fold(piece.text) };
      if (this.slices.size >= SLICE_CACHE) this.slices.delete(this.slices.keys().next().value!);
    }
    this.slices.set(key, s);
    return s;
  }

  /** What a result shows: the title with its matched words, and an excerpt around the best match. */
  private hit(r: Ranked, doc: number, width = WINDOW): SearchHit<T> {
    const a = this.items[doc];
    const t = this.short(doc);
    const at = r.anchors.get(doc) ?? -1;
    let shown: Highlighted | null = null;
    if (at >= 0) {
      const slice = this.slice(doc, at);
      const hits = r.matcher.hits(slice.folded);
      if (hits.length) shown = excerpt(slice.text, hits, width, slice);
    }
    if (!shown && t.summary) shown = excerpt(t.summary, r.matcher.hits(t.fSummary), width);
    if (!shown && (a.contentText ?? a.contentHtml)) {
      const start = bodySlice(a, 0);
      shown = excerpt(start.text, [], width, start);
    }
    return {
      article: a,
      doc,
      title: highlightAll(t.title, r.matcher.hits(t.fTitle)),
      excerpt: shown,
      exact: r.exact.get(doc) ?? 0,
    };
  }

  /**
   * The documents matching a query, best first by the index's score, the
   * first `need` of them with their body positions. The archive reader
   * overrides it: it fetches the index files and articles these need first.
   */
  protected async candidates(tokens: QueryToken[], need: number, _signal?: AbortSignal): Promise<MatchResult> {
    return this.index.match(tokens, need);
  }

  private async rank(tokens: QueryToken[], query: string, need: number, signal?: AbortSignal): Promise<Ranked> {
    const Fuse = await loadFuse();
    signal?.throwIfAborted();
    const slicer = new TimeSlicer(signal);
    const timings = { match: 0, prepare: 0, fuse: 0 };
    let t0 = performance.now();
    const match = await this.candidates(tokens, need, signal);
    timings.match = performance.now() - t0;
    t0 = performance.now();
    const matcher = new WordMatcher(tokens, match.words, match.activeFlags);
    const marks = tokens.map((t, j) => (t.marked && match.activeFlags[j] ? markedWordPattern(t) : null)).filter((re) => re !== null);
    const head = Math.min(match.docs.length, need);
    const m = tokens.length;
    const rows: Row[] = [];
    const anchors = new Map<number, number>();
    const exact = new Map<number, number>();
    for (let i = 0; i < head; i++) {
      const doc = match.docs[i];
      const a = this.items[doc];
      const t = this.short(doc);
      const at = anchorOf(match.positions, i * m, m);
      anchors.set(doc, at);
      // fuse.js gets folded text, and of summary and body only the stretch
      // around the first match: its cost grows with the length of what it reads.
      rows.push({
        doc,
        title: t.fTitle,
        summary: around(t.fSummary, matcher),
        category: t.fCategory,
        body: at >= 0 ? around(this.slice(doc, at).folded, matcher) : '',
      });
      if (marks.length) {
        const src = a.contentText ?? a.contentHtml ?? '';
        let n = 0;
        for (const re of marks) if (re.test(t.title) || re.test(t.summary) || re.test(t.category) || re.test(src)) n++;
        exact.set(doc, n);
      }
      if ((i & 15) === 15 && slicer.due) {
        timings.prepare += performance.now() - t0;
        await slicer.tick();
        t0 = performance.now();
      }
    }
    timings.prepare += performance.now() - t0;
    // fuse.js scores each item on its own fields only, so scoring in slices
    // gives the same scores as one call over all of them.
    const fuseScore = new Map<number, number>();
    // Pattern and rows folded alike, as the index folds: fuse.js need not lower-case
    // and strip marks from every field on every call (its ignoreDiacritics and
    // case folding cost a fifth of its time, for text already folded).
    const pattern = fold(query.normalize('NFC').trim());
    for (let i = 0; i < rows.length; i += FUSE_SLICE) {
      t0 = performance.now();
      const fuse = new Fuse(rows.slice(i, i + FUSE_SLICE), {
        keys: FUSE_KEYS,
        includeScore: true,
        isCaseSensitive: true,
        ignoreLocation: true,
        threshold: 0.4,
        shouldSort: false,
      });
      for (const r of fuse.search(pattern)) fuseScore.set(r.item.doc, r.score ?? 1);
      timings.fuse += performance.now() - t0;
      await slicer.tick();
    }
    Object.assign(this.lastTimings, timings);
    const top = match.scores[0] || 1;
    const relevance = new Map<number, number>();
    for (let i = 0; i < head; i++) {
      const doc = match.docs[i];
      relevance.set(doc, 0.55 * (match.scores[i] / top) + 0.45 * (1 - (fuseScore.get(doc) ?? 1)));
    }
    const headOrder = match.docs
      .slice(0, head)
      .sort((a, b) => (exact.get(b) ?? 0) - (exact.get(a) ?? 0) || relevance.get(b)! - relevance.get(a)! || a - b);
    return { matcher, order: headOrder.concat(match.docs.slice(head)), fused: head, anchors, exact };
  }
}

const inPage = new PerFeed<SearchEngine>();

/**
 * The page-wide search engine of a feed, on the main thread: every caller
 * naming the same feed shares one index (see `PerFeed`). `searchFor()` in
 * worker-client.ts runs the same engine in a worker.
 */
export function searchEngineFor(feed: Feed, cache?: SearchIndexCache | null): Promise<SearchEngine> {
  return inPage.get(feed, (version, signal) => SearchEngine.create(feed.items, { url: feed.url, signal, cache, version }));
}
