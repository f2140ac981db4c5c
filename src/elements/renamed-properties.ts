import type { CSSResultOrNative } from 'lit';
import { whenIdle } from '../shared/threads.js';

/**
 * Custom properties renamed by the one rule (shared ones `--bantin-*`, an element's own
 * `--bantin-<element>-*`) are read new name first, then the old one, until the next
 * release: `var(--bantin-date-picker-day-hover, var(--bantin-day-hover, #eef3fa))`. Those
 * fallbacks in an element's styles are the list of its renames (no second list to keep
 * in step); the next release drops them, and with them the notes.
 */
const RENAME = /var\((--bantin-[\w-]+), ?var\((--bantin-[\w-]+)/g;

/** The renames in a set of styles: [new name, old name] pairs. */
export function renamesIn(styles: CSSResultOrNative[]): [string, string][] {
  const css = styles.map((s) => ('cssText' in s ? s.cssText : '')).join('');
  return [...css.matchAll(RENAME)].map((m) => [m[1], m[2]]);
}

const checked = new Set<string>();

/**
 * Once per element type, at the first one's connection, when the page is idle (reading
 * computed style forces a style pass): a console note for each old name the page sets.
 */
export function noteRenamedProperties(el: HTMLElement, styles: CSSResultOrNative[]): void {
  const tag = el.localName;
  if (checked.has(tag)) return;
  checked.add(tag);
  whenIdle(
    () => {
      const style = getComputedStyle(el);
      for (const [now, old] of renamesIn(styles)) {
        if (style.getPropertyValue(old)) console.warn(`bantin: ${old} is now ${now} on <${tag}>; the old name works until the next release.`);
      }
    },
    2000,
    100,
  );
}
