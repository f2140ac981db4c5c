// For the tests of bantin-index and bantin-server --index: a real feed cut into
// pages (JSON Feed, RSS 2.0 or Atom, linked by their next links), and an index
// folder read back with the reader's own decoders (dist/search/archive/format.js).
import { readFile, writeFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filePath, KIND_DISPLAY, parseManifest, rangeOf, readDisplayFile, readPostingFile } from '../../dist/search/archive/format.js';
import { fold } from '../../dist/search/fold.js';

export const INDEX_CLI = fileURLToPath(new URL('../../server/index-cli.js', import.meta.url));
const HEADLINES = fileURLToPath(new URL('../fixtures/feeds/vi-news-danes.feed.json', import.meta.url));

/** The first `n` items of the 2,031 real Vietnamese headlines (JSON Feed items). */
export async function headlines(n) {
  return JSON.parse(await readFile(HEADLINES, 'utf8')).items.slice(0, n);
}

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One page of `items` (JSON Feed items) in `format`, pointing at `next` (a relative URL) when given. */
function page(format, items, next) {
  if (format === 'json') {
    return JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Quận 5', items, ...(next ? { next_url: next } : {}) });
  }
  if (format === 'rss') {
    const entries = items.map(
      (i) =>
        `<item><guid isPermaLink="false">${esc(i.id)}</guid><title>${esc(i.title)}</title><link>${esc(i.url)}</link>` +
        `<description>${esc(i.summary ?? i.content_text ?? '')}</description>${i.date_published ? `<pubDate>${new Date(i.date_published).toUTCString()}</pubDate>` : ''}</item>`,
    );
    return (
      `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Quận 5</title><link>https://q5.example.vn/</link>` +
      `${next ? `<atom:link rel="next" href="${esc(next)}"/>` : ''}${entries.join('\n')}</channel></rss>`
    );
  }
  const entries = items.map(
    (i) =>
      `<entry><id>${esc(i.id)}</id><title>${esc(i.title)}</title><link href="${esc(i.url)}"/>` +
      `<updated>${i.date_published ?? '2021-05-01T08:00:00+07:00'}</updated><summary>${esc(i.summary ?? i.content_text ?? '')}</summary></entry>`,
  );
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Quận 5</title><id>urn:q5</id><updated>2021-05-01T08:00:00+07:00</updated>` +
    `${next ? `<link rel="next" href="${esc(next)}"/>` : ''}${entries.join('\n')}</feed>`
  );
}

/**
 * Writes `items` as pages of `per` into `dir`: NAME.EXT, NAME-2.EXT, …; the last page links back to
 * the first when `loop` (a loop the reader must stop). Returns the files' paths, first page first.
 * @param {{ dir: string, name?: string, format?: 'json' | 'rss' | 'atom', items: any[], per: number, loop?: boolean }} options
 */
export async function writePages({ dir, name = 'tin-tuc', format = 'json', items, per, loop = false }) {
  const ext = format === 'json' ? 'json' : format;
  const count = Math.ceil(items.length / per);
  const fileName = (n) => (n === 1 ? `${name}.${ext}` : `${name}-${n}.${ext}`);
  const files = [];
  for (let n = 1; n <= count; n++) {
    const next = n < count ? fileName(n + 1) : loop ? fileName(1) : null;
    await writeFile(join(dir, fileName(n)), page(format, items.slice((n - 1) * per, n * per), next));
    files.push(join(dir, fileName(n)));
  }
  return files;
}

/** The folded words of a title, as the index keeps them. */
export const wordsOf = (text) => fold(text).split(/[^a-z0-9]+/).filter((w) => w.length > 1);

/**
 * An index folder on disk (or served over HTTP), read as the reader reads it.
 * @param {(path: string) => Promise<Uint8Array>} get a file's bytes by its path in the index
 */
export function indexReader(get) {
  let manifest = null;
  return {
    async manifest() {
      manifest = parseManifest(JSON.parse(new TextDecoder().decode(await get('index.json'))));
      return manifest;
    },
    /** The article numbers a folded word occurs in ([] when none). */
    async articlesWith(word) {
      const m = manifest ?? (await this.manifest());
      const i = rangeOf(m.postings, word);
      if (i < 0) return [];
      const shard = await readPostingFile(await get(`p/${i}.bsi`), m.version, m.articles);
      const t = shard.terms.indexOf(word);
      return t < 0 ? [] : [...shard.docs.slice(shard.offsets[t], shard.offsets[t + 1])];
    },
    /** The display record (id, title, url…) of article `n`. */
    async article(n) {
      const m = manifest ?? (await this.manifest());
      const records = await readDisplayFile(await get(filePath(KIND_DISPLAY, Math.floor(n / m.display.per))), m.version);
      return records[n % m.display.per];
    },
  };
}

/** An index folder on disk, read back. */
export const indexOnDisk = (dir) => indexReader(async (path) => new Uint8Array(await readFile(join(dir, ...path.split('/')))));

/**
 * Runs bantin-index to its end.
 * @param {string[]} args
 * @param {string[]} [nodeArgs]
 * @returns {Promise<{ code: number, stdout: string, stderr: string }>}
 */
export function runIndex(args, nodeArgs = []) {
  return new Promise((resolve) => {
    execFile(process.execPath, [...nodeArgs, INDEX_CLI, ...args], { timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}
