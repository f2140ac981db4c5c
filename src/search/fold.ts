/**
 * Diacritic folding for Vietnamese: `Kiểm điểm` → `kiem diem`, `Đường` → `duong`.
 *
 * Each UTF-16 unit folds to exactly one unit (NFD, combining marks stripped,
 * đ/Đ → d, lower-cased), so a folded string has the same length as its source
 * and an offset in one is the same offset in the other. That is what lets
 * highlights found on folded text land exactly on the original words. Text is
 * NFC-normalized first (`prepareText`), so a decomposed `e` + U+0301 becomes
 * one unit before folding.
 */

// 0 means "not computed yet"; U+0000 is handled before the lookup.
const table = new Uint16Array(0x10000);

function computeFold(c: number): number {
  // Lone surrogates have no case or decomposition.
  if (c >= 0xd800 && c <= 0xdfff) return c;
  const ch = String.fromCharCode(c);
  if (ch === 'đ' || ch === 'Đ') return 0x64;
  const stripped = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  if (stripped.length === 1) return stripped.charCodeAt(0);
  // A char whose lower case is not one unit (only U+0130 İ in the BMP), or a bare mark.
  const lower = ch.toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : c;
}

/** The folded form of one UTF-16 unit. */
export function foldUnit(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 32 : c;
  let f = table[c];
  if (f === 0) f = table[c] = computeFold(c);
  return f;
}

const decoder = typeof TextDecoder === 'function' ? new TextDecoder('utf-16le') : null;
let buffer = new Uint16Array(1024);

/** Folds a string: same length, same offsets, no tone marks, lower case. */
export function fold(text: string): string {
  const n = text.length;
  if (n > buffer.length) buffer = new Uint16Array(Math.max(n, buffer.length * 2));
  let changed = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const f = foldUnit(c);
    if (f !== c) changed = true;
    buffer[i] = f;
  }
  if (!changed) return text;
  if (decoder) return decoder.decode(buffer.subarray(0, n));
  let out = '';
  for (let i = 0; i < n; i += 4096) out += String.fromCharCode(...buffer.subarray(i, Math.min(n, i + 4096)));
  return out;
}

/** True when a string carries tone or vowel marks (or đ) beyond letter case. */
export function hasMarks(text: string): boolean {
  return fold(text) !== text.toLowerCase();
}

/**
 * Whether `original` (a word of the source text, same length as `query`)
 * agrees with the marks the reader typed: a plain letter in the query matches
 * any mark (`u` matches `ư`, `ú`), a marked letter only itself (`ờ` ≠ `ơ`).
 */
export function marksAgree(query: string, original: string): boolean {
  if (original.length < query.length) return false;
  for (let i = 0; i < query.length; i++) {
    const q = query.charCodeAt(i);
    const o = original.charCodeAt(i);
    if (q === o) continue;
    const fq = foldUnit(q);
    const lq = lowerUnit(q);
    if (fq === lq) {
      // A plain letter: any mark on the source letter will do.
      if (foldUnit(o) !== fq) return false;
    } else if (lowerUnit(o) !== lq) {
      return false;
    }
  }
  return true;
}

function lowerUnit(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 32 : c;
  const l = String.fromCharCode(c).toLowerCase();
  return l.length === 1 ? l.charCodeAt(0) : c;
}
