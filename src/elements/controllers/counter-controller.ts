import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CounterError } from '../../counter/errors.js';
import { emit } from '../events.js';

/** The counter-service client, fetched with the first element that names an endpoint: pages without one never load it. */
let client: Promise<typeof import('../../counter/load.js')> | null = null;
const counterClient = () => (client ??= import('../../counter/load.js'));

export interface CounterTarget {
  /** The counter service, e.g. `/counter` or `https://dem.quan5.vn/counter`. Null: nothing to show. */
  endpoint: string | null | undefined;
  /** The counter key, e.g. `site` or `article:5142`. Null: nothing to show (yet). */
  key: string | null | undefined;
  /** Record one visit per browser session before reading. */
  count?: boolean;
  /** How long to wait for the service (default: the client's 5 s). */
  timeoutMs?: number | null;
}

export type CounterStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface BantinCounterErrorDetail {
  error: CounterError;
}

/**
 * Gives an element a count from a counter service: the last known count
 * from IndexedDB at once, then the service's; with `count`, one visit per
 * browser session is recorded first. A failure (down, 5 s timeout, bad
 * answer) keeps the last known count, sets `error` and fires `bantin-error`
 * (bubbling, composed) with `{ error: CounterError }`.
 *
 * `target` is read on every host update, so it can follow the host's properties:
 * `new CounterController(this, () => ({ endpoint: this.endpoint, key: this.key, count: this.count }))`.
 */
export class CounterController implements ReactiveController {
  /** What to show: the service's count, the last known one, or null (never NaN). */
  count: number | null = null;
  status: CounterStatus = 'idle';
  /** The last failure; with a count present, it explains why the count may be old. */
  error: CounterError | null = null;
  /** `count` is the last known count from the cache, not (yet) the service's. */
  fromCache = false;

  /** endpoint, key and count flag last synced; null: sync on the next update. */
  private signature: string | null = null;
  /** endpoint and key `count` belongs to. */
  private shown = '';
  private generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly target: () => CounterTarget,
  ) {
    host.addController(this);
  }

  hostConnected() {
    this.sync();
  }

  hostUpdate() {
    this.sync();
  }

  hostDisconnected() {
    // Answers arriving after this are dropped; reconnecting asks again (and does not count again).
    this.generation++;
    this.signature = null;
  }

  /** Asks the service again (a visit is still recorded only once per session). */
  refresh(): Promise<void> {
    this.signature = null;
    return this.sync() ?? Promise.resolve();
  }

  private sync(): Promise<void> | undefined {
    const { endpoint, key, count, timeoutMs } = this.target();
    const target = endpoint && key ? `${endpoint}\n${key}` : '';
    const signature = target && `${target}\n${count ? 1 : 0}`;
    if (signature === this.signature) return;
    this.signature = signature;
    if (target !== this.shown) {
      this.shown = target;
      this.count = null;
      this.fromCache = false;
    }
    if (!endpoint || !key) {
      this.generation++;
      this.status = 'idle';
      this.error = null;
      this.host.requestUpdate();
      return;
    }
    return this.load(endpoint, key, !!count, timeoutMs && timeoutMs > 0 ? timeoutMs : undefined);
  }

  private async load(endpoint: string, key: string, record: boolean, timeoutMs: number | undefined) {
    const generation = ++this.generation;
    const current = () => generation === this.generation;
    this.status = 'loading';
    this.error = null;
    this.host.requestUpdate();
    try {
      const { loadCount, lastKnownCount } = await counterClient().catch((e) => {
        client = null; // offline before the chunk was cached: the next try fetches it again
        throw new CounterError('network', `The counter-service client could not be loaded: ${(e as Error)?.message ?? e}`);
      });
      if (!current()) return;
      const live = loadCount(endpoint, key, { record, timeoutMs });
      // The last known count paints at once; it also stays when the service fails first.
      void lastKnownCount(endpoint, key).then((cached) => {
        if (current() && cached && this.count === null) {
          this.count = cached.count;
          this.fromCache = true;
          this.host.requestUpdate();
        }
      });
      const count = await live;
      if (!current()) return;
      this.count = count;
      this.fromCache = false;
      this.status = 'ready';
    } catch (e) {
      if (!current()) return;
      const error = e instanceof CounterError ? e : new CounterError('network', String((e as Error)?.message ?? e));
      this.error = error;
      this.status = 'error';
      emit(this.host, 'bantin-error', { error });
    }
    this.host.requestUpdate();
  }
}
