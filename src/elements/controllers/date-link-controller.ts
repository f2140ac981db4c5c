import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { asDayKey, type DayKey } from '../../format/calendar.js';

export interface DateLinkHost extends ReactiveControllerHost, HTMLElement {
  /** Id of the linked element (the `for` attribute). */
  htmlFor: string | null;
  /** The host's day, `YYYY-MM-DD`. */
  value: string | null;
}

/**
 * Keeps the `date` attribute of the element named by the host's `for` (a
 * `<bantin-news-list>`) and the host's `value` in step, both ways: a day
 * chosen sets the list's `date`; the list's own clear control (or anyone)
 * changing its `date` changes the host's value.
 *
 * The host calls `link()` when `for` or `value` changed, and at once after a
 * choice (the list follows without waiting a frame).
 */
export class DateLinkController implements ReactiveController {
  private observer: MutationObserver | null = null;
  /** The element we listen to, once found. */
  private observed: Element | null = null;
  /** The value last given to the target. */
  private pushed: DayKey | null = null;
  private connectedBefore = false;

  constructor(private readonly host: DateLinkHost) {
    host.addController(this);
  }

  hostConnected() {
    // Moved in the page: link again (the first time, the host's first update does).
    if (this.connectedBefore) this.link(false);
    this.connectedBefore = true;
    // The target may come later in the page than the host.
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => this.link(true), { once: true });
  }

  hostDisconnected() {
    this.observer?.disconnect();
    this.observed = null;
  }

  /**
   * Finds the target and pushes the host's value to it. With `targetChanged`
   * (a new `for`), a host without a day adopts the day the target already has.
   */
  link(targetChanged: boolean) {
    const host = this.host;
    const target = host.htmlFor ? (host.getRootNode() as Document | ShadowRoot).getElementById?.(host.htmlFor) : null;
    const fresh = target !== this.observed;
    if (fresh) {
      this.observer?.disconnect();
      this.observed = target ?? null;
      if (target) {
        // A clear control on the list removes its date: the host follows.
        this.observer ??= new MutationObserver(() => {
          const date = asDayKey(this.observed?.getAttribute('date'));
          if (date !== asDayKey(host.value)) host.value = date;
        });
        this.observer.observe(target, { attributes: true, attributeFilter: ['date'] });
        if (targetChanged && !host.value) host.value = asDayKey(target.getAttribute('date'));
      }
    }
    if (!target) return;
    const value = asDayKey(host.value);
    // Only news goes to the target: a date it set itself since is not overwritten by a stale one.
    if (!fresh && value === this.pushed) return;
    this.pushed = value;
    if (value) {
      if (target.getAttribute('date') !== value) target.setAttribute('date', value);
    } else if (target.hasAttribute('date')) {
      target.removeAttribute('date');
    }
  }
}
