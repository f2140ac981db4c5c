import type { CounterError } from '../counter/errors.js';
import type { FeedError } from '../feed/errors.js';
import type { Feed } from '../feed/types.js';
import type { DayKey } from '../format/calendar.js';

/** `bantin-load`: an element is showing its feed's data. */
export interface BantinLoadDetail {
  feed: Feed;
  /** The data came from the IndexedDB cache (it may still be revalidated). */
  fromCache: boolean;
}

/** `change` of a date picker, and of a news list whose day filter was cleared: the chosen day, `YYYY-MM-DD`, or null. */
export interface BantinDateChangeDetail {
  value: string | null;
}

/** `bantin-navigate` of a date picker, just before it goes to its `navigate` URL for the chosen day. */
export interface BantinNavigateDetail {
  url: string;
  /** The chosen day, `YYYY-MM-DD`. */
  value: DayKey;
}

/** `bantin-error`: loading the feed, or reaching the counter service, failed. */
export interface BantinErrorDetail {
  error: FeedError | CounterError;
}

// Typed listeners: el.addEventListener('bantin-load', (e) => e.detail.feed). Each element
// adds its own events to this map beside its class (`bantin-select`, `bantin-navigate` …).
declare global {
  interface HTMLElementEventMap {
    'bantin-load': CustomEvent<BantinLoadDetail>;
    'bantin-error': CustomEvent<BantinErrorDetail>;
  }
}

/** The events bantin fires: every `bantin-*` entry of the event map, one detail shape each. */
export type BantinEvent = Extract<keyof HTMLElementEventMap, `bantin-${string}`>;
export type DetailOf<K extends BantinEvent> = HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Fires a bantin event from `target`: bubbling and composed (it crosses shadow roots, as
 * a page listening on `document` expects), typed by the event map. Returns false when a
 * listener cancelled a `cancelable` one.
 */
export function emit<K extends BantinEvent>(target: EventTarget, type: K, detail: DetailOf<K>, { cancelable = false } = {}): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}

/** `change`: a value the reader chose. The platform types `change` as a plain Event, so it is fired here untyped. */
export function emitChange<D>(target: EventTarget, detail: D): boolean {
  return target.dispatchEvent(new CustomEvent('change', { detail, bubbles: true, composed: true }));
}
