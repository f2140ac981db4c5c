import { scanWords, type WordSink } from './scan.js';
import type { QueryToken } from './tokenize.js';
import type { TimeSlicer } from './yield.js';

/**
 * The folded-token index that narrows a query to a few hundred candidates
 * before fuse.js scores them. Every folded word of every field, with the
 * documents it occurs in, the fields, and where it first occurs in the body.
 * Terms are sorted, so a word being typed is a binary search and a scan of
 * its prefix range; a typo is a bounded edit-distance scan of the vocabulary.
 */

export const FIELD_TITLE = 1;
export const FIELD_SUMMARY = 2;
export const FIELD_CATEGORY = 4;
export const FIELD_BODY = 8;
/** `positions` value of a posting with no body occurrence. */
export const NO_POSITION = 0xffff;
/**
 * `positions` value of a body occurrence whose place is not known yet (an archive article of
 * which only the head of the body is here): the first place of a query word whose known places
 * are all NO_POSITION, since it is smaller.
 */
export const UNKNOWN_POSITION = 0xfffe;
/** Body offsets are kept in units of 4 code units, so 16 bits reach 256 K characters. */
export const POSITION_UNIT = 4;

/** A body offset as `positions` keeps it. */
export const bodyPosition = (start: number): number => Math.min(Math.floor(start / POSITION_UNIT), UNKNOWN_POSITION - 1);

/** The searchable fields of one document, as the feed gives them. */
export interface IndexSource {
  title: string;
  /** May hold HTML (some feeds put markup in summaries): it is stripped. */
  summary: string;
  category: string;
  body: string;
  bodyIsHtml: boolean;
}

/** The index as plain data: what IndexedDB stores and `TokenIndex` reads. */
export interface IndexData {
  docCount: number;
  /** Every folded word, sorted by UTF-16 code units. */
  terms: string[];
  /** Postings of term t are `docs[offsets[t]] … docs[offsets[t + 1] - 1]`. */
  offsets: Uint32Array;
  /** Document numbers (positions in the feed's items), ascending within a term. */
  docs: Uint16Array | Uint32Array;
  /** Field bits (FIELD_*) where the term occurs in that document. */
  fields: Uint8Array;
  /** First offset of the term in the body source / POSITION_UNIT, or NO_POSITION. */
  positions: Uint16Array;
}

function grow<T extends Uint8Array | Uint16Array | Uint32Array | Int32Array>(a: T, min: number): T {
  if (a.length >= min) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(min, a.length * 2));
  b.set(a);
  return b;
}

/** Collects words into a hash table of terms and a flat list of postings, in document order. */
class Builder implements WordSink {
  terms: string[] = [];
  private hashes = new Uint32Array(1024);
  private slots = new Int32Array(1 << 14);
  private lastDoc = new Int32Array(1024).fill(-1);
  private lastPost = new Int32Array(1024);
  pTerm = new Uint32Array(1 << 16);
  pDoc = new Uint32Array(1 << 16);
  pField = new Uint8Array(1 << 16);
  pPos = new Uint16Array(1 << 16);
  count = 0;
  doc = 0;
  bit = 0;

  word(buffer: Uint16Array, length: number, hash: number, start: number) {
    const id = this.termId(buffer, length, hash);
    const pos = this.bit === FIELD_BODY ? bodyPosition(start) : NO_POSITION;
    if (this.lastDoc[id] === this.doc) {
      const p = this.lastPost[id];
      this.pField[p] |= this.bit;
      if (this.pPos[p] === NO_POSITION) this.pPos[p] = pos;
      return;
    }
    const p = this.count++;
    if (p >= this.pTerm.length) {
      this.pTerm = grow(this.pTerm, p + 1);
      this.pDoc = grow(this.pDoc, p + 1);
      this.pField = grow(this.pField, p + 1);
      this.pPos = grow(this.pPos, p + 1);
    }
    this.pTerm[p] = id;
    this.pDoc[p] = this.doc;
    this.pField[p] = this.bit;
    this.pPos[p] = pos;
    this.lastDoc[id] = this.doc;
    this.lastPost[id] = p;
  }

  private termId(buffer: Uint16Array, length: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot];
      if (entry === 0) break;
      const id = entry - 1;
      if (this.hashes[id] !== hash) continue;
      const term = this.terms[id];
      if (term.length !== length) continue;
      let same = true;
      for (let i = 0; i < length; i++) {
        if (term.charCodeAt(i) !== buffer[i]) {
          same = false;
          break;
        }
      }
      if (same) return id;
    }
    const id = this.terms.length;
    this.terms.push(String.fromCharCode.apply(null, buffer.subarray(0, length) as unknown as number[]));
    this.hashes = grow(this.hashes, id + 1);
    this.hashes[id] = hash;
    if (id >= this.lastDoc.length) {
      const n = this.lastDoc.length * 2;
      this.lastDoc = grow(this.lastDoc, n);
      this.lastDoc.fill(-1, id);
      this.lastPost = grow(this.lastPost, n);
    }
    if (this.terms.length * 2 > this.slots.length) this.rehash();
    else this.insert(id, hash);
    return id;
  }

  private insert(id: number, hash: number) {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = id + 1;
  }

  private rehash() {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let id = 0; id < this.terms.length; id++) this.insert(id, this.hashes[id]);
  }
}

/** Builds the index a few milliseconds at a time (`slicer.tick()` yields to the page). */
export async function buildIndexData(count: number, sourceAt: (i: number) => IndexSource, slicer: TimeSlicer): Promise<IndexData> {
  const b = new Builder();
  for (let d = 0; d < count; d++) {
    const doc = sourceAt(d);
    b.doc = d;
    b.bit = FIELD_TITLE;
    scanWords(doc.title, false, b);
    b.bit = FIELD_SUMMARY;
    scanWords(doc.summary, true, b);
    b.bit = FIELD_CATEGORY;
    scanWords(doc.category, false, b);
    b.bit = FIELD_BODY;
    scanWords(doc.body, doc.bodyIsHtml, b);
    await slicer.tick();
  }
  const { terms } = b;

  // Sort the vocabulary bucket by bucket (first two characters): the same
  // order as one global sort, without one long task.
  const buckets = new Map<string, number[]>();
  for (let id = 0; id < terms.length; id++) {
    const key = terms[id].slice(0, 2);
    const bucket = buckets.get(key);
    if (bucket) bucket.push(id);
    else buckets.set(key, [id]);
  }
  await slicer.tick();
  const rank = new Uint32Array(terms.length);
  const sorted: string[] = [];
  for (const key of [...buckets.keys()].sort(compare)) {
    const bucket = buckets.get(key)!;
    bucket.sort((x, y) => compare(terms[x], terms[y]));
    for (const id of bucket) {
      rank[id] = sorted.length;
      sorted.push(terms[id]);
    }
    await slicer.tick();
  }

  // Postings grouped by term, in sorted-term order; documents stay ascending.
  const offsets = new Uint32Array(sorted.length + 1);
  for (let p = 0; p < b.count; p++) {
    offsets[rank[b.pTerm[p]] + 1]++;
    if ((p & 0xffff) === 0) await slicer.tick();
  }
  for (let t = 0; t < sorted.length; t++) offsets[t + 1] += offsets[t];
  const cursor = offsets.slice(0, sorted.length);
  const docs = count <= 0xffff ? new Uint16Array(b.count) : new Uint32Array(b.count);
  const fields = new Uint8Array(b.count);
  const positions = new Uint16Array(b.count);
  for (let p = 0; p < b.count; p++) {
    const q = cursor[rank[b.pTerm[p]]]++;
    docs[q] = b.pDoc[p];
    fields[q] = b.pField[p];
    positions[q] = b.pPos[p];
    if ((p & 0xffff) === 0) await slicer.tick();
  }
  return { docCount: count, terms: sorted, offsets, docs, fields, positions };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** How well a vocabulary term matches a query word. */
const EXACT = 1;
const PREFIX = 0.8;
const FUZZY = 0.45;

/** A field's weight in the narrowing score: the title counts most. */
const FIELD_WEIGHT = (() => {
  const w = new Float32Array(16);
  for (let bits = 0; bits < 16; bits++) {
    w[bits] =
      (bits & FIELD_TITLE ? 3 : 0) +
      (bits & FIELD_SUMMARY ? 1.5 : 0) +
      (bits & FIELD_CATEGORY ? 1.5 : 0) +
      (bits & FIELD_BODY ? 1 : 0);
  }
  return w;
})();

export interface TermMatch {
  term: number;
  quality: number;
}

export interface MatchResult {
  /** Documents that match every query word (else as many as any does), best first. */
  docs: number[];
  /** Narrowing score of each of `docs`. */
  scores: number[];
  /** How many query words took part (a one-letter word still being typed does not). */
  active: number;
  /** Per query word: whether it took part. */
  activeFlags: boolean[];
  /** How many of them the documents in `docs` match. */
  matched: number;
  /** Per query word: the folded words of the vocabulary it matched exactly or by a typo. */
  words: Set<string>[];
  /**
   * For the first `head` of `docs`: where each query word first occurs in the
   * body (`positions[i * query.length + j]`, in POSITION_UNITs, NO_POSITION if not there,
   * UNKNOWN_POSITION if there but not where).
   */
  positions: Uint16Array;
}

/** The `k` largest of some (distinct) keys, ascending; all of them, sorted, when there are few. */
function topKeys(keys: Float64Array, k: number): Float64Array {
  if (keys.length <= k * 4) return keys.slice().sort();
  // A min-heap of the best k so far: O(n log k), not a sort of everything.
  const heap = new Float64Array(k);
  let size = 0;
  for (let i = 0; i < keys.length; i++) {
    const x = keys[i];
    if (size < k) {
      let c = size++;
      heap[c] = x;
      while (c > 0) {
        const parent = (c - 1) >> 1;
        if (heap[parent] <= heap[c]) break;
        [heap[parent], heap[c]] = [heap[c], heap[parent]];
        c = parent;
      }
    } else if (x > heap[0]) {
      heap[0] = x;
      let c = 0;
      for (;;) {
        const l = 2 * c + 1;
        const r = l + 1;
        let smallest = c;
        if (l < k && heap[l] < heap[smallest]) smallest = l;
        if (r < k && heap[r] < heap[smallest]) smallest = r;
        if (smallest === c) break;
        [heap[smallest], heap[c]] = [heap[c], heap[smallest]];
        c = smallest;
      }
    }
  }
  return heap.sort();
}

/**
 * Which query words take part in narrowing: a one-letter last word being typed
 * matches half the vocabulary, narrows nothing, and fuse.js still sees it.
 */
export const activeWords = (query: readonly QueryToken[]): boolean[] =>
  query.map((t, i) => !(t.prefix && t.folded.length < 2 && query.length > 1 && i === query.length - 1));

/** A rare or unknown word is likely a typo of a common one: the vocabulary is scanned for near misses. */
export const needsTypoScan = (word: string, seen: number, docCount: number): boolean =>
  word.length >= 3 && seen <= Math.max(2, docCount * 0.002);

/** Whether a vocabulary term is a near miss of a query word (1 edit, 2 from 7 letters; not a word it begins while typed). */
export function isTypoOf(token: QueryToken, term: string): boolean {
  const word = token.folded;
  const max = word.length >= 7 ? 2 : 1;
  if (Math.abs(term.length - word.length) > max || term === word) return false;
  if (token.prefix && term.startsWith(word)) return false;
  return editDistance(word, term, max) <= max;
}

/** Optimal string alignment distance (adjacent transpositions count 1), or max + 1 once over `max`. */
export function editDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  let prev2 = new Array<number>(lb + 1).fill(0);
  let prev = Array.from({ length: lb + 1 }, (_, j) => j);
  let cur = new Array<number>(lb + 1).fill(0);
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[lb];
}

/** The index at query time. */
export class TokenIndex {
  readonly docCount: number;
  readonly terms: string[];
  private readonly offsets: Uint32Array;
  private readonly docs: Uint16Array | Uint32Array;
  private readonly fields: Uint8Array;
  private readonly positions: Uint16Array;
  // Scratch arrays reused by every query.
  private readonly total: Float32Array;
  private readonly best: Float32Array;
  private readonly cover: Uint8Array;
  private readonly seenAt: Int32Array;
  private readonly tokenAt: Int32Array;
  private readonly touched: Uint32Array;
  private readonly ofToken: Uint32Array;
  private readonly firstPos: Uint16Array[] = [];
  private queryStamp = 0;
  private readonly expansions = new Map<string, TermMatch[]>();

  constructor(readonly data: IndexData) {
    this.docCount = data.docCount;
    this.terms = data.terms;
    this.offsets = data.offsets;
    this.docs = data.docs;
    this.fields = data.fields;
    this.positions = data.positions;
    this.total = new Float32Array(data.docCount);
    this.best = new Float32Array(data.docCount);
    this.cover = new Uint8Array(data.docCount);
    this.seenAt = new Int32Array(data.docCount);
    this.tokenAt = new Int32Array(data.docCount);
    this.touched = new Uint32Array(data.docCount);
    this.ofToken = new Uint32Array(data.docCount);
  }

  /** Approximate memory held by the index, in bytes (strings at 2 bytes a unit plus headers). */
  get bytes(): number {
    let strings = 0;
    for (const t of this.terms) strings += 16 + t.length * 2;
    return (
      strings +
      this.terms.length * 4 +
      this.offsets.byteLength +
      this.docs.byteLength +
      this.fields.byteLength +
      this.positions.byteLength +
      this.docCount * (4 + 4 + 1 + 4 + 4 + 4 + 4)
    );
  }

  /** Number of documents a term occurs in. */
  df(term: number): number {
    return this.offsets[term + 1] - this.offsets[term];
  }

  private lowerBound(word: string): number {
    let lo = 0;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.terms[mid] < word) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The term number of a folded word, or -1. */
  find(word: string): number {
    const i = this.lowerBound(word);
    return this.terms[i] === word ? i : -1;
  }

  /** A query word's own terms (itself, and the words it begins while typed) and how many postings they have together. */
  direct(token: QueryToken): { matches: TermMatch[]; exact: number; seen: number } {
    const matches: TermMatch[] = [];
    const word = token.folded;
    const exact = this.find(word);
    if (exact >= 0) matches.push({ term: exact, quality: EXACT });
    let seen = exact >= 0 ? this.df(exact) : 0;
    if (token.prefix && word.length >= 2) {
      for (let t = this.lowerBound(word); t < this.terms.length && this.terms[t].startsWith(word); t++) {
        if (t === exact) continue;
        matches.push({ term: t, quality: PREFIX });
        seen += this.df(t);
      }
    }
    return { matches, exact, seen };
  }

  /** Vocabulary terms a query word stands for: itself, words it begins (while typed), and near misses. */
  expand(token: QueryToken): TermMatch[] {
    const key = `${token.prefix ? '>' : '='}${token.folded}`;
    let matches = this.expansions.get(key);
    if (matches) return matches;
    const direct = this.direct(token);
    matches = direct.matches;
    if (needsTypoScan(token.folded, direct.seen, this.docCount)) {
      for (let t = 0; t < this.terms.length; t++) {
        if (t !== direct.exact && isTypoOf(token, this.terms[t])) matches.push({ term: t, quality: FUZZY });
      }
    }
    if (this.expansions.size > 500) this.expansions.clear();
    this.expansions.set(key, matches);
    return matches;
  }

  /** Copies the body positions of the best documents out of the scratch arrays. */
  private headPositions(query: QueryToken[], activeFlags: boolean[], docs: number[], head: number): Uint16Array {
    const m = query.length;
    const out = new Uint16Array(Math.min(head, docs.length) * m).fill(NO_POSITION);
    for (let i = 0; i * m < out.length; i++) {
      for (let j = 0; j < m; j++) if (activeFlags[j]) out[i * m + j] = this.firstPos[j][docs[i]];
    }
    return out;
  }

  /**
   * The documents that match a query, best first by a cheap score: for each
   * query word, its best (match quality × idf × field weight) in the
   * document, summed. Every active word must match; if no document has them
   * all, the documents that have the most are returned.
   */
  match(query: QueryToken[], head = 100): MatchResult {
    const activeFlags = activeWords(query);
    const active = query.filter((_, i) => activeFlags[i]);
    const words: Set<string>[] = query.map(() => new Set<string>());
    const stamp = ++this.queryStamp;
    const { total, best, cover, seenAt, tokenAt, offsets, docs, fields, positions, touched, ofToken } = this;
    let touchedCount = 0;
    const n = this.docCount;
    while (this.firstPos.length < query.length) this.firstPos.push(new Uint16Array(n));
    for (let k = 0; k < active.length; k++) {
      const token = active[k];
      const j = query.indexOf(token);
      const wordSet = words[j];
      const at = this.firstPos[j];
      const tokenStamp = stamp * 64 + k + 1;
      let ofTokenCount = 0;
      // A near miss that is another word of the query is that word, not a typo of this one.
      const others = new Set(active.filter((t) => t !== token).map((t) => t.folded));
      for (const { term, quality } of this.expand(token)) {
        if (quality === FUZZY && others.has(this.terms[term])) continue;
        if (quality !== PREFIX) wordSet.add(this.terms[term]);
        const start = offsets[term];
        const end = offsets[term + 1];
        const w = quality * Math.log(1 + n / (end - start));
        for (let p = start; p < end; p++) {
          const d = docs[p];
          const s = w * FIELD_WEIGHT[fields[p]];
          if (seenAt[d] !== stamp) {
            seenAt[d] = stamp;
            total[d] = 0;
            cover[d] = 0;
            touched[touchedCount++] = d;
          }
          const pos = positions[p];
          if (tokenAt[d] !== tokenStamp) {
            tokenAt[d] = tokenStamp;
            best[d] = s;
            at[d] = pos;
            ofToken[ofTokenCount++] = d;
          } else {
            if (s > best[d]) best[d] = s;
            if (pos < at[d]) at[d] = pos;
          }
        }
      }
      for (let i = 0; i < ofTokenCount; i++) {
        const d = ofToken[i];
        total[d] += best[d];
        cover[d]++;
      }
    }
    let matched = 0;
    for (let i = 0; i < touchedCount; i++) if (cover[touched[i]] > matched) matched = cover[touched[i]];
    if (n > 0x3fffff) {
      const outDocs = [...touched.subarray(0, touchedCount)].filter((d) => cover[d] === matched).sort((a, b) => total[b] - total[a] || a - b);
      return { docs: outDocs, scores: outDocs.map((d) => total[d]), active: active.length, activeFlags, matched, words, positions: this.headPositions(query, activeFlags, outDocs, head) };
    }
    // Order by score, ties by feed order (newest first in a news feed): one
    // numeric key per document. Only the best `head` need an order (the rest
    // count towards the total; asking for more ranks again), so a large set is
    // not sorted whole.
    const keys = new Float64Array(touchedCount);
    let m = 0;
    for (let i = 0; i < touchedCount; i++) {
      const d = touched[i];
      if (cover[d] === matched) keys[m++] = Math.round(total[d] * 4096) * 0x400000 + (0x3fffff - d);
    }
    const top = topKeys(keys.subarray(0, m), head);
    const outDocs: number[] = new Array(m);
    const scores: number[] = new Array(m);
    const docOf = (key: number) => 0x3fffff - (key % 0x400000);
    let o = 0;
    for (let i = top.length - 1; i >= 0; i--) {
      const d = docOf(top[i]);
      outDocs[o] = d;
      scores[o++] = total[d];
    }
    if (o < m) {
      const floor = top[0];
      for (let i = 0; i < m; i++) {
        if (keys[i] >= floor) continue;
        const d = docOf(keys[i]);
        outDocs[o] = d;
        scores[o++] = total[d];
      }
    }
    return { docs: outDocs, scores, active: active.length, activeFlags, matched, words, positions: this.headPositions(query, activeFlags, outDocs, head) };
  }
}
