import { foldUnit, marksAgree } from './fold.js';
import { eachWord, type QueryToken } from './tokenize.js';

/** The characters of the Latin alphabet that fold to each folded letter (`a` → `aàáảãạăắ…`). */
const variants = new Map<number, string>();
function variantsOf(c: number): string {
  let v = variants.get(c);
  if (v === undefined) {
    v = '';
    for (const [from, to] of [
      [0x30, 0x7a],
      [0xc0, 0x24f],
      [0x1e00, 0x1eff],
    ]) {
      for (let x = from; x <= to; x++) if (foldUnit(x) === c && String.fromCharCode(x).toLowerCase() === String.fromCharCode(x)) v += String.fromCharCode(x);
    }
    variants.set(c, v || String.fromCharCode(c));
  }
  return v;
}

// Words hold only letters, digits and marks; escaping is a safeguard.
const escapeRe = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/**
 * A regex that finds a marked query word in raw text the way `marksAgree`
 * compares it: a plain letter stands for any of its marked forms, a marked
 * one only for itself (either case).
 */
export function markedWordPattern(token: QueryToken): RegExp {
  let body = '';
  for (let i = 0; i < token.typed.length; i++) {
    const c = token.typed.charCodeAt(i);
    const f = foldUnit(c);
    body += f === c ? `[${escapeRe(variantsOf(f))}]` : escapeRe(token.typed[i]);
  }
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}${token.prefix ? '' : '(?![\\p{L}\\p{N}])'}`, 'iu');
}

/** A string with the ranges (`[start, end)`, UTF-16 offsets) to mark in it. */
export interface Highlighted {
  text: string;
  ranges: [number, number][];
}

/** A word of a text that matched query word number `token`. */
export interface Hit {
  start: number;
  end: number;
  token: number;
}

/**
 * Decides which folded words of a document match which query word: the
 * vocabulary words the index matched (exact or near miss), and words that
 * begin with a word still being typed.
 */
export class WordMatcher {
  private readonly owner = new Map<string, number>();
  /** Length and first unit of every word in `owner` (length × 0x10000 + unit): most words of a text are ruled out without a string. */
  private readonly shapes = new Set<number>();
  /** Query words still being typed that take part. */
  private readonly prefixes: number[] = [];

  // Words are looked up, not found by one regex of every word that can match:
  // that regex was new on every key, and compiling it cost more than the scan.
  constructor(
    readonly query: QueryToken[],
    words: Set<string>[],
    /** Query words that take part (a one-letter word still being typed does not). */
    active: boolean[],
  ) {
    query.forEach((t, j) => {
      if (!active[j]) return;
      for (const w of words[j]) {
        if (this.owner.has(w)) continue;
        this.owner.set(w, j);
        this.shapes.add(w.length * 0x10000 + w.charCodeAt(0));
      }
      if (t.prefix) this.prefixes.push(j);
    });
  }

  /** The query word that the word `folded.slice(start, end)` matches, or -1. */
  private matchAt(folded: string, start: number, end: number): number {
    const length = end - start;
    if (this.shapes.has(length * 0x10000 + folded.charCodeAt(start))) {
      const j = this.owner.get(folded.slice(start, end));
      if (j !== undefined) return j;
    }
    for (const k of this.prefixes) {
      const p = this.query[k].folded;
      if (p.length <= length && folded.startsWith(p, start)) return k;
    }
    return -1;
  }

  /** Every matching word of a text, given the text folded (same offsets). */
  hits(folded: string): Hit[] {
    const hits: Hit[] = [];
    if (!this.owner.size && !this.prefixes.length) return hits;
    eachWord(folded, (start, end) => {
      const token = this.matchAt(folded, start, end);
      if (token >= 0) hits.push({ start, end, token });
    });
    return hits;
  }

  /** Offset of the first matching word in a folded text, or -1. */
  first(folded: string): number {
    let at = -1;
    if (!this.owner.size && !this.prefixes.length) return at;
    eachWord(folded, (start, end) => {
      if (this.matchAt(folded, start, end) < 0) return false;
      at = start;
      return true;
    });
    return at;
  }

  /** Which marked query words some hit matches with the marks the reader typed. */
  exactMarks(original: string, hits: Hit[], into: Set<number>) {
    for (const h of hits) {
      const t = this.query[h.token];
      if (t.marked && !into.has(h.token) && marksAgree(t.typed, original.slice(h.start, h.end))) into.add(h.token);
    }
  }
}

export const highlightAll = (text: string, hits: Hit[]): Highlighted => ({
  text,
  ranges: hits.map((h) => [h.start, h.end]),
});

/**
 * The stretch of `text` (about `width` characters, cut at word boundaries)
 * holding the most distinct query words, with its hits as ranges; the start
 * of the text when nothing matched. `…` marks a cut (`cut` tells that `text`
 * is itself a stretch of something longer).
 */
export function excerpt(text: string, hits: Hit[], width = 160, cut: { before?: boolean; after?: boolean } = {}): Highlighted {
  if (text.length <= width && !cut.before && !cut.after) return highlightAll(text, hits);
  let bestStart = 0;
  let bestDistinct = 0;
  let bestCount = 0;
  if (hits.length) {
    const counts = new Map<number, number>();
    let j = 0;
    for (let i = 0; i < hits.length; i++) {
      while (j < hits.length && hits[j].end - hits[i].start <= width * 0.8) {
        counts.set(hits[j].token, (counts.get(hits[j].token) ?? 0) + 1);
        j++;
      }
      const distinct = counts.size;
      const count = j - i;
      if (distinct > bestDistinct || (distinct === bestDistinct && count > bestCount)) {
        bestDistinct = distinct;
        bestCount = count;
        bestStart = hits[i].start;
      }
      const c = counts.get(hits[i].token)! - 1;
      if (c) counts.set(hits[i].token, c);
      else counts.delete(hits[i].token);
    }
  }
  // A little context before the first hit, starting on a word.
  let start = Math.max(0, bestStart - Math.round(width * 0.2));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < bestStart ? space + 1 : bestStart;
  }
  let end = Math.min(text.length, start + width);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  const prefix = start > 0 || cut.before ? '… ' : '';
  const suffix = end < text.length || cut.after ? ' …' : '';
  const shift = prefix.length - start;
  const ranges: [number, number][] = [];
  for (const h of hits) {
    if (h.start >= start && h.end <= end) ranges.push([h.start + shift, h.end + shift]);
  }
  return { text: prefix + text.slice(start, end) + suffix, ranges };
}
