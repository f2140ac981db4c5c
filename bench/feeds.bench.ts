// Reading feeds: decode + detect + parse, per format, on the fixtures' real RSS,
// Atom and RDF files, and on the 2,653-article vi-news feed as JSON Feed and as
// the same articles written as RSS 2.0 (the baseline is the JSON parse).
// Medians of RUNS; the longest main-thread task each read causes.
import { decodeBody } from '../src/feed/decode.js';
import { readFeed } from '../src/feed/read.js';
import { median, round, runBench, withLongTasks } from './harness.js';

const RUNS = 7;
const FILES = [
  'feeds/rsparser/atp.rss', 'feeds/rsparser/russcox.atom', 'feeds/rss-parser/guardian.rss', 'feeds/rsparser/bio.rdf',
  'feeds/rsparser/kc0011.rss', 'feeds/rss-parser/uolNoticias.rss',
];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** vi-news as an RSS 2.0 document, the way a portal CMS would write it. */
function asRss(json: { title: string; items: Record<string, unknown>[] }): string {
  const items = json.items.map((i) => {
    const date = new Date(String(i.date_published)).toUTCString().replace('GMT', '+0000');
    return `<item><guid isPermaLink="false">${esc(String(i.id))}</guid><title>${esc(String(i.title ?? ''))}</title><link>${esc(String(i.url ?? ''))}</link><description>${esc(String(i.summary ?? ''))}</description><content:encoded><![CDATA[${String(i.content_html ?? '').replaceAll(']]>', ']]]]><![CDATA[>')}]]></content:encoded><pubDate>${date}</pubDate></item>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${esc(json.title)}</title>${items.join('')}</channel></rss>`;
}

runBench(async () => {
  const rows: Record<string, unknown>[] = [];
  const measure = async (name: string, bytes: Uint8Array, contentType: string | null) => {
    const times: number[] = [];
    const longest: number[] = [];
    let items = 0;
    for (let i = 0; i < RUNS; i++) {
      const r = await withLongTasks(async () => (await readFeed(decodeBody(bytes, contentType), `https://bench.invalid/${name}`, { contentType })).feed.items.length);
      items = r.result;
      times.push(r.ms);
      longest.push(r.longest);
    }
    rows.push({
      feed: name,
      KB: round(bytes.length / 1024, 0),
      items,
      'median ms': round(median(times)),
      'µs per KB': round((median(times) * 1000) / (bytes.length / 1024), 0),
      'median longest task ms': round(median(longest)),
    });
  };
  // Warm the lazy XML module first: its download is not parsing time.
  await readFeed('<rss><channel></channel></rss>', 'https://bench.invalid/warm.xml');
  for (const path of FILES) {
    await measure(path, new Uint8Array(await (await fetch(`/test/fixtures/${path}`)).arrayBuffer()), null);
  }
  const jsonBytes = new Uint8Array(await (await fetch('/corpus/vi-news.feed.json')).arrayBuffer());
  await measure('vi-news.feed.json (JSON Feed)', jsonBytes, 'application/feed+json');
  const rss = new TextEncoder().encode(asRss(JSON.parse(new TextDecoder().decode(jsonBytes))));
  await measure('vi-news as RSS 2.0 (same articles)', rss, 'application/rss+xml');
  const [json, xml] = rows.slice(-2).map((r) => r['median ms'] as number);
  return {
    table: rows,
    notes: [
      `RSS/JSON time for the same 2,653 articles: ${round(xml / json, 2)}×`,
      'Parsing runs on the main thread (DOMParser has no Worker version); a returning page reads the parsed model from IndexedDB instead.',
    ],
  };
});
