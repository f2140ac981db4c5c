import type { Locale } from './lang.js';
import { numberFormat } from './number.js';

// Apart from number.ts: only the article's attachments show a size.

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
  return `${numberFormat(locale, { maximumFractionDigits: digits }).format(n)} ${units[u]}`;
}
