import type { Article } from '../feed/types.js';
import type { DayKey } from '../format/calendar.js';

/**
 * Where an article links: its own `url`, else this page with `?id=<id>` (the
 * portal template pattern), the parameter named by the element's `id-param`
 * (`ItemID` portals) and the page's other parameters kept. The one link of
 * the article's lists and of the search.
 */
export function articleHref(article: Article, idParam = 'id'): string {
  if (article.url) return article.url;
  const url = new URL(location.href);
  url.searchParams.set(idParam || 'id', article.id);
  url.hash = '';
  return url.href;
}

/** A query parameter of the page URL. */
export function pageParam(name: string): string | null {
  return new URL(location.href).searchParams.get(name);
}

/**
 * The file name at the end of a URL, for people: percent escapes decoded as
 * UTF-8, else as windows-1252 (`Th%F4ng%20b%E1o.pdf` from an old Vietnamese
 * server is `Thông báo.pdf`), never a `URIError`.
 */
export function fileNameOf(url: string): string {
  const last = new URL(url).pathname.split('/').pop() || url;
  return last.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      const bytes = Uint8Array.from(run.slice(1).split('%'), (h) => parseInt(h, 16));
      return new TextDecoder('windows-1252').decode(bytes);
    }
  });
}

/** The URL a date picker's `navigate` goes to: `{date}` replaced by the day, resolved against the page. */
export function navigateUrl(template: string, value: DayKey, base: string = document.baseURI): string {
  return new URL(template.replaceAll('{date}', encodeURIComponent(value)), base).href;
}
