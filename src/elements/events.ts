import type { CounterError } from '../counter/errors.js';
import type { FeedError } from '../feed/errors.js';
import type { Feed } from '../feed/types.js';

/** `bantin-load`: an element is showing its feed's data. */
export interface BantinLoadDetail {
  feed: Feed;
  /** The data came from the IndexedDB cache (it may still be revalidated). */
  fromCache: boolean;
}

/** `bantin-error`: loading the feed, or reaching the counter service, failed. */
export interface BantinErrorDetail {
  error: FeedError | CounterError;
}

// Typed listeners: el.addEventListener('bantin-load', (e) => e.detail.feed).
declare global {
  interface HTMLElementEventMap {
    'bantin-load': CustomEvent<BantinLoadDetail>;
    'bantin-error': CustomEvent<BantinErrorDetail>;
  }
}
