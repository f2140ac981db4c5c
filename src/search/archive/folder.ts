/** The manifest's name in the index folder. */
export const MANIFEST_NAME = 'index.json';

/**
 * The index folder's URL, with its trailing slash, for what a page names:
 * `/search/`, `/search` or `/search/index.json`, resolved against `base`.
 */
export function indexFolder(raw: string, base: string): string {
  const url = new URL(raw, base);
  url.search = '';
  url.hash = '';
  if (url.pathname.endsWith(`/${MANIFEST_NAME}`)) url.pathname = url.pathname.slice(0, -MANIFEST_NAME.length);
  else if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}
