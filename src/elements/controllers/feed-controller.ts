import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FeedError } from '../../feed/errors.js';
import { FeedStore, IDLE_STATE as IDLE, type FeedState } from '../../feed/store.js';
import { emit, type DetailOf } from '../events.js';

export interface FeedHost extends ReactiveControllerHost, HTMLElement {
  /** The `feed` attribute. */
  feed?: string | null;
  /** The `max-age` attribute, seconds. */
  maxAge?: number | null;
}

/** The feed URL an element names: its `feed` attribute, else the page's `<meta name="bantin:feed">`. */
export const feedUrlOf = (host: FeedHost): string | null => pageUrlOf(host.feed, 'bantin:feed');

/** A URL an element names: its attribute, else the page's `<meta name="…">`; resolved against the page, null if none. */
export function pageUrlOf(attribute: string | null | undefined, meta: string): string | null {
  const raw = attribute?.trim() || document.querySelector<HTMLMetaElement>(`meta[name="${meta}"]`)?.content?.trim();
  if (!raw) return null;
  try {
    return new URL(raw, document.baseURI).href;
  } catch {
    return null;
  }
}

export type { BantinLoadDetail, BantinErrorDetail } from '../events.js';

/** Items from which a feed counts as big: elements then render it one per task (a list's pass over it is milliseconds). */
export const BIG_FEED_ITEMS = 5000;

/**
 * Connects an element to the page-wide FeedStore of its feed URL and
 * re-renders it on every change. Elements never fetch: this is their only
 * way to data. Fires `bantin-load` once data is on screen and `bantin-error`
 * on each new failure, both bubbling and composed.
 */
export class FeedController implements ReactiveController {
  state: FeedState = IDLE;
  store: FeedStore | null = null;
  private url: string | null | undefined = undefined;
  private unsubscribe: (() => void) | null = null;
  /** Events to fire once the host has rendered what they announce: the latest of each type. */
  private pending = new Map<string, () => void>();

  constructor(
    private readonly host: FeedHost,
    /** Optional feeds (a counter fed by its endpoint alone) report no `no-feed` error. */
    private readonly options: { optional?: boolean } = {},
  ) {
    host.addController(this);
  }

  hostConnected() {
    this.connect();
  }

  hostDisconnected() {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.url = undefined;
  }

  hostUpdate() {
    if (feedUrlOf(this.host) !== this.url) this.connect();
  }

  hostUpdated() {
    const fire = [...this.pending.values()];
    this.pending.clear();
    for (const f of fire) f();
  }

  /** Asks the network again (the retry button). */
  retry() {
    return this.store?.refresh();
  }

  loadMore(): Promise<number> {
    return this.store?.loadMore() ?? Promise.resolve(0);
  }

  private connect() {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.url = feedUrlOf(this.host);
    if (!this.url) {
      this.store = null;
      if (this.options.optional) {
        this.state = IDLE;
      } else {
        const error = new FeedError(
          'no-feed',
          `<${this.host.localName}> has no feed: give it a feed="…" attribute, or put <meta name="bantin:feed" content="…"> in the page.`,
        );
        this.state = { ...IDLE, status: 'error', error };
        this.queue('bantin-error', { error });
      }
      this.host.requestUpdate();
      return;
    }
    this.store = FeedStore.for(this.url, { maxAge: this.host.maxAge ?? undefined });
    this.unsubscribe = this.store.subscribe((state) => this.onState(state));
  }

  private onState(state: FeedState) {
    const prev = this.state;
    this.state = state;
    const feed = state.feed && state.feed !== prev.feed ? state.feed : null;
    if (feed) this.queue('bantin-load', { feed, fromCache: state.fromCache });
    if (state.error && state.error !== prev.error) this.queue('bantin-error', { error: state.error });
    // A new big feed: each element renders it in a task of its own, not all in the store's.
    if (feed && feed.items.length > BIG_FEED_ITEMS) setTimeout(() => this.host.requestUpdate());
    else this.host.requestUpdate();
  }

  private queue<K extends 'bantin-load' | 'bantin-error'>(type: K, detail: DetailOf<K>) {
    // The latest of a type replaces an earlier one, and goes last.
    this.pending.delete(type);
    this.pending.set(type, () => emit(this.host, type, detail));
  }
}
