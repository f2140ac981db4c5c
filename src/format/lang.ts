/** The languages bantin speaks. Vietnamese first; anything else falls back to it. */
export type Lang = 'vi' | 'en';

export const DEFAULT_LANG: Lang = 'vi';

/** A language for labels, and the Intl locale for dates and numbers. */
export interface Locale {
  lang: Lang;
  /** `vi-VN`, or the page's English tag (`en-GB` keeps day-first dates), `en-US` for a bare `en`. */
  tag: string;
}

/** Maps a BCP 47 tag (`vi-VN`, `en-GB`, `fr`) to a supported language and locale. */
export function resolveLocale(tag: string | null | undefined): Locale {
  const raw = (tag ?? '').trim();
  const primary = raw.toLowerCase().split(/[-_]/)[0];
  if (primary !== 'en') return { lang: 'vi', tag: 'vi-VN' };
  if (!/[-_]/.test(raw)) return { lang: 'en', tag: 'en-US' };
  try {
    return { lang: 'en', tag: Intl.getCanonicalLocales(raw.replace('_', '-'))[0] };
  } catch {
    return { lang: 'en', tag: 'en-US' };
  }
}
