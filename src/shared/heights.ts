/**
 * Element heights remembered in `localStorage` from one visit to the next, so a
 * placeholder can take the height its content had and the page does not jump when
 * the content arrives. The reserved-height controller writes and reads them; the
 * classic loader (src/entries/loader.ts) reads the page keys before any module arrives.
 */
const PREFIX = 'bantin:h:';

/**
 * The key under which the classic loader finds an element's height before any module
 * has arrived: the page, the element's place among those of its tag, and the viewport's
 * width in 40 px steps. The loader writes the same rule out (it imports nothing, to stay
 * one small classic script).
 */
export function pageHeightKey(tag: string, index: number, viewportWidth: number, where: { pathname: string; search: string } = location): string {
  return `page:${where.pathname}${where.search}|${tag}#${index}|${Math.round(viewportWidth / 40)}`;
}

/** The height remembered under `key`, in CSS pixels, or null (none, or storage disabled). */
export function readHeight(key: string): number | null {
  try {
    const v = Number(localStorage.getItem(PREFIX + key));
    return v > 0 ? v : null;
  } catch {
    return null; // storage disabled: fall back to the generic skeleton
  }
}

export function writeHeight(key: string, height: number): void {
  try {
    localStorage.setItem(PREFIX + key, String(height));
  } catch {
    // full or disabled: the next visit just uses the generic skeleton
  }
}
