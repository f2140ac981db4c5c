/**
 * Vietnamese news feeds of any size, made deterministically from committed
 * material: the real headlines and lead paragraphs of
 * test/fixtures/feeds/vi-news-danes.feed.json (CC BY 4.0, see SOURCES.md
 * there), recombined. Tests and benchmarks that need a big Vietnamese feed use
 * this instead of the 24.7 MB corpus, which is not in the repository.
 *
 * Same options, same bytes: a seeded generator, no Math.random, no clock.
 */

/** Where the source headlines are served (the test server and the bench server serve the repository root). */
export const DANES_URL = '/test/fixtures/feeds/vi-news-danes.feed.json';

export interface SourceItem {
  title: string;
  summary?: string;
  content_text?: string;
  tags?: string[];
}

export interface ViFeedOptions {
  /** Number of items. */
  items: number;
  /** Paragraphs per body (each a real lead paragraph): about 60 words each; 10 makes about 4 KB of HTML. */
  paragraphs?: number;
  /** Different seeds give different (still deterministic) bodies. */
  seed?: number;
  /** Date of item 0 (newest); the next ones are `spacingMinutes` older each. */
  newest?: string;
  spacingMinutes?: number;
  /** `next_url` of the document, for paged archives. */
  nextUrl?: string;
  /** Number of the first item (ids are `vi-<n>`), for later pages. */
  first?: number;
}

/** A small, fast, seeded PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** RFC 3339 in Vietnam's zone (+07:00), as Vietnamese portals write dates. */
function vnDate(ms: number): string {
  return `${new Date(ms + 7 * 3600_000).toISOString().slice(0, 19)}+07:00`;
}

/** A JSON Feed 1.1 document (as an object) of `items` Vietnamese articles. */
export function viNewsFeed(sources: SourceItem[], options: ViFeedOptions): Record<string, unknown> {
  const usable = sources.filter((s) => s.title && (s.summary || s.content_text));
  if (!usable.length) throw new Error('viNewsFeed: no source items with a title and a lead paragraph');
  const random = prng(options.seed ?? 1);
  const paragraphs = options.paragraphs ?? 10;
  const newest = Date.parse(options.newest ?? '2021-05-02T08:08:09+07:00');
  const spacing = (options.spacingMinutes ?? 37) * 60_000;
  const first = options.first ?? 0;
  const lead = (s: SourceItem) => (s.summary || s.content_text)!;
  const items = [];
  for (let k = 0; k < options.items; k++) {
    const i = first + k;
    const source = usable[i % usable.length];
    const round = Math.floor(i / usable.length);
    // Past the first round, titles stay unique: "… (kỳ 2)".
    const title = round ? `${source.title} (kỳ ${round + 1})` : source.title;
    const body = [lead(source)];
    for (let p = 1; p < paragraphs; p++) body.push(lead(usable[Math.floor(random() * usable.length)]));
    const category = source.tags?.[0] ?? 'Tin tức sự kiện';
    items.push({
      id: `vi-${i}`,
      url: `https://tin.example.vn/tin-tuc/vi-${i}`,
      title,
      summary: lead(source),
      content_html: body.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'),
      date_published: vnDate(newest - i * spacing),
      tags: source.tags ?? [category],
      _bantin: { category, views: Math.floor(random() * 5000) },
    });
  }
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Tin tức tổng hợp (tạo từ DANeS)',
    home_page_url: 'https://tin.example.vn/',
    language: 'vi',
    ...(options.nextUrl ? { next_url: options.nextUrl } : {}),
    _bantin: { visits: 19467540 },
    items,
  };
}

let sources: Promise<SourceItem[]> | null = null;
/** The DANeS items, fetched once per page. */
export function danesItems(): Promise<SourceItem[]> {
  sources ??= fetch(DANES_URL).then(async (res) => {
    if (!res.ok) throw new Error(`${DANES_URL}: HTTP ${res.status}`);
    return (await res.json()).items as SourceItem[];
  });
  return sources;
}

/** A generated Vietnamese feed as JSON text (in the browser: fetches the DANeS items first). */
export async function viNewsFeedText(options: ViFeedOptions): Promise<string> {
  return JSON.stringify(viNewsFeed(await danesItems(), options));
}
