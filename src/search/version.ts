import type { Article } from '../feed/types.js';
import { FNV_OFFSET, fnv1a } from '../shared/hash.js';

/** Bumped whenever the index format or the folding changes: old cached indexes are then rebuilt. */
export const INDEX_FORMAT = 2;

/**
 * A cheap fingerprint of a feed's items, in order: ids, dates, and the
 * lengths of title, category, summary and body (FNV-1a over numbers, so ten
 * thousand items take a millisecond or two). A cached index is reused only
 * for the same fingerprint; an edit that changes none of these keeps the old
 * index until the next change.
 */
export function feedVersion(items: readonly Article[]): string {
  let h = FNV_OFFSET;
  const mix = (n: number) => {
    h = fnv1a(h, n | 0);
    h = fnv1a(h, (n / 0x100000000) | 0);
  };
  mix(INDEX_FORMAT);
  mix(items.length);
  for (const a of items) {
    const id = a.id;
    for (let i = 0; i < id.length; i++) h = fnv1a(h, id.charCodeAt(i));
    mix(a.published?.getTime() ?? -1);
    mix(a.modified?.getTime() ?? -1);
    mix(a.title.length);
    mix(a.category?.length ?? -1);
    mix(a.summary?.length ?? -1);
    mix(a.contentHtml?.length ?? -1);
    mix(a.contentText?.length ?? -1);
  }
  return `${(h >>> 0).toString(36)}:${items.length.toString(36)}`;
}
