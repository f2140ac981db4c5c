import { fold } from './fold.js';
import { SEP, unitClass } from './scan.js';

/** A word of folded text: letters, digits and any marks left inside them. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const astralWordChars = new Map<number, boolean>();

/** Units of the word character at `i` of `text` (1, or 2 for a surrogate pair); 0 if it is none (as WORD decides). */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
      let w = astralWordChars.get(cp);
      if (w === undefined) astralWordChars.set(cp, (w = WORD_CHAR.test(String.fromCodePoint(cp))));
      return w ? 2 : 0;
    }
  }
  // Letters, digits and marks, as the index's scanner classes them.
  return unitClass(c) === SEP ? 0 : 1;
}

/**
 * Calls `fn(start, end)` for each word of `text` (the words WORD finds) until
 * it returns true. No string or match object per word: a caller that looks
 * at most words only by their offsets allocates nothing for them.
 */
export function eachWord(text: string, fn: (start: number, end: number) => boolean | void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let w = wordCharAt(text, i);
    if (!w) {
      i++;
      continue;
    }
    const start = i;
    do i += w;
    while (i < n && (w = wordCharAt(text, i)));
    if (fn(start, i)) return;
  }
}

/** The words of a folded string. */
export function tokens(folded: string): string[] {
  return folded.match(WORD) ?? [];
}

export interface Span {
  start: number;
  end: number;
  word: string;
}

/** The words of a folded string with their offsets (the same offsets in the unfolded source). */
export function wordSpans(folded: string): Span[] {
  const spans: Span[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(folded); m; m = WORD.exec(folded)) {
    spans.push({ start: m.index, end: m.index + m[0].length, word: m[0] });
  }
  return spans;
}

export interface QueryToken {
  /** Folded: what the index matches. */
  folded: string;
  /** Lower-cased as typed, marks kept: what the exact-mark ranking compares. */
  typed: string;
  /** The reader typed tone or vowel marks (or đ) in this word. */
  marked: boolean;
  /** The word is still being typed (last, no space after it): it matches as a prefix. */
  prefix: boolean;
}

/** Words of a query that take part in a search. */
export const MAX_QUERY_WORDS = 24;

/** Splits what the reader typed into query words. */
export function parseQuery(query: string): QueryToken[] {
  const text = query.normalize('NFC');
  const folded = fold(text);
  // A pasted paragraph is not a query: its first words are.
  const spans = wordSpans(folded).slice(0, MAX_QUERY_WORDS);
  const open = spans.length > 0 && spans[spans.length - 1].end === text.length;
  return spans.map((s, i) => {
    const typed = text.slice(s.start, s.end).toLowerCase();
    return { folded: s.word, typed, marked: typed !== s.word, prefix: open && i === spans.length - 1 };
  });
}
