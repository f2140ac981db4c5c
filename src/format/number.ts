import type { Locale } from './lang.js';

const cache = new Map<string, Intl.NumberFormat>();

function formatter(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale.tag + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale.tag, options);
    cache.set(key, f);
  }
  return f;
}

/** `19.467.540` in Vietnamese, `19,467,540` in English; `grouping: false` gives the bare digits. */
export function formatNumber(value: number, locale: Locale, grouping = true): string {
  return formatter(locale, { useGrouping: grouping, maximumFractionDigits: 0 }).format(value);
}

/** A file size for a download link: `1,2 MB` in Vietnamese, `1.2 MB` in English. */
export function formatBytes(bytes: number, locale: Locale): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let n = bytes;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  const digits = u === 0 || n >= 10 ? 0 : 1;
  return `${formatter(locale, { maximumFractionDigits: digits }).format(n)} ${units[u]}`;
}
