import type { Article } from '../feed/types.js';

/** Bumped whenever the index format or the folding changes: old cached indexes are then rebuilt. */
export const INDEX_FORMAT = 2;

/**
 * A cheap fingerprint of a feed's items: ids, dates, titles, categories and
 * text lengths, in order, and the count (FNV-1a, no string built). A cached
 * index is reused only for the same one.
 */
export function feedVersion(items: readonly Article[]): string {
  let h = 0x811c9dc5;
  const mix = (s: string) => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x1f, 0x01000193);
  };
  const num = (n: number | null | undefined) => mix(n == null ? '' : String(n));
  num(INDEX_FORMAT);
  num(items.length);
  for (const a of items) {
    mix(a.id);
    num(a.published?.getTime());
    num(a.modified?.getTime());
    mix(a.title);
    mix(a.category ?? '');
    num(a.summary?.length);
    num(a.contentHtml?.length);
    num(a.contentText?.length);
  }
  return `${(h >>> 0).toString(36)}:${items.length.toString(36)}`;
}
