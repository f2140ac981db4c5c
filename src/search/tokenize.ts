import { fold } from './fold.js';

/** A word of folded text: letters, digits and any marks left inside them. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

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
