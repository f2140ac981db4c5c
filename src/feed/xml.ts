import { resolveTimeZone } from '../shared/time-zone.js';
import { decodeEntity, stripHtml } from '../shared/text.js';
import { FeedError } from './errors.js';
import { hashText } from '../shared/hash.js';
import { collectItems, count, parseFeedDate, safeUrl, str, type ParseOptions, type ParseResult } from './parse.js';
import { parseRfc822Date } from './rfc822.js';
import type { Article, Attachment } from './types.js';

// RSS, Atom and RDF feeds read with the browser's DOMParser into the model a
// JSON Feed gives. Lazy-loaded by readFeed: only pages that meet XML pay for it.

const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  xml: 'http://www.w3.org/XML/1998/namespace',
  xhtml: 'http://www.w3.org/1999/xhtml',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
};
const IMAGE_PATH = /\.(?:jpe?g|png|gif|webp|avif)$/i;
type Ns = ReadonlySet<string | null>;
// RSS 2.0 has no namespace; RSS 1.0 and 0.9 have one each, and a few 2.0 writers invent theirs.
const RSS: Ns = new Set([null, 'http://purl.org/rss/1.0/', 'http://my.netscape.com/rdf/simple/0.9/', 'http://backend.userland.com/rss2', 'http://blogs.law.harvard.edu/tech/rss']);
// Atom 1.0, Atom 0.3, and Atom written without its namespace.
const ATOM: Ns = new Set([NS.atom, 'http://purl.org/atom/ns#', null]);
const DC: Ns = new Set([NS.dc]);
const CONTENT: Ns = new Set([NS.content]);
const ITUNES: Ns = new Set([NS.itunes]);
const XHTML: Ns = new Set([NS.xhtml]);
// Media RSS under Yahoo's namespace and the RSS Board's copy of it (Squarespace writes the latter).
const MEDIA: Ns = new Set([NS.media, 'http://www.rssboard.org/media-rss']);
const ATOM_ONLY = new Set([NS.atom, 'http://purl.org/atom/ns#']);

const children = (el: Element | null, name: string, ns: Ns): Element[] => {
  const out: Element[] = [];
  for (let c = el?.firstElementChild ?? null; c; c = c.nextElementSibling) {
    if (c.localName === name && ns.has(c.namespaceURI)) out.push(c);
  }
  return out;
};
const child = (el: Element | null, name: string, ns: Ns): Element | null => {
  for (let c = el?.firstElementChild ?? null; c; c = c.nextElementSibling) {
    if (c.localName === name && ns.has(c.namespaceURI)) return c;
  }
  return null;
};
/** Text of an element (CDATA included), trimmed; null when empty or absent. */
const text = (el: Element | null): string | null => str(el?.textContent)?.trim() ?? null;
/** Plain text from a field that may hold HTML or entities, as RSS titles often do. */
const plain = (s: string | null): string | null => (s === null ? null : stripHtml(s) || null);

/** Parses RSS 2.0, RSS 1.0 (RDF) or Atom text into the feed model. */
export function parseXmlFeed(source: string, feedUrl: string, options: ParseOptions = {}): ParseResult {
  const root = parseXml(source, feedUrl).documentElement;
  const name = root.localName.toLowerCase();
  const timeZone = resolveTimeZone(options.timeZone);
  const reader = new Reader(feedUrl, timeZone, options.orderOffset ?? 0);
  if (name === 'rss' || (root.localName === 'RDF' && root.namespaceURI === NS.rdf)) return reader.rss(root);
  if (name === 'feed' && ATOM.has(root.namespaceURI)) return reader.atom(root);
  throw notAFeed(feedUrl, `<${root.nodeName}>`);
}

function notAFeed(feedUrl: string, root: string): FeedError {
  const what =
    root.toLowerCase() === '<html>'
      ? 'an HTML page (an error page or a site front page?), not a feed'
      : `XML but not RSS or Atom: its root element is ${root}`;
  return new FeedError('not-a-feed', `${feedUrl} is ${what}. Point the feed attribute at a JSON Feed, RSS or Atom file.`, feedUrl);
}

/**
 * DOMParser, with one repair pass for what real feeds get wrong: HTML named
 * entities (`&nbsp;`), a bare `&`, control characters. Still broken is
 * `FeedError('not-xml')` with the parser's line and column.
 */
function parseXml(source: string, feedUrl: string): Document {
  // A declaration after blank lines is an error to XML; readers skip the blanks.
  const body = source.replace(/^\uFEFF/, '').trimStart();
  if (typeof DOMParser === 'undefined') {
    throw new Error('bantin reads RSS and Atom with the browser\'s DOMParser; outside a browser, set globalThis.DOMParser (from a DOM library) first.');
  }
  const parser = new DOMParser();
  let doc = parser.parseFromString(body, 'application/xml');
  if (!parseError(doc)) return doc;
  doc = parser.parseFromString(repair(body), 'application/xml');
  const error = parseError(doc);
  if (!error) return doc;
  if (/^(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html)[\s>]/i.test(body)) throw notAFeed(feedUrl, '<html>');
  throw new FeedError('not-xml', `${feedUrl} is not well-formed XML (${error}). A feed reader cannot read it either.`, feedUrl);
}

function parseError(doc: Document): string | null {
  const error = doc.getElementsByTagNameNS(NS.xhtml, 'parsererror')[0];
  if (!error) return null;
  const detail = /error on line \d+ at column \d+: [^\n]*/.exec(error.textContent ?? '');
  return (detail ? detail[0] : (error.textContent ?? 'parse error')).trim();
}

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

function repair(body: string): string {
  return (
    body
      // eslint-disable-next-line no-control-regex -- these are the characters XML 1.0 forbids
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&(?:([A-Za-z][A-Za-z0-9]*);|(#\d+;|#[xX][0-9a-fA-F]+;))?/g, (m, name: string | undefined, numeric: string | undefined) => {
        if (numeric) return m;
        if (name && XML_ENTITIES.has(name)) return m;
        const decoded = name ? htmlEntity(name) : null;
        return decoded === null ? `&amp;${m.slice(1)}` : [...decoded].map((c) => `&#${c.codePointAt(0)};`).join('');
      })
  );
}

let decoder: HTMLTextAreaElement | null = null;
/** An HTML named entity's text (the full HTML table, from the platform), or null. */
function htmlEntity(name: string): string | null {
  if (typeof document === 'undefined') return decodeEntity(name); // the common ones, without a DOM
  // A textarea decodes entities and runs nothing; `name` is letters and digits only.
  decoder ??= document.createElement('textarea');
  decoder.innerHTML = `&${name};`;
  const value = decoder.value;
  return value === `&${name};` ? null : value;
}

/** The URL an element's relative links resolve against: `xml:base` on it and its ancestors, over the feed's URL. */
function baseOf(el: Element, feedUrl: string): string {
  const bases: string[] = [];
  for (let e: Element | null = el; e; e = e.parentElement) {
    const b = e.getAttributeNS(NS.xml, 'base');
    if (b) bases.push(b);
  }
  let base = feedUrl;
  for (let i = bases.length - 1; i >= 0; i--) base = safeUrl(bases[i], base) ?? base;
  return base;
}

const linkRel = (l: Element) => (l.getAttribute('rel') ?? 'alternate').trim().toLowerCase();

class Reader {
  constructor(
    private url: string,
    private timeZone: string,
    private offset: number,
  ) {}

  rss(root: Element): ParseResult {
    const channel = child(root, 'channel', RSS);
    // RSS 2.0 keeps items in the channel; RSS 1.0 and 0.9 beside it.
    const raws = [...children(channel, 'item', RSS), ...children(root, 'item', RSS)];
    const { items, skipped } = collectItems(raws, this.url, (item, i) => this.rssItem(item, i), (item) => text(child(item, 'guid', RSS)));
    return {
      feed: {
        url: this.url,
        title: plain(text(child(channel, 'title', RSS))) ?? '',
        homePageUrl: safeUrl(text(child(channel, 'link', RSS)), this.url),
        nextUrl: this.atomLink(channel, 'next'),
        visits: null,
        language: text(child(channel, 'language', RSS)) ?? text(child(channel, 'language', DC)),
        items,
      },
      skipped,
    };
  }

  atom(root: Element): ParseResult {
    const raws = children(root, 'entry', ATOM);
    const { items, skipped } = collectItems(raws, this.url, (entry, i) => this.atomEntry(entry, i), (entry) => text(child(entry, 'id', ATOM)));
    return {
      feed: {
        url: this.url,
        title: this.atomText(child(root, 'title', ATOM)) ?? '',
        homePageUrl: this.atomLink(root, 'alternate'),
        nextUrl: this.atomLink(root, 'next'),
        visits: null,
        language: str(root.getAttributeNS(NS.xml, 'lang')),
        items,
      },
      skipped,
    };
  }

  private rssItem(item: Element, index: number): Article | string {
    const guid = child(item, 'guid', RSS);
    const guidText = text(guid);
    const permalink = guid?.getAttribute('isPermaLink')?.trim().toLowerCase() !== 'false';
    const base = baseOf(item, this.url);
    // A guid is the article's address only when it says so (the default) and is absolute.
    const guidUrl = permalink && guidText && /^https?:\/\//i.test(guidText) ? safeUrl(guidText, base) : null;
    const link = safeUrl(text(child(item, 'link', RSS)), base) ?? guidUrl;
    const description = text(child(item, 'description', RSS));
    const encoded = text(child(item, 'encoded', CONTENT));
    const title = plain(text(child(item, 'title', RSS)));
    const dateText = text(child(item, 'pubDate', RSS)) ?? text(child(item, 'date', DC));
    const published = parseRfc822Date(dateText, this.timeZone) ?? parseFeedDate(dateText, this.timeZone);
    const tags = unique([...children(item, 'category', RSS), ...children(item, 'subject', DC)].map(text));
    const attachments = children(item, 'enclosure', RSS).flatMap((e) =>
      this.attachment(e.getAttribute('url'), e.getAttribute('type'), e.getAttribute('length'), base),
    );
    return this.article({
      id: guidText ?? link ?? str(item.getAttributeNS(NS.rdf, 'about')),
      url: link,
      title,
      // The full text when there is one; the description is then the teaser.
      contentHtml: encoded ?? description,
      summary: encoded && description ? plain(description) : null,
      published,
      modified: null,
      tags,
      attachments,
      image: this.mediaImage(item, base),
      index,
    });
  }

  private atomEntry(entry: Element, index: number): Article | string {
    const base = baseOf(entry, this.url);
    const content = this.atomBody(child(entry, 'content', ATOM));
    const summary = this.atomBody(child(entry, 'summary', ATOM));
    const body = content ?? summary;
    const date = (n: string) => parseFeedDate(text(child(entry, n, ATOM)), this.timeZone);
    const updated = date('updated') ?? date('modified');
    const links = children(entry, 'link', ATOM);
    const attachments = links
      .filter((l) => linkRel(l) === 'enclosure')
      .flatMap((l) => this.attachment(l.getAttribute('href'), l.getAttribute('type'), l.getAttribute('length'), baseOf(l, this.url)));
    return this.article({
      id: text(child(entry, 'id', ATOM)),
      url: this.atomLink(entry, 'alternate'),
      title: this.atomText(child(entry, 'title', ATOM)),
      contentHtml: body?.html ?? null,
      contentText: body?.text ?? null,
      summary: content && summary ? (summary.text ?? plain(summary.html)) : null,
      // Many Atom feeds give only `updated`: it is the best date they have.
      published: date('published') ?? date('issued') ?? updated,
      modified: updated,
      tags: unique(children(entry, 'category', ATOM).map((c) => str(c.getAttribute('term'))?.trim() ?? null)),
      attachments,
      image: this.mediaImage(entry, base),
      index,
    });
  }

  private article(f: {
    id: string | null;
    url: string | null;
    title: string | null;
    contentHtml: string | null;
    contentText?: string | null;
    summary: string | null;
    published: Date | null;
    modified: Date | null;
    tags: string[];
    attachments: Attachment[];
    image: string | null;
    index: number;
  }): Article | string {
    const contentHtml = f.contentHtml;
    const contentText = f.contentText ?? (contentHtml === null ? '' : null);
    if (!f.title && !f.url && !contentHtml && !contentText) return 'no title, link or content';
    // RSS makes guid and link optional: an item with neither gets a stable id from what it says.
    const id = f.id ?? `h:${hashText(`${f.title}\n${f.published?.toISOString()}\n${contentHtml ?? contentText}`)}`;
    return {
      id,
      url: f.url,
      title: f.title ?? '',
      summary: f.summary,
      contentHtml,
      contentText,
      image: f.image ?? f.attachments.find((a) => a.mimeType.startsWith('image/'))?.url ?? null,
      published: f.published,
      modified: f.modified,
      category: f.tags[0] ?? null,
      tags: f.tags,
      views: null,
      attachments: f.attachments,
      order: this.offset + f.index,
    };
  }

  private attachment(href: string | null, type: string | null, length: string | null, base: string): Attachment[] {
    const url = safeUrl(href, base);
    if (!url) return [];
    const size = length && /^\d+$/.test(length.trim()) ? count(Number(length)) : null;
    return [{ url, mimeType: str(type)?.trim() ?? 'application/octet-stream', title: null, sizeInBytes: size || null, durationInSeconds: null }];
  }

  /** `media:thumbnail`, else the widest image `media:content`, else `itunes:image`. */
  private mediaImage(item: Element, base: string): string | null {
    const groups = [item, ...children(item, 'group', MEDIA)];
    for (const g of groups) {
      const thumb = child(g, 'thumbnail', MEDIA);
      const url = thumb && safeUrl(thumb.getAttribute('url'), base);
      if (url) return url;
    }
    let best: { url: string; width: number } | null = null;
    for (const c of groups.flatMap((g) => children(g, 'content', MEDIA))) {
      const url = safeUrl(c.getAttribute('url'), base);
      const type = c.getAttribute('type') ?? '';
      const medium = c.getAttribute('medium');
      // Medium and type are optional in Media RSS: the Guardian writes neither, only a .jpg URL.
      const isImage = medium === 'image' || type.startsWith('image/') || (!medium && !type && url && IMAGE_PATH.test(new URL(url).pathname));
      const width = Number(c.getAttribute('width')) || 0;
      if (url && isImage && (!best || width > best.width)) best = { url, width };
    }
    if (best) return best.url;
    return safeUrl(child(item, 'image', ITUNES)?.getAttribute('href'), base);
  }

  /** The href of the first `<link rel=…>` (Atom's own, or atom:link inside RSS), absolute. */
  private atomLink(parent: Element | null, rel: string): string | null {
    const ns = parent?.localName === 'channel' ? ATOM_ONLY : ATOM;
    for (const l of children(parent, 'link', ns)) {
      if (linkRel(l) !== rel) continue;
      const type = l.getAttribute('type');
      // An alternate in another format (a JSON or PDF version) is not the article page.
      if (rel === 'alternate' && type && !/html/i.test(type)) continue;
      const url = safeUrl(l.getAttribute('href'), baseOf(l, this.url));
      if (url) return url;
    }
    return null;
  }

  /** An Atom text construct as plain text. */
  private atomText(el: Element | null): string | null {
    const body = this.atomBody(el);
    return body ? (body.text !== null ? str(body.text)?.trim() ?? null : plain(body.html)) : null;
  }

  /** An Atom text construct or content: HTML (escaped or inline XHTML) or plain text; null if absent or out of line. */
  private atomBody(el: Element | null): { html: string | null; text: string | null } | null {
    if (!el || el.hasAttribute('src')) return null;
    const type = (el.getAttribute('type') ?? 'text').trim().toLowerCase();
    if (type === 'xhtml') {
      const div = child(el, 'div', XHTML) ?? el;
      const serializer = new XMLSerializer();
      const html = [...div.childNodes].map((n) => (n.nodeType === Node.ELEMENT_NODE ? serializer.serializeToString(n) : escapeText(n.textContent ?? ''))).join('').trim();
      return html ? { html, text: null } : null;
    }
    const value = text(el);
    if (value === null) return null;
    if (type === 'html' || type.includes('html')) return { html: value, text: null };
    if (type === 'text' || type.startsWith('text/')) return { html: null, text: value };
    return null; // base64 media in the feed itself: nothing to show as an article
  }
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function unique(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => !!v))];
}
