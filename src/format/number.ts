import type { Locale } from './lang.js';

const cache = new Map<string, Intl.NumberFormat>();

/** A cached Intl.NumberFormat: building one costs far more than using it. */
export function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
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
  return numberFormat(locale, { useGrouping: grouping, maximumFractionDigits: 0 }).format(value);
}
