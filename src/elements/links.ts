import type { Article } from '../feed/types.js';

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
