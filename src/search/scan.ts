import { FNV_OFFSET, fnv1a } from '../shared/hash.js';
import { foldUnit } from './fold.js';
import { BLOCK_TAGS, decodeEntity, SKIPPED_TAGS } from '../shared/text.js';

/**
 * One pass over a field's source text (HTML or plain) that finds its folded
 * words without building a string per word: tags and entities are handled
 * as `stripHtml` does, each unit is folded on the way, and each word arrives
 * as a buffer, a length, an FNV-1a hash and its offset in the source. This
 * is what makes indexing ten thousand full articles take seconds, not tens.
 */
export interface WordSink {
  word(buffer: Uint16Array, length: number, hash: number, start: number): void;
}

/** Words longer than this are not words (URLs, base64, runs of digits): they are skipped. */
export const MAX_WORD = 40;

/** What a UTF-16 unit is to a word: a separator, a letter or digit, or a mark (part of a word it follows). */
export const SEP = 1;
export const WORD = 2;
export const MARK = 3;
const classes = new Uint8Array(0x10000);

/** SEP, WORD or MARK for a UTF-16 unit (surrogates are SEP: callers that read astral letters pair them). */
export function unitClass(c: number): number {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) ? WORD : SEP;
  let k = classes[c];
  if (k === 0) {
    if (c >= 0xd800 && c <= 0xdfff) k = SEP;
    else {
      const ch = String.fromCharCode(c);
      k = /[\p{L}\p{N}]/u.test(ch) ? WORD : /\p{M}/u.test(ch) ? MARK : SEP;
    }
    classes[c] = k;
  }
  return k;
}


const buffer = new Uint16Array(MAX_WORD + 1);

export function scanWords(text: string, html: boolean, sink: WordSink): void {
  const n = text.length;
  let len = 0;
  let hash = FNV_OFFSET;
  let start = 0;
  let long = false;
  const end = () => {
    if (len && !long) sink.word(buffer, len, hash >>> 0, start);
    len = 0;
    hash = FNV_OFFSET;
    long = false;
  };
  const add = (c: number, at: number) => {
    const k = unitClass(c);
    if (k === WORD) {
      if (len === 0) start = at;
      if (len === MAX_WORD) long = true;
      else {
        const f = foldUnit(c);
        buffer[len++] = f;
        hash = fnv1a(hash, f);
      }
    } else if (k !== MARK || len === 0) {
      end();
    }
  };
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (html && c === 0x3c /* < */) {
      const next = text.charCodeAt(i + 1);
      if (next === 0x21 /* ! */ && text.startsWith('<!--', i)) {
        end();
        const close = text.indexOf('-->', i + 4);
        i = close < 0 ? n : close + 2;
        continue;
      }
      const isTag = next === 0x2f /* / */ || next === 0x21 || ((next | 0x20) >= 0x61 && (next | 0x20) <= 0x7a);
      if (isTag) {
        const close = text.indexOf('>', i + 1);
        if (close < 0) {
          end();
          break;
        }
        const name = /^<\/?([a-zA-Z][a-zA-Z0-9]*)/.exec(text.slice(i, Math.min(close + 1, i + 16)))?.[1]?.toLowerCase() ?? '';
        if (SKIPPED_TAGS.has(name) && next !== 0x2f) {
          end();
          const closing = new RegExp(`</${name}[^>]*>`, 'gi');
          closing.lastIndex = close;
          i = closing.exec(text) ? closing.lastIndex - 1 : n;
          continue;
        }
        if (BLOCK_TAGS.has(name)) end();
        i = close;
        continue;
      }
    }
    if (html && c === 0x26 /* & */) {
      const semi = text.indexOf(';', i + 1);
      if (semi > i + 1 && semi - i <= 10) {
        const decoded = decodeEntity(text.slice(i + 1, semi));
        if (decoded !== null) {
          for (let k = 0; k < decoded.length; k++) add(decoded.charCodeAt(k), i);
          i = semi;
          continue;
        }
      }
    }
    add(c, i);
  }
  end();
}
