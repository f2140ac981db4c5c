import type { ReactiveController, ReactiveControllerHost } from 'lit';

const PREFIX = 'bantin:h:';

/**
 * The key under which the classic loader (dist/bantin.min.js) finds this element's height
 * before any module has arrived: the page, the element's place among those of its tag,
 * and the viewport's width in 40 px steps. Written here, read by src/loader.ts (the same
 * rule, kept in step by a test).
 */
export function pageHeightKey(tag: string, index: number, viewportWidth: number, where: { pathname: string; search: string } = location): string {
  return `${PREFIX}page:${where.pathname}${where.search}|${tag}#${index}|${Math.round(viewportWidth / 40)}`;
}

/** Set by the loader on an element it sized before its module arrived (a symbol shared across bundles). */
export const LOADER_RESERVED = Symbol.for('bantin.loader-reserved');

function read(key: string): number | null {
  try {
    const v = Number(localStorage.getItem(PREFIX + key));
    return v > 0 ? v : null;
  } catch {
    return null; // storage disabled: fall back to the generic skeleton
  }
}

function write(key: string, height: number) {
  try {
    localStorage.setItem(PREFIX + key, String(height));
  } catch {
    // full or disabled: the next visit just uses the generic skeleton
  }
}

/**
 * Remembers how tall an element was with its content, per configuration and
 * width, so the next visit's placeholder has that height and the page does
 * not jump when the content arrives (from the IndexedDB cache, typically).
 */
export class ReservedHeightController implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** What the content depends on (feed, article id, attributes), or null when unknown. */
    private readonly key: () => string | null,
  ) {
    host.addController(this);
  }

  private fullKey(): string | null {
    const k = this.key();
    if (!k) return null;
    // Wrapping depends on width: 40 px buckets.
    return `${this.host.localName}:${k}:${Math.round(this.host.clientWidth / 40)}`;
  }

  /** The height to reserve while loading, as a CSS length, or '' when unknown. */
  reserved(): string {
    const k = this.fullKey();
    const h = k ? read(k) : null;
    return h ? `${h}px` : '';
  }

  private observer: ResizeObserver | null = null;
  private tracked: Element | null = null;

  /**
   * Remembers the height of `content` (the element showing real content) as it
   * is laid out, or stops when given null. A ResizeObserver reads the size after
   * layout, so this never forces a layout of its own.
   */
  track(content: Element | null | undefined) {
    const target = content ?? null;
    if (target === this.tracked) return;
    this.observer?.disconnect();
    this.tracked = target;
    if (!target || typeof ResizeObserver === 'undefined') return;
    // The loader's box has done its work: from now on the content sets the height.
    const host = this.host as HTMLElement & { [LOADER_RESERVED]?: boolean };
    if (host[LOADER_RESERVED]) {
      host.style.removeProperty('min-height');
      host[LOADER_RESERVED] = false;
    }
    this.observer = new ResizeObserver(([entry]) => {
      const k = this.fullKey();
      // Sub-pixel exact: a 0.3 px difference still moves everything below.
      const h = Math.round(entry.borderBoxSize[0].blockSize * 100) / 100;
      if (k && h > 0 && read(k) !== h) write(k, h);
      // And for the loader on this page's next visit: the host's height, by its place on the page.
      const tag = this.host.localName;
      const page = pageHeightKey(tag, [...document.querySelectorAll(tag)].indexOf(this.host), innerWidth);
      const hostHeight = Math.round(this.host.getBoundingClientRect().height * 100) / 100;
      if (hostHeight > 0 && read(page) !== hostHeight) write(page, hostHeight);
    });
    this.observer.observe(target);
  }

  hostDisconnected() {
    this.track(null);
  }
}
