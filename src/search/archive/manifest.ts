/**
 * index.json: its shape, its check, and how a page fetches it. Apart from the
 * files' format (format.ts), because the page reads the manifest and the
 * engine, in the search worker, everything else: the page's chunk holds no
 * decoder it never runs.
 */
import { MANIFEST_NAME } from './folder.js';

/** The format's version: `format` in index.json and the fifth byte of every file. */
export const ARCHIVE_FORMAT = 2;

/** Thrown for a file that is not what the manifest promises: the reader falls back. */
export class ArchiveError extends Error {
  override name = 'ArchiveError';
}

/** A range of the sorted vocabulary cut into files: file i holds the terms from `first[i]` up to `first[i + 1]`. */
export interface TermRanges {
  first: string[];
  /** Size of each file as stored (gzipped). */
  bytes: number[];
}

/** `index.json`. */
export interface ArchiveManifest {
  format: typeof ARCHIVE_FORMAT;
  /** Changes whenever any file changes (a hash of their contents): readers key their caches by it. */
  version: string;
  /** Number of articles, numbered 0 … articles - 1 in feed order (newest first). */
  articles: number;
  /** Number of distinct folded words. */
  terms: number;
  /** The feed's first page, as the builder was told. */
  feed: string | null;
  generator: string;
  /**
   * How a reader tells which of the articles it has loaded are newer than the
   * index: `newest` is the latest `date_published` in it (ISO 8601, null if
   * none has one); `ids` the ids of its first articles and of every article
   * published at `newest`.
   */
  recent: { newest: string | null; ids: string[] };
  /** Posting files (`p/N.bsi`): the folded words with the articles they occur in. */
  postings: TermRanges;
  /** Vocabulary files (`v/N.bsi`): the folded words only, for the typo scan. */
  vocabulary: TermRanges;
  /** Display files (`d/N.bsi`): file N holds articles N × per … N × per + per - 1. */
  display: { per: number; files: number; bytes: number };
  /** Rest files (`r/N.bsi`, for display file N): the rest of bodies longer than a display file holds. */
  rests: { files: number; bytes: number };
  /** Total size of the files (gzipped), index.json excluded. */
  bytes: number;
}


const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');
const isCounts = (x: unknown): x is number[] => Array.isArray(x) && x.every((n) => Number.isInteger(n) && n >= 0);
const isRanges = (x: unknown): x is TermRanges => {
  const r = x as TermRanges;
  return !!r && isStrings(r.first) && isCounts(r.bytes) && r.first.length === r.bytes.length;
};

/** The manifest, checked: an error names what is wrong (another format is said so). */
export function parseManifest(json: unknown): ArchiveManifest {
  const m = json as ArchiveManifest;
  if (!m || typeof m !== 'object') throw new ArchiveError('index.json is not an object');
  if (m.format !== ARCHIVE_FORMAT) throw new ArchiveError(`index format ${String(m.format)}, this reader reads format ${ARCHIVE_FORMAT}`);
  const ok =
    typeof m.version === 'string' &&
    m.version.length > 0 &&
    Number.isInteger(m.articles) &&
    m.articles >= 0 &&
    Number.isInteger(m.terms) &&
    !!m.recent &&
    isStrings(m.recent.ids) &&
    (m.recent.newest === null || typeof m.recent.newest === 'string') &&
    isRanges(m.postings) &&
    isRanges(m.vocabulary) &&
    !!m.display &&
    Number.isInteger(m.display.per) &&
    m.display.per > 0 &&
    m.display.files === Math.ceil(m.articles / m.display.per);
  if (!ok) throw new ArchiveError(`index.json lacks fields of format ${ARCHIVE_FORMAT}`);
  return m;
}

const isAbort = (e: unknown) => (e as Error)?.name === 'AbortError';

/** A response that is ok; an ArchiveError for a network failure or an HTTP error (an abort stays an abort). */
export async function get(url: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (e) {
    if (isAbort(e)) throw e;
    throw new ArchiveError(`${url}: ${(e as Error)?.message ?? e}`);
  }
  if (!res.ok) throw new ArchiveError(`${url}: HTTP ${res.status}`);
  return res;
}

/** The folder's index.json, checked; an ArchiveError when it is missing, not JSON, or of another format. */
export async function fetchManifest(folder: string, signal?: AbortSignal): Promise<ArchiveManifest> {
  const url = new URL(MANIFEST_NAME, folder).href;
  const res = await get(url, { cache: 'no-cache', signal });
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    throw new ArchiveError(`${url} is not JSON`);
  }
  try {
    return parseManifest(json);
  } catch (e) {
    throw new ArchiveError(`${url}: ${(e as Error).message}`);
  }
}

