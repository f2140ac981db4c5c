// A feed's whole archive as a static search index (docs/search-index.md): every
// page read (feed-pages.js), the files made by bantin's own builder in dist/,
// and written so that a reader never sees half an index. Used by bantin-index
// and by bantin-server --index.
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { copyFile, link, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { feedPages, fromDist } from './feed-pages.js';

/** The manifest: written last, so it never names a file that is not there yet. */
const MANIFEST = 'index.json';
/** The files the index in the folder was written with (the writer's own record; dotfiles are not served). */
const RECORD = '.bantin-index.json';

/** @param {Uint8Array} bytes */
const gzipFile = (bytes) => gzipSync(bytes, { level: GZIP_LEVEL });
/** zlib's default, as CompressionStream compresses. */
const GZIP_LEVEL = 6;

/** Files written at once. */
const WRITE_BATCH = 32;

/** A failure to write the index folder (as opposed to reading the feed): bantin-index exits 3. */
export class IndexWriteError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'IndexWriteError';
  }
}

/**
 * @typedef {object} ReadOptions
 * @property {string} program who reads, for errors
 * @property {string | null} [publicUrl] where a file source is published (its relative links resolve there)
 * @property {(line: string) => void} [log] a line per page
 */

/**
 * Every article of a feed, newest first as the pages give them; an id met again on a
 * later page (the feed moved on while it was read) keeps its first, newer copy.
 * @param {string} source a file path or the http(s) URL of the first page
 * @param {ReadOptions} options
 */
export async function readArchive(source, { program, publicUrl = null, log = () => {} }) {
  /** @type {import('../src/feed/types.js').Article[]} */
  const articles = [];
  const ids = new Set();
  /** @type {string[]} */
  const locations = [];
  let repeated = 0;
  for await (const { number, location, feed, skipped } of feedPages(source, { program, publicUrl })) {
    locations.push(location);
    for (const article of feed.items) {
      if (ids.has(article.id)) repeated++;
      else {
        ids.add(article.id);
        articles.push(article);
      }
    }
    const left = skipped.length ? `, ${skipped.length} left out (${[...new Set(skipped.map((s) => s.reason))].join(', ')})` : '';
    log(`page ${number}, ${location}: ${feed.items.length} article${feed.items.length === 1 ? '' : 's'}${left}`);
  }
  return { articles, pages: locations.length, locations, repeated };
}

/**
 * @typedef {object} IndexSummary
 * @property {number} articles
 * @property {number} pages
 * @property {string[]} locations the pages read (files or URLs)
 * @property {number} files
 * @property {number} bytes on disk
 * @property {number} gzipBytes what they weigh gzipped (the builder's gzipped files as they are)
 * @property {string} version the manifest's
 * @property {number} seconds
 */

/**
 * Reads the feed, builds its index and writes it into `out`, replacing what was there
 * only once everything was read and built: a bad feed leaves the old index as it was.
 * @param {string} source
 * @param {string} out the index folder
 * @param {ReadOptions & { onProgress?: (phase: string, done: number, total: number) => void }} options
 * @returns {Promise<IndexSummary>}
 */
export async function indexFeed(source, out, { program, publicUrl = null, log = () => {}, onProgress }) {
  const started = performance.now();
  await checkOutput(out);
  const { articles, pages, locations } = await readArchive(source, { program, publicUrl, log });
  if (!articles.length) throw new Error(`${source}: no articles, nothing to index (${out} left as it was)`);
  const { buildArchive } = await fromDist('search/archive/build.js', program);
  const feedUrl = publicUrl ?? (/^https?:\/\//i.test(source) ? source : undefined);
  /** @type {{ files: { path: string, data: Uint8Array }[], manifest: { version: string } }} */
  // zlib rather than the builder's default CompressionStream: several times faster over thousands of small files.
  const { files, manifest } = await buildArchive(articles, { feedUrl, onProgress, gzip: gzipFile });
  onProgress?.('write', 0, files.length);
  await writeIndex(out, files);
  onProgress?.('write', files.length, files.length);
  let bytes = 0;
  let gzipBytes = 0;
  for (const { data } of files) {
    bytes += data.byteLength;
    gzipBytes += data[0] === 0x1f && data[1] === 0x8b ? data.byteLength : gzipSync(data, { level: 9 }).byteLength;
  }
  return { articles: articles.length, pages, locations, files: files.length, bytes, gzipBytes, version: manifest.version, seconds: (performance.now() - started) / 1000 };
}

/**
 * Fails early (before a long read) when `out` cannot become an index folder: a file,
 * a folder that holds something else (never delete a user's files), or no way to write beside it.
 * @param {string} out
 */
async function checkOutput(out) {
  const info = await stat(out).catch(() => null);
  if (info && !info.isDirectory()) throw new IndexWriteError(`${out}: a file, not a folder`);
  if (info) {
    const names = await readdir(out).catch((/** @type {Error} */ e) => {
      throw new IndexWriteError(`${out}: ${e.message}`);
    });
    if (names.length && !names.includes(MANIFEST)) throw new IndexWriteError(`${out}: not empty and holds no index (no ${MANIFEST}); give a new or empty folder, so that nothing else in it is replaced`);
  }
  // The index is written beside the folder first: that must be possible.
  for (let up = dirname(resolve(out)); ; up = dirname(up)) {
    const above = await stat(up).catch(() => null);
    if (above && !above.isDirectory()) throw new IndexWriteError(`cannot write the index in ${out}: ${up} is a file, not a folder`);
    if (above || dirname(up) === up) break;
  }
  const probe = stagingFolder(out);
  writing.set(probe, { trash: null, out });
  try {
    await mkdir(dirname(probe), { recursive: true });
    await mkdir(probe);
  } catch (e) {
    throw new IndexWriteError(`cannot write the index in ${out}: ${/** @type {Error} */ (e).message}`);
  } finally {
    await rm(probe, { recursive: true, force: true });
    writing.delete(probe);
  }
  await sweep(resolve(out));
}

/**
 * A new temporary folder's name beside `out` (the same file system, so rename moves at once).
 * @param {string} out
 */
const stagingFolder = (out) => join(dirname(resolve(out)), `.${basename(resolve(out))}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);

/**
 * The writes under way in this process: staging folder → the old index set aside
 * while the new one moves in (null for the probe before a read) and the index folder.
 * @type {Map<string, { trash: string | null, out: string }>}
 */
const writing = new Map();

/**
 * For a process stopped by a signal, synchronously: every index being written stays as it was
 * (put back if the signal came between the two renames), and nothing is left beside it.
 */
export function abandonWrites() {
  const gone = { recursive: true, force: true };
  for (const [stage, { trash, out }] of writing) {
    try {
      if (trash && existsSync(trash) && !existsSync(out)) renameSync(trash, out);
      // Files may still be being created in it (writes in flight): renamed first, it gets no more.
      const doomed = `${stage}-stopped`;
      if (existsSync(stage)) renameSync(stage, doomed);
      rmSync(doomed, gone);
      if (trash) rmSync(trash, gone);
    } catch (e) {
      console.error(`could not remove ${stage}: ${/** @type {Error} */ (e).message}`);
    }
  }
  writing.clear();
}

/**
 * Removes what an earlier run that was killed left beside `out` (its process is gone).
 * @param {string} out
 */
async function sweep(out) {
  const prefix = `.${basename(out)}.tmp-`;
  for (const name of await readdir(dirname(out)).catch(() => [])) {
    const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
    if (!name.startsWith(prefix) || !pid || pid === process.pid || alive(pid)) continue;
    await rm(join(dirname(out), name), { recursive: true, force: true }).catch(() => {});
  }
}

/** @param {number} pid */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return /** @type {NodeJS.ErrnoException} */ (e).code === 'EPERM'; // someone else's: leave it
  }
}

/**
 * Writes the files into `out` so that every reader sees a whole index: they are
 * written beside it first, in a temporary sibling folder (the same file system),
 * which then takes the old folder's place by rename. Files of the index before
 * that the new one does not overwrite stay one generation more (hard links), so a
 * reader who loaded the old manifest a moment ago still finds them where their
 * names differ; the next write drops them.
 * @param {string} out
 * @param {readonly { path: string, data: Uint8Array }[]} files paths relative to `out`, '/'-separated
 */
export async function writeIndex(out, files) {
  out = resolve(out);
  const paths = files.map((f) => f.path);
  for (const path of paths) {
    if (path.split('/').some((s) => s === '' || s === '.' || s === '..' || s.startsWith('.')) || path.includes('\\')) {
      throw new Error(`the index builder gave an unsafe file name: ${JSON.stringify(path)}`);
    }
  }
  if (!paths.includes(MANIFEST)) throw new Error(`the index builder gave no ${MANIFEST}`);
  const fail = (/** @type {Error} */ e) => {
    throw new IndexWriteError(`cannot write the index in ${out}: ${e.message}`);
  };
  await checkOutput(out);
  const stage = stagingFolder(out);
  const trash = `${stage}-old`;
  writing.set(stage, { trash, out });
  /** @param {string} root @param {string} path */
  const at = (root, path) => join(root, ...path.split('/'));
  try {
    await mkdir(stage).catch(fail);
    await makeFolders(stage, paths).catch(fail);
    // Many small files (10,000 articles make about as many): written several at a time.
    for (let i = 0; i < files.length; i += WRITE_BATCH) {
      await Promise.all(files.slice(i, i + WRITE_BATCH).map(({ path, data }) => writeFile(at(stage, path), data))).catch(fail);
    }
    const exists = !!(await stat(out).catch(() => null));
    if (exists) {
      const written = new Set(paths);
      const before = (await readRecord(out)) ?? (await listFiles(out)).filter((p) => !p.split('/').some((s) => s.startsWith('.')));
      const carried = before.filter((path) => !written.has(path));
      await makeFolders(stage, carried).catch(fail);
      for (const path of carried) {
        await link(at(out, path), at(stage, path)).catch(() => copyFile(at(out, path), at(stage, path)).catch(() => {}));
      }
    }
    await writeFile(join(stage, RECORD), JSON.stringify({ files: paths })).catch(fail);
    if (!exists) {
      await rename(stage, out).catch(fail);
      return;
    }
    // Two renames: the old folder aside, the new one in its place (put back if that fails).
    await rename(out, trash).catch(fail);
    await rename(stage, out).catch(async (e) => {
      await rename(trash, out).catch(() => {});
      fail(e);
    });
  } finally {
    await rm(stage, { recursive: true, force: true }).catch(() => {});
    await rm(trash, { recursive: true, force: true }).catch(() => {});
    writing.delete(stage);
  }
}

/**
 * The folders `paths` sit in, under `root`, each made on its own, never `root` itself: a
 * staging folder removed meanwhile (the process stopped) is not made again.
 * @param {string} root
 * @param {string[]} paths
 */
async function makeFolders(root, paths) {
  const folders = new Set(paths.flatMap((p) => p.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
  for (const folder of [...folders].sort()) {
    await mkdir(join(root, ...folder.split('/'))).catch((/** @type {NodeJS.ErrnoException} */ e) => {
      if (e.code !== 'EEXIST') throw e;
    });
  }
}

/**
 * The files of the index now in `out`, as its record lists them; null when there is none.
 * @param {string} out
 * @returns {Promise<string[] | null>}
 */
async function readRecord(out) {
  try {
    const record = JSON.parse(await readFile(join(out, RECORD), 'utf8'));
    return Array.isArray(record.files) ? record.files.filter((/** @type {unknown} */ f) => typeof f === 'string') : null;
  } catch {
    return null;
  }
}

/**
 * Every file under `dir`, relative and '/'-separated.
 * @param {string} dir
 * @returns {Promise<string[]>}
 */
async function listFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1).split(sep).join('/'));
}
