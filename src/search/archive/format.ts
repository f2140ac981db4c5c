/**
 * The archive index's files, byte by byte: what the builder writes and the
 * reader reads, in one module so the two cannot drift apart. The format is
 * described for other readers in docs/search-index.md; change both together
 * (and ARCHIVE_FORMAT when an old reader could no longer read the files).
 *
 * Only what Node 20 and browsers both have: typed arrays, TextEncoder,
 * CompressionStream / DecompressionStream.
 */

import { ARCHIVE_FORMAT, ArchiveError, type TermRanges } from './manifest.js';

export { MANIFEST_NAME } from './folder.js';
// The manifest has a module of its own: the page reads it, the engine (in the worker) the rest.
export { ARCHIVE_FORMAT, ArchiveError, parseManifest, type ArchiveManifest, type TermRanges } from './manifest.js';
/** The first four bytes of every file (before gzip): `BSIX`. */
export const MAGIC = [0x42, 0x53, 0x49, 0x58] as const;
/**
 * Files are gzipped by the builder and read with DecompressionStream. The
 * extension is one no web server maps to `Content-Encoding: gzip` (as `.gz`
 * can be), so the bytes on the wire are the builder's, whatever the host.
 */
export const FILE_EXT = '.bsi';

/** What a file holds (its sixth byte). */
export const KIND_POSTINGS = 1;
export const KIND_VOCABULARY = 2;
export const KIND_DISPLAY = 3;
export const KIND_REST = 4;
export type FileKind = typeof KIND_POSTINGS | typeof KIND_VOCABULARY | typeof KIND_DISPLAY | typeof KIND_REST;

const FOLDER: Record<FileKind, string> = { [KIND_POSTINGS]: 'p', [KIND_VOCABULARY]: 'v', [KIND_DISPLAY]: 'd', [KIND_REST]: 'r' };

/**
 * Characters of a body a display file holds (cut before a word, so no word is split): a
 * query's words mostly occur early in a news article, and its excerpt is cut around them. The
 * rest of a longer body is in a rest file, fetched only for an article whose ranking or
 * excerpt needs it.
 */
export const BODY_HEAD = 1000;

/** `body` cut into what a display file holds and the rest (null: it holds all of it). */
export function splitBody(body: string): [head: string, rest: string | null] {
  if (body.length <= BODY_HEAD) return [body, null];
  const cut = body.lastIndexOf(' ', BODY_HEAD);
  // No space in the second half of the head: not prose, kept whole.
  if (cut < BODY_HEAD / 2) return [body, null];
  return [body.slice(0, cut), body.slice(cut)];
}

/** The path of file `n` of a kind, relative to the index folder: `p/12.bsi`. */
export const filePath = (kind: FileKind, n: number): string => `${FOLDER[kind]}/${n}${FILE_EXT}`;

/** One article as a display file gives it (JSON; absent fields are null). */
export interface DisplayRecord {
  id: string;
  url?: string;
  title: string;
  /** As the feed gives it (it may hold HTML). */
  summary?: string;
  category?: string;
  /** date_published / date_modified, ISO 8601. */
  published?: string;
  modified?: string;
  image?: string;
  /** The body as plain text (HTML stripped): where excerpts come from. */
  body?: string;
  /** The body is the summary as plain text (`body` is then left out: many feeds repeat the lead). */
  summaryIsBody?: true;
  /** `body` is the body's first part only: the rest file of this display file (`r/N.bsi`) holds the rest. */
  more?: true;
}

/** The decoded content of a posting file. */
export interface PostingShard {
  terms: string[];
  /** Postings of term t: `docs[offsets[t]] … docs[offsets[t + 1] - 1]`, ascending (offsets[0] is 0 when decoded). */
  offsets: Uint32Array;
  docs: Uint32Array;
  /** FIELD_* bits of each posting. */
  fields: Uint8Array;
}

// ---- bytes ----

/** A growable byte buffer with LEB128 varints. */
export class ByteWriter {
  private buf = new Uint8Array(1024);
  length = 0;

  private room(n: number) {
    if (this.length + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.length + n, this.buf.length * 2));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  byte(b: number) {
    this.room(1);
    this.buf[this.length++] = b;
  }

  varint(n: number) {
    this.room(5);
    while (n >= 0x80) {
      this.buf[this.length++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    this.buf[this.length++] = n;
  }

  bytes(b: Uint8Array) {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

export class ByteReader {
  pos = 0;
  constructor(readonly buf: Uint8Array) {}

  byte(): number {
    if (this.pos >= this.buf.length) throw new ArchiveError('file ends too early');
    return this.buf[this.pos++];
  }

  varint(): number {
    let n = 0;
    let shift = 0;
    for (;;) {
      const b = this.byte();
      n += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return n;
      shift += 7;
      if (shift > 35) throw new ArchiveError('bad number');
    }
  }

  bytes(n: number): Uint8Array {
    if (this.pos + n > this.buf.length) throw new ArchiveError('file ends too early');
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Sorted terms, front-coded: units shared with the previous term, then the rest as UTF-8. */
function writeTerms(w: ByteWriter, terms: readonly string[]) {
  w.varint(terms.length);
  let prev = '';
  for (const term of terms) {
    let shared = 0;
    const max = Math.min(prev.length, term.length);
    while (shared < max && prev.charCodeAt(shared) === term.charCodeAt(shared)) shared++;
    // Never split a surrogate pair between the shared part and the rest.
    if (shared > 0 && shared < term.length && (term.charCodeAt(shared) & 0xfc00) === 0xdc00) shared--;
    const rest = encoder.encode(term.slice(shared));
    w.varint(shared);
    w.varint(rest.length);
    w.bytes(rest);
    prev = term;
  }
}

function readTerms(r: ByteReader): string[] {
  const n = r.varint();
  const terms: string[] = new Array(n);
  let prev = '';
  for (let i = 0; i < n; i++) {
    const shared = r.varint();
    if (shared > prev.length) throw new ArchiveError('bad term');
    const term = prev.slice(0, shared) + decoder.decode(r.bytes(r.varint()));
    if (i > 0 && !(term > prev)) throw new ArchiveError('terms out of order');
    terms[i] = prev = term;
  }
  return terms;
}

/** The header every file starts with: MAGIC, format, kind, the manifest version it belongs to. */
function writeHeader(w: ByteWriter, kind: FileKind, version: string) {
  for (const b of MAGIC) w.byte(b);
  w.byte(ARCHIVE_FORMAT);
  w.byte(kind);
  const v = encoder.encode(version);
  w.varint(v.length);
  w.bytes(v);
}

function readHeader(r: ByteReader, kind: FileKind, version: string) {
  for (const b of MAGIC) if (r.byte() !== b) throw new ArchiveError('not an index file');
  const format = r.byte();
  if (format !== ARCHIVE_FORMAT) throw new ArchiveError(`index file format ${format}, expected ${ARCHIVE_FORMAT}`);
  if (r.byte() !== kind) throw new ArchiveError('index file of another kind');
  // A file of another build (the index was rebuilt between the manifest and this file).
  const v = decoder.decode(r.bytes(r.varint()));
  if (v !== version) throw new ArchiveError(`index file of version ${v}, expected ${version}`);
}

// ---- payloads (what follows the header) ----

/**
 * A posting file: the terms, then each term's number of articles, then each
 * term's article numbers (ascending, each as the gap from the previous one
 * minus one), then each posting's field bits. Like values sit together, so
 * gzip finds more to share.
 */
export function encodePostings(shard: PostingShard): Uint8Array {
  const w = new ByteWriter();
  const { terms, offsets, docs, fields } = shard;
  writeTerms(w, terms);
  for (let t = 0; t < terms.length; t++) w.varint(offsets[t + 1] - offsets[t]);
  for (let t = 0; t < terms.length; t++) {
    let prev = -1;
    for (let p = offsets[t]; p < offsets[t + 1]; p++) {
      w.varint(docs[p] - prev - 1);
      prev = docs[p];
    }
  }
  for (let p = offsets[0]; p < offsets[terms.length]; p++) w.byte(fields[p]);
  return w.result();
}

function decodePostings(r: ByteReader, articles: number): PostingShard {
  const terms = readTerms(r);
  const offsets = new Uint32Array(terms.length + 1);
  for (let t = 0; t < terms.length; t++) offsets[t + 1] = offsets[t] + r.varint();
  const total = offsets[terms.length];
  const docs = new Uint32Array(total);
  for (let t = 0; t < terms.length; t++) {
    let prev = -1;
    for (let p = offsets[t]; p < offsets[t + 1]; p++) {
      prev += r.varint() + 1;
      if (prev >= articles) throw new ArchiveError('article number out of range');
      docs[p] = prev;
    }
  }
  const fields = r.bytes(total).slice();
  return { terms, offsets, docs, fields };
}

export function encodeVocabulary(terms: readonly string[]): Uint8Array {
  const w = new ByteWriter();
  writeTerms(w, terms);
  return w.result();
}

export function encodeDisplay(records: readonly DisplayRecord[]): Uint8Array {
  return encoder.encode(JSON.stringify(records));
}

/** A rest file: per article of its display file, the rest of its body, or null. */
export function encodeRest(rests: readonly (string | null)[]): Uint8Array {
  return encoder.encode(JSON.stringify(rests));
}

/** The JSON payload of a display or rest file. */
const jsonPayload = (r: ByteReader): unknown => JSON.parse(decoder.decode(r.bytes(r.buf.length - r.pos)));

function decodeRest(r: ByteReader): (string | null)[] {
  const rests = jsonPayload(r);
  if (!Array.isArray(rests) || !rests.every((x) => x === null || typeof x === 'string')) throw new ArchiveError('bad rest file');
  return rests as (string | null)[];
}

function decodeDisplay(r: ByteReader): DisplayRecord[] {
  const records = jsonPayload(r);
  if (!Array.isArray(records) || !records.every((x) => x && typeof x.id === 'string' && typeof x.title === 'string')) {
    throw new ArchiveError('bad display file');
  }
  return records as DisplayRecord[];
}

// ---- whole files ----

async function pipe(data: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = await new Response(new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream)).arrayBuffer();
  return new Uint8Array(out);
}

/** A gzip compressor: bytes in, a gzip member out. */
export type Gzip = (bytes: Uint8Array) => Uint8Array | Promise<Uint8Array>;

/** The compressor every runtime has (slow per small file: Node's zlib is several times faster). */
export const streamGzip: Gzip = (bytes) => pipe(bytes, new CompressionStream('gzip'));

/** A file as stored: the header and payload, gzipped. */
export async function packFile(kind: FileKind, version: string, payload: Uint8Array, gzip: Gzip = streamGzip): Promise<Uint8Array> {
  const w = new ByteWriter();
  writeHeader(w, kind, version);
  w.bytes(payload);
  return gzip(w.result());
}

/** Gunzips a stored file, unless a server already did (it sent `Content-Encoding: gzip` for it). */
async function unpack(stored: Uint8Array): Promise<ByteReader> {
  const gzipped = stored.length >= 2 && stored[0] === 0x1f && stored[1] === 0x8b;
  try {
    return new ByteReader(gzipped ? await pipe(stored, new DecompressionStream('gzip')) : stored);
  } catch (e) {
    throw new ArchiveError(`cannot gunzip an index file (${(e as Error)?.message ?? e})`);
  }
}

/** Decodes a stored file; anything wrong with it is an ArchiveError (the reader then falls back). */
async function readFile<T>(stored: Uint8Array, kind: FileKind, version: string, decode: (r: ByteReader) => T): Promise<T> {
  const r = await unpack(stored);
  try {
    readHeader(r, kind, version);
    return decode(r);
  } catch (e) {
    throw e instanceof ArchiveError ? e : new ArchiveError(`bad index file (${(e as Error)?.message ?? e})`);
  }
}

export const readPostingFile = (stored: Uint8Array, version: string, articles: number): Promise<PostingShard> =>
  readFile(stored, KIND_POSTINGS, version, (r) => decodePostings(r, articles));

export const readVocabularyFile = (stored: Uint8Array, version: string): Promise<string[]> => readFile(stored, KIND_VOCABULARY, version, readTerms);

export const readDisplayFile = (stored: Uint8Array, version: string): Promise<DisplayRecord[]> => readFile(stored, KIND_DISPLAY, version, decodeDisplay);

export const readRestFile = (stored: Uint8Array, version: string): Promise<(string | null)[]> => readFile(stored, KIND_REST, version, decodeRest);

/** The file of a term range holding `term` (the last whose first term is not after it), or -1 before the first. */
export function rangeOf(ranges: TermRanges, term: string): number {
  let lo = 0;
  let hi = ranges.first.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ranges.first[mid] <= term) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
