import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { pageHeightKey, readHeight, writeHeight } from '../../shared/heights.js';

/** Set by the loader on an element it sized before its module arrived (a symbol shared across bundles). */
export const LOADER_RESERVED = Symbol.for('bantin.loader-reserved');

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
    const h = k ? readHeight(k) : null;
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
      if (k && h > 0 && readHeight(k) !== h) writeHeight(k, h);
      // And for the loader on this page's next visit: the host's height, by its place on the page.
      const tag = this.host.localName;
      const page = pageHeightKey(tag, [...document.querySelectorAll(tag)].indexOf(this.host), innerWidth);
      const hostHeight = Math.round(this.host.getBoundingClientRect().height * 100) / 100;
      if (hostHeight > 0 && readHeight(page) !== hostHeight) writeHeight(page, hostHeight);
    });
    this.observer.observe(target);
  }

  hostDisconnected() {
    this.track(null);
  }
}
