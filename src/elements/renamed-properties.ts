import { whenIdle } from '../shared/threads.js';
import { TAGS } from './tags.js';

/**
 * Custom properties renamed by the one rule (shared ones `--bantin-*`, an element's own
 * `--bantin-<element>-*`): `--bantin-<old>` is now `--bantin-<element>-<old>`. The styles
 * read the new name, then the old one (`var(--new, var(--old, default))`), until the next
 * release, which drops this list and the fallbacks.
 */
export const RENAMED: Record<string, string[]> = {
  [TAGS.article]: ['title-size', 'title-color', 'body-align'],
  [TAGS['news-list']]: ['heading-color', 'heading-background'],
  [TAGS['date-picker']]: ['news-dot', 'day-hover', 'disabled-color', 'dialog-background', 'backdrop'],
  [TAGS.search]: ['mark-background', 'mark-color', 'active-background', 'input-background', 'popup-background', 'popup-shadow', 'popup-z-index'],
};

const checked = new Set<string>();

/**
 * Once per element type, at the first one's connection, when the page is idle (reading
 * computed style forces a style pass): a console note for each old name the page sets.
 */
export function noteRenamedProperties(el: HTMLElement): void {
  const tag = el.localName;
  const old = RENAMED[tag];
  if (!old || checked.has(tag)) return;
  checked.add(tag);
  whenIdle(
    () => {
      const style = getComputedStyle(el);
      for (const name of old) {
        if (style.getPropertyValue(`--bantin-${name}`)) {
          console.warn(`bantin: --bantin-${name} is now --bantin-${tag.slice(7)}-${name} on <${tag}>; the old name works until the next release.`);
        }
      }
    },
    2000,
    100,
  );
}
