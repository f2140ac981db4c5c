import type { Article } from '../../feed/types.js';
import { FNV_OFFSET, fnv1a } from '../../shared/hash.js';
import { bodyText, stripHtml } from '../../shared/text.js';
import { indexSource } from '../engine.js';
import { buildIndexData } from '../token-index.js';
import { TimeSlicer } from '../yield.js';
import {
  ARCHIVE_FORMAT,
  encodeDisplay,
  encodeRest,
  encodePostings,
  encodeVocabulary,
  filePath,
  KIND_DISPLAY,
  KIND_POSTINGS,
  KIND_REST,
  KIND_VOCABULARY,
  MANIFEST_NAME,
  packFile,
  splitBody,
  streamGzip,
  type ArchiveManifest,
  type DisplayRecord,
  type FileKind,
  type Gzip,
  type TermRanges,
} from './format.js';

/**
 * Builds the static archive index of a feed (all its pages): the same folded
 * words as the in-page engine (`buildIndexData`), cut into files a reader
 * fetches only as a query needs them. Runs in Node (from dist/, no DOM) and in
 * browsers alike. The format: docs/search-index.md.
 */

export type { ArchiveManifest, Gzip } from './format.js';

export interface ArchiveFile {
  /** Relative to the index folder, '/'-separated. */
  path: string;
  data: Uint8Array;
}

export interface ArchiveBuildOptions {
  /** The feed's first page URL (recorded in the manifest). */
  feedUrl?: string;
  /** Progress for long runs: phase name, done, total. */
  onProgress?: (phase: string, done: number, total: number) => void;
  /**
   * Gzips each file (default: CompressionStream, which every runtime has).
   * Node's `zlib.gzipSync` is several times faster over the thousands of
   * small files of a big archive; any gzip a reader's DecompressionStream reads will do.
   */
  gzip?: Gzip;
}

/**
 * Uncompressed bytes a posting file is cut at: about 2–5 KB once gzipped. A word with more
 * postings has a file of its own. Small, because a rare word pays for the words it shares a file
 * with, and a word typed key by key for the files of each of its prefixes: 24 KB files made a
 * query typed on 10,000 articles fetch 66–71 KB of posting files, 8 KB ones 27–35 KB (the
 * manifest, listing 3× as many files, grows by about 2 KB).
 */
export const POSTINGS_TARGET = 8 * 1024;
/** Uncompressed bytes of a vocabulary file. */
export const VOCABULARY_TARGET = 24 * 1024;
/** Uncompressed bytes a display file aims at: articles with long bodies get one each. */
export const DISPLAY_TARGET = 2 * 1024;
/** Ids in `recent.ids` besides those published at the newest date. */
export const RECENT_IDS = 64;

const varintSize = (n: number) => (n < 0x80 ? 1 : n < 0x4000 ? 2 : n < 0x200000 ? 3 : n < 0x10000000 ? 4 : 5);

const utf8 = new TextEncoder();

/** The sorted vocabulary cut where a file reaches `target` bytes: the index of each file's first term. */
function cut(count: number, sizeOf: (t: number) => number, target: number): number[] {
  const starts: number[] = [];
  let size = Infinity;
  for (let t = 0; t < count; t++) {
    const s = sizeOf(t);
    if (size + s > target && size > 0) {
      starts.push(t);
      size = 0;
    }
    size += s;
  }
  return starts;
}

function displayRecord(a: Article): DisplayRecord {
  const r: DisplayRecord = { id: a.id, title: a.title };
  if (a.url) r.url = a.url;
  if (a.summary) r.summary = a.summary;
  if (a.category) r.category = a.category;
  if (a.published) r.published = a.published.toISOString();
  if (a.modified) r.modified = a.modified.toISOString();
  if (a.image) r.image = a.image;
  const body = bodyText(a);
  if (body && a.summary && body === stripHtml(a.summary)) r.summaryIsBody = true;
  else if (body) r.body = body;
  return r;
}

/** Two FNV-1a hashes of every payload, in order: the manifest's version. */
function versionOf(payloads: Uint8Array[], articles: number): string {
  let h1 = FNV_OFFSET;
  let h2 = fnv1a(FNV_OFFSET, ARCHIVE_FORMAT);
  for (const p of payloads) {
    h1 = fnv1a(h1, p.length);
    for (let i = 0; i < p.length; i++) {
      h1 = fnv1a(h1, p[i]);
      h2 = fnv1a(h2, p[i] ^ (i & 0xff));
    }
  }
  return `${(h1 >>> 0).toString(36)}${(h2 >>> 0).toString(36)}-${articles.toString(36)}`;
}

/** Every file of the index, `index.json` (the manifest) among them. Articles in feed order (newest first). */
export async function buildArchive(
  articles: readonly Article[],
  options: ArchiveBuildOptions = {},
): Promise<{ files: ArchiveFile[]; manifest: ArchiveManifest }> {
  const progress = options.onProgress ?? (() => {});
  const gzip = options.gzip ?? streamGzip;
  const n = articles.length;
  // In Node nothing waits for the thread: long slices, few yields.
  const slicer = new TimeSlicer(undefined, 200);

  progress('words', 0, n);
  const data = await buildIndexData(
    n,
    (i) => {
      if ((i & 255) === 0) progress('words', i, n);
      return indexSource(articles[i]);
    },
    slicer,
  );
  progress('words', n, n);
  const { terms, offsets, docs, fields } = data;

  // Posting files.
  const termBytes = terms.map((t) => utf8.encode(t).length + 2);
  const postingSize = (t: number) => {
    let s = termBytes[t] + varintSize(offsets[t + 1] - offsets[t]);
    let prev = -1;
    for (let p = offsets[t]; p < offsets[t + 1]; p++) {
      s += varintSize(docs[p] - prev - 1) + 1;
      prev = docs[p];
    }
    return s;
  };
  const postingStarts = cut(terms.length, postingSize, POSTINGS_TARGET);
  const wideDocs = Uint32Array.from(docs);
  const postingPayloads = postingStarts.map((from, i) => {
    const to = postingStarts[i + 1] ?? terms.length;
    if ((i & 31) === 0) progress('postings', i, postingStarts.length);
    return encodePostings({ terms: terms.slice(from, to), offsets: offsets.subarray(from, to + 1), docs: wideDocs, fields });
  });
  progress('postings', postingStarts.length, postingStarts.length);

  // Vocabulary files: the words alone, for the typo scan.
  const vocabularyStarts = cut(terms.length, (t) => termBytes[t], VOCABULARY_TARGET);
  const vocabularyPayloads = vocabularyStarts.map((from, i) => encodeVocabulary(terms.slice(from, vocabularyStarts[i + 1] ?? terms.length)));

  // Display files: a fixed number of articles each, so no table of them is needed (sized by
  // whole records, so an archive of long articles keeps one a file). The rest of long bodies
  // goes to rest files, one per display file that has any.
  const records = articles.map(displayRecord);
  const recordBytes = records.reduce((sum, r) => sum + JSON.stringify(r).length, 0);
  const per = n ? Math.max(1, Math.min(64, Math.round(DISPLAY_TARGET / (recordBytes / n)))) : 1;
  const rests = records.map((r) => {
    if (!r.body) return null;
    const [head, rest] = splitBody(r.body);
    if (rest !== null) {
      r.body = head;
      r.more = true;
    }
    return rest;
  });
  const displayPayloads: Uint8Array[] = [];
  const restPayloads: [number, Uint8Array][] = [];
  for (let from = 0, i = 0; from < n; from += per, i++) {
    displayPayloads.push(encodeDisplay(records.slice(from, from + per)));
    const mine = rests.slice(from, from + per);
    if (mine.some((r) => r !== null)) restPayloads.push([i, encodeRest(mine)]);
  }

  const version = versionOf([...postingPayloads, ...vocabularyPayloads, ...displayPayloads, ...restPayloads.map(([, p]) => p)], n);

  const files: ArchiveFile[] = [];
  const jobs: [FileKind, number, Uint8Array][] = [
    ...postingPayloads.map((p, i) => [KIND_POSTINGS, i, p] as [FileKind, number, Uint8Array]),
    ...vocabularyPayloads.map((p, i) => [KIND_VOCABULARY, i, p] as [FileKind, number, Uint8Array]),
    ...displayPayloads.map((p, i) => [KIND_DISPLAY, i, p] as [FileKind, number, Uint8Array]),
    ...restPayloads.map(([i, p]) => [KIND_REST, i, p] as [FileKind, number, Uint8Array]),
  ];
  const sizes: Record<FileKind, number[]> = { [KIND_POSTINGS]: [], [KIND_VOCABULARY]: [], [KIND_DISPLAY]: [], [KIND_REST]: [] };
  const BATCH = 64;
  for (let i = 0; i < jobs.length; i += BATCH) {
    progress('compress', i, jobs.length);
    const packed = await Promise.all(jobs.slice(i, i + BATCH).map(([kind, , payload]) => packFile(kind, version, payload, gzip)));
    packed.forEach((data, j) => {
      const [kind, k] = jobs[i + j];
      sizes[kind][k] = data.length;
      files.push({ path: filePath(kind, k), data });
    });
  }
  progress('compress', jobs.length, jobs.length);

  const ranges = (starts: number[], bytes: number[]): TermRanges => ({ first: starts.map((t) => terms[t]), bytes });
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  let newest: number | null = null;
  for (const a of articles) if (a.published && (newest === null || a.published.getTime() > newest)) newest = a.published.getTime();
  const ids = new Set(articles.slice(0, RECENT_IDS).map((a) => a.id));
  for (const a of articles) if (newest !== null && a.published?.getTime() === newest) ids.add(a.id);

  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT,
    version,
    articles: n,
    terms: terms.length,
    feed: options.feedUrl ?? null,
    generator: 'bantin',
    recent: { newest: newest === null ? null : new Date(newest).toISOString(), ids: [...ids] },
    postings: ranges(postingStarts, sizes[KIND_POSTINGS]),
    vocabulary: ranges(vocabularyStarts, sizes[KIND_VOCABULARY]),
    display: { per, files: displayPayloads.length, bytes: sum(sizes[KIND_DISPLAY]) },
    rests: { files: restPayloads.length, bytes: sum(sizes[KIND_REST]) },
    bytes: sum(files.map((f) => f.data.length)),
  };
  files.push({ path: MANIFEST_NAME, data: utf8.encode(JSON.stringify(manifest)) });
  return { files, manifest };
}
