import { zonedTimeToUtc, resolveTimeZone, DEFAULT_TIME_ZONE, isCalendarDay, utcTime } from '../shared/time-zone.js';
import { FeedError } from './errors.js';
import type { Article, Attachment, Feed, SkippedItem } from './types.js';

export interface ParseOptions {
  /** Zone for timestamps written without one (`2018-01-06T08:00`). Default: the feed's `_bantin.time_zone`, else Asia/Ho_Chi_Minh. */
  timeZone?: string;
  /** Added to each item's `order`, so later pages sort after earlier ones. */
  orderOffset?: number;
  /** The response's Content-Type: `readFeed` tries the format it names first. */
  contentType?: string | null;
}

export interface ParseResult {
  feed: Feed;
  skipped: SkippedItem[];
}

// JSON Feed names its versions by URL; real feeds also write http:// and bare numbers.
const VERSION = /^(?:(?:https?:\/\/)?jsonfeed\.org\/version\/(1|1\.0|1\.1)\/?|(1\.0|1\.1|1))$/i;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
export const count = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : null;

/** An absolute http(s) URL, or null: `javascript:`, `data:` and garbage never leave the parser. */
export function safeUrl(value: unknown, base: string): string | null {
  const s = str(value);
  if (!s) return null;
  try {
    const u = new URL(s.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * RFC 3339 timestamps, and the harmless variants seen in real feeds: no seconds,
 * no zone (read as wall time in `timeZone`), a bare date (midnight there).
 * Anything else is null.
 */
export function parseFeedDate(value: unknown, timeZone: string = DEFAULT_TIME_ZONE): Date | null {
  if (typeof value !== 'string') return null;
  const m = RFC3339.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const year = +y, month = +mo, day = +d, hour = +h, minute = +mi, second = +s;
  if (!isCalendarDay(year, month, day, hour, minute, second)) return null;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  if (!zone) return zonedTimeToUtc(year, month, day, hour, minute, Math.min(second, 59), ms, timeZone);
  let offsetMin = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
  }
  const t = utcTime(year, month - 1, day, hour, minute, Math.min(second, 59), ms) - offsetMin * 60_000;
  return new Date(t);
}

/**
 * The RSS date reader (rfc822.ts), for JSON Feeds that write RSS dates. Few do, so
 * it is not part of what every page downloads: it registers itself when loaded
 * (the XML reader, the feed worker and the npm entry load it at once), and until
 * then a JSON Feed with such a date throws `LooseDatesNotLoaded`, which `readFeed`
 * answers by loading it and parsing again.
 */
let looseDates: ((value: string, timeZone: string) => Date | null) | null = null;
export const readLooseDatesWith = (reader: (value: string, timeZone: string) => Date | null) => void (looseDates = reader);
export class LooseDatesNotLoaded extends Error {}

/** Feeds already told (once each) that their dates are not RFC 3339. */
const notedLooseDates = new Set<string>();

/**
 * A JSON Feed date: RFC 3339 as the spec asks, else what the RSS reader accepts
 * (RFC 822, `2020/1/10 14:33:00`): real JSON Feed 1.0 files write RSS dates, and
 * dropping every item over it shows the reader an empty list. `loose` hears of the latter.
 */
function itemDate(value: unknown, timeZone: string, loose: (value: string) => void): Date | null {
  const strict = parseFeedDate(value, timeZone);
  if (strict || typeof value !== 'string') return strict;
  if (!looseDates) throw new LooseDatesNotLoaded();
  const date = looseDates(value, timeZone);
  if (date) loose(value);
  return date;
}

function parseAttachments(value: unknown, base: string): Attachment[] {
  if (!Array.isArray(value)) return [];
  const out: Attachment[] = [];
  for (const a of value) {
    if (!isObject(a)) continue;
    const url = safeUrl(a.url, base);
    if (!url) continue;
    out.push({
      url,
      mimeType: str(a.mime_type) ?? 'application/octet-stream',
      title: str(a.title),
      sizeInBytes: count(a.size_in_bytes),
      durationInSeconds: count(a.duration_in_seconds),
    });
  }
  return out;
}

function parseItem(raw: unknown, base: string, timeZone: string, order: number, loose: (value: string) => void): Article | string {
  if (!isObject(raw)) return 'not an object';
  const rawId = raw.id;
  const id =
    typeof rawId === 'number' && Number.isFinite(rawId) ? String(rawId) : typeof rawId === 'string' ? rawId.trim() : '';
  if (!id) return 'no id';
  const contentHtml = typeof raw.content_html === 'string' ? raw.content_html : null;
  const contentText = typeof raw.content_text === 'string' ? raw.content_text : null;
  if (contentHtml === null && contentText === null) return 'no content_html or content_text';
  let published: Date | null = null;
  if (raw.date_published != null) {
    published = itemDate(raw.date_published, timeZone, loose);
    if (!published) return `unusable date_published ${JSON.stringify(raw.date_published).slice(0, 60)}`;
  }
  // A bad date_modified is not worth losing the article over.
  const modified = raw.date_modified != null ? itemDate(raw.date_modified, timeZone, loose) : null;
  const tags = Array.isArray(raw.tags) ? raw.tags.filter((t): t is string => str(t) !== null).map((t) => t.trim()) : [];
  const ext = isObject(raw._bantin) ? raw._bantin : {};
  return {
    id,
    url: safeUrl(raw.url, base) ?? safeUrl(raw.external_url, base),
    title: str(raw.title)?.trim() ?? '',
    summary: str(raw.summary),
    contentHtml,
    contentText,
    image: safeUrl(raw.image, base) ?? safeUrl(raw.banner_image, base),
    published,
    modified,
    category: str(ext.category)?.trim() ?? tags[0] ?? null,
    tags,
    views: count(ext.views),
    attachments: parseAttachments(raw.attachments, base),
    order,
  };
}

/**
 * Longest one-line fields, in characters. Chromium lays out one long run of
 * Vietnamese text in time that grows faster than its length (a 200 KB line
 * 0.7 s, 1 MB 24 s on the test machine): a 1 MB title froze the page for
 * seconds in every list showing it. Longer values are cut, with an ellipsis.
 */
export const TEXT_LIMITS = { title: 1000, summary: 5000, category: 200 } as const;

/** `text` cut to `max` characters (never inside a surrogate pair), with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 2] ?? '') ? max - 2 : max - 1;
  return `${text.slice(0, end)}…`;
}

/** The one-line fields of an item within `TEXT_LIMITS`, whatever the format it came from. */
function clipped(a: Article): Article {
  const { title, summary, category } = TEXT_LIMITS;
  if (a.title.length <= title && (a.summary?.length ?? 0) <= summary && (a.category?.length ?? 0) <= category && a.tags.every((t) => t.length <= category)) {
    return a;
  }
  return {
    ...a,
    title: clip(a.title, title),
    summary: a.summary && clip(a.summary, summary),
    category: a.category && clip(a.category, category),
    tags: a.tags.map((t) => clip(t, category)),
  };
}

/**
 * Builds each raw item with `build` (an Article, or why it was left out) and
 * keeps the first of any repeated id: the same rules for every feed format.
 * One-line fields are held to `TEXT_LIMITS`.
 */
export function collectItems<T>(
  raws: readonly T[],
  url: string,
  build: (raw: T, index: number) => Article | string,
  rawIdOf: (raw: T) => string | null,
): { items: Article[]; skipped: SkippedItem[] } {
  const items: Article[] = [];
  const skipped: SkippedItem[] = [];
  const seen = new Set<string>();
  raws.forEach((raw, index) => {
    const result = build(raw, index);
    if (typeof result === 'string') {
      skipped.push({ index, id: rawIdOf(raw), reason: result, url });
    } else if (seen.has(result.id)) {
      skipped.push({ index, id: rawIdOf(raw), reason: 'duplicate id', url });
    } else {
      seen.add(result.id);
      items.push(clipped(result));
    }
  });
  return { items, skipped };
}

/**
 * Validates a parsed JSON value as a JSON Feed and builds the typed model.
 * Bad items are skipped and listed in `skipped`; a document that is not a JSON
 * Feed throws `FeedError('not-a-feed')`.
 */
export function parseFeed(json: unknown, feedUrl: string, options: ParseOptions = {}): ParseResult {
  if (!isObject(json)) {
    throw new FeedError('not-a-feed', `${feedUrl} is JSON but not a JSON Feed: the top level is not an object.`, feedUrl);
  }
  const version = json.version;
  if (typeof version !== 'string' || !VERSION.test(version.trim())) {
    const seen = typeof version === 'string' ? `version "${version.slice(0, 80)}"` : `no "version" (keys: ${Object.keys(json).slice(0, 5).join(', ')})`;
    throw new FeedError(
      'not-a-feed',
      `${feedUrl} is JSON but not a JSON Feed 1.0/1.1: ${seen}. Point the feed attribute at a JSON Feed (https://jsonfeed.org/version/1.1).`,
      feedUrl,
    );
  }
  if (!Array.isArray(json.items)) {
    throw new FeedError('not-a-feed', `${feedUrl} is not a usable JSON Feed: "items" is not an array.`, feedUrl);
  }
  const ext = isObject(json._bantin) ? json._bantin : {};
  const timeZone = resolveTimeZone(options.timeZone ?? str(ext.time_zone));
  const offset = options.orderOffset ?? 0;
  const loose = (value: string) => {
    if (notedLooseDates.has(feedUrl)) return;
    notedLooseDates.add(feedUrl);
    console.warn(
      `bantin: ${feedUrl} writes dates that are not RFC 3339, as JSON Feed asks (${JSON.stringify(value.slice(0, 40))}); read as the RSS reader reads them.`,
    );
  };
  const { items, skipped } = collectItems(
    json.items,
    feedUrl,
    (raw, index) => parseItem(raw, feedUrl, timeZone, offset + index, loose),
    (raw) => (isObject(raw) && (typeof raw.id === 'string' || typeof raw.id === 'number') ? String(raw.id) : null),
  );
  return {
    feed: {
      url: feedUrl,
      title: str(json.title)?.trim() ?? '',
      homePageUrl: safeUrl(json.home_page_url, feedUrl),
      nextUrl: safeUrl(json.next_url, feedUrl),
      visits: count(ext.visits),
      language: str(json.language),
      items,
    },
    skipped,
  };
}

/**
 * Parses a JSON Feed body (`readFeed` picks the format of any body). Not JSON,
 * or cut short, is `FeedError('not-json')` with the position where it broke,
 * so a webmaster can find the fault.
 */
export function parseFeedText(text: string, feedUrl: string, options?: ParseOptions): ParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    const trimmed = body.trimStart();
    const hint = trimmed === ''
        ? ' The body is empty.'
        : ' The file may be truncated or contain a raw control character.';
    throw new FeedError('not-json', `${feedUrl} is not valid JSON (${(e as Error).message}).${hint}`, feedUrl);
  }
  return parseFeed(json, feedUrl, options);
}
