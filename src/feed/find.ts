import type { Article } from './types.js';
import { compareNewestFirst } from './select.js';

/**
 * The article a page shows: by id, else the newest. Apart from select.ts (the lists)
 * so only pages with an article download it.
 */
export function findArticle(items: readonly Article[], id: string | null | undefined): Article | null {
  if (id == null) return null;
  return items.find((a) => a.id === id) ?? null;
}

/** The newest dated article (a page with no id shows it), else the first item. One pass, no sort. */
export function latestArticle(items: readonly Article[]): Article | null {
  let best: Article | null = null;
  for (const a of items) if (!best || compareNewestFirst(a, best) < 0) best = a;
  return best;
}
