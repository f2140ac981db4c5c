// The archives of bench/archive.mjs, written under .tmp/ at bench time:
// - the 2,653-article corpus (BANTIN_CORPUS's vi-news.feed.json, else the same generated
//   stand-in bench/run.mjs serves), and
// - a generated 10,000-article archive (test/support/vi-feed.ts, the tests' generator:
//   real DANeS lead paragraphs recombined, 10 a body, about the corpus's median 614 words),
// each as JSON Feed pages of 50 linked by next_url (what bantin reads) and as one static
// HTML page per article (what Pagefind indexes).
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PAGE_SIZE = 50;

/** A TypeScript module of the repository (the tests' generator, the relevance suite), compiled on the fly. */
export async function tsModule(root, path) {
  const out = await build({ entryPoints: [join(root, path)], bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'error' });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}

/**
 * The two archives' feed documents (as objects, one big JSON Feed each).
 * @returns {Promise<{ name: string, corpus: 'real' | 'stand-in' | 'generated', feed: { items: object[] } }[]>}
 */
export async function loadArchives(root, { only } = {}) {
  const { viNewsFeed } = await tsModule(root, 'test/support/vi-feed.ts');
  const danes = JSON.parse(readFileSync(join(root, 'test/fixtures/feeds/vi-news-danes.feed.json'), 'utf8')).items;
  const dir = process.env.BANTIN_CORPUS;
  const archives = [];
  if (!only || only.includes('2653')) {
    archives.push(
      dir
        ? { name: '2653', corpus: 'real', feed: JSON.parse(readFileSync(join(dir, 'vi-news.feed.json'), 'utf8')) }
        : // The same stand-in as bench/run.mjs serves at /corpus/vi-news.feed.json.
          { name: '2653', corpus: 'stand-in', feed: viNewsFeed(danes, { items: 2653, paragraphs: 44 }) },
    );
  }
  if (!only || only.includes('10000')) {
    archives.push({ name: '10000', corpus: 'generated', feed: viNewsFeed(danes, { items: 10_000, paragraphs: 10, seed: 15 }) });
  }
  return archives;
}

const escapeHtml = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Where each article's HTML page lives on the bench site (Pagefind links its results there). */
export const articlePath = (i) => `/articles/${i}.html`;

/** The article's body as HTML: content_html as the feed has it, else its text in paragraphs. */
const bodyHtml = (item) =>
  item.content_html ??
  String(item.content_text ?? item.summary ?? '')
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');

/**
 * Writes `dir/feed/page-N.json` (50 items each, next_url to the next page, relative) and
 * `dir/site/articles/N.html` (one page per article, the body marked for Pagefind).
 * @returns {{ pages: number, feedBytes: number, feedGzipBytes: number }}
 */
export function writeArchive(dir, feed, { gzipSize }) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'feed'), { recursive: true });
  mkdirSync(join(dir, 'site/articles'), { recursive: true });
  const { items, ...head } = feed;
  delete head.next_url;
  const pages = Math.ceil(items.length / PAGE_SIZE);
  let feedBytes = 0;
  let feedGzipBytes = 0;
  for (let p = 0; p < pages; p++) {
    const page = { ...head, ...(p + 1 < pages ? { next_url: `page-${p + 2}.json` } : {}), items: items.slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE) };
    const bytes = Buffer.from(JSON.stringify(page));
    feedBytes += bytes.length;
    feedGzipBytes += gzipSize(bytes);
    writeFileSync(join(dir, 'feed', `page-${p + 1}.json`), bytes);
  }
  items.forEach((item, i) => {
    const meta = [item.date_published?.slice(0, 10), item._bantin?.category ?? item.tags?.[0]].filter(Boolean).map(escapeHtml).join(' · ');
    writeFileSync(
      join(dir, 'site', articlePath(i)),
      `<!doctype html>\n<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(item.title)}</title></head>\n` +
        `<body><main data-pagefind-body><h1>${escapeHtml(item.title)}</h1>\n<p>${meta}</p>\n${bodyHtml(item)}\n</main></body></html>\n`,
    );
  });
  return { pages, feedBytes, feedGzipBytes };
}
