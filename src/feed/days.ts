import { dayKey } from '../shared/time-zone.js';
import type { Article } from './types.js';

// Apart from select.ts (the lists): only the date picker marks the days with news.

/** Days (`YYYY-MM-DD` in the zone) that have at least one article, with counts. */
export function newsDays(items: readonly Article[], timeZone: string): Map<string, number> {
  const days = new Map<string, number>();
  for (const a of items) {
    if (!a.published) continue;
    const k = dayKey(a.published, timeZone);
    days.set(k, (days.get(k) ?? 0) + 1);
  }
  return days;
}
