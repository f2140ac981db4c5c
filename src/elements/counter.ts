import { html, type TemplateResult } from 'lit';
import { formatNumber } from '../format/number.js';
import { counterLabel as label } from '../format/labels/counter.js';
import type { Locale } from '../format/lang.js';
import { BantinElement } from './base.js';
import { CounterController } from './controllers/counter-controller.js';
import { FeedController } from './controllers/feed-controller.js';
import { baseStyles } from './styles.js';
import { counterStyles } from './counter.styles.js';

/** The ten faces of a digit box; the box shows one by sliding the strip, so a change rolls. */
const STRIP = html`${[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => html`<span>${d}</span>`)}`;

// Intl caps minimumIntegerDigits at 21, and 2^53 has 16 digits: more is a typo.
const MAX_MIN_DIGITS = 21;

/** `19.467.540` in vi, `19,467,540` in en: the locale's own group mark. */
function groupMark(locale: Locale): string {
  return formatNumber(1000, locale).replace(/\d/g, '') || '.';
}

/**
 * A visit counter, one box per digit, as on the portals:
 * `SỐ LƯỢT TRUY CẬP` over `1 9 4 6 7 5 4 0`. The number comes from a counter
 * service (`endpoint`, which also records the visit with `count`), else from
 * the feed's `_bantin.visits`.
 *
 * @tagname bantin-counter
 * @fires bantin-error - the service or the feed failed; `detail.error` (a `CounterError` or `FeedError`)
 * @fires bantin-load - the feed (`feed` or the page's meta feed) is loaded; detail `{ feed, fromCache }`
 * @slot - shown until there is a number (e.g. a plain-text label)
 * @csspart base - the wrapper of label and digits
 * @csspart counter - deprecated: the same node as `base`, until the next release
 * @csspart label - the visible label
 * @csspart digits - the row of boxes
 * @csspart digit - one digit box
 * @csspart separator - a group separator (with `separators`)
 * @csspart placeholder - what stands for the digits while there is no number
 * @cssprop --bantin-counter-digit-background - box background (default `#1f2328`)
 * @cssprop --bantin-counter-digit-color - digit colour (default `#fff`)
 * @cssprop --bantin-counter-font - digit font (default `ui-monospace`)
 * @cssprop --bantin-counter-font-size - digit size (default `1.25em`)
 * @cssprop --bantin-counter-gap - space between boxes (default `0.15em`)
 * @cssprop --bantin-counter-roll-duration - how long a digit rolls (default `600ms`)
 */
export class BantinCounter extends BantinElement {
  static override styles = [baseStyles, counterStyles];
  static override properties = {
    endpoint: { reflect: true },
    key: { reflect: true },
    label: { reflect: true },
    minDigits: { attribute: 'min-digits', type: Number, reflect: true },
    count: { type: Boolean, reflect: true },
    separators: { type: Boolean, reflect: true },
    timeout: { type: Number, reflect: true },
  };

  /** A counter service (see bantin-server): shows its count, and records visits with `count`. */
  endpoint: string | null = null;
  /** The counter key at `endpoint`. */
  key = 'site';
  /** The visible label; default `SỐ LƯỢT TRUY CẬP` (`VISITS` in English). */
  label: string | null = null;
  /** Pad with leading zeros to this many digits. */
  minDigits: number | null = null;
  /** Record one visit per browser session at `endpoint`. */
  count = false;
  /** Group the digits: `19.467.540`. */
  separators = false;
  /** Milliseconds to wait for `endpoint` before showing the last known count with an error (default 5000). */
  timeout: number | null = null;

  private readonly data = new FeedController(this, { optional: true });
  private readonly counter = new CounterController(this, () => ({
    endpoint: this.endpoint,
    key: this.key,
    count: this.count,
    timeoutMs: this.timeout,
  }));

  /**
   * The number shown, or null while there is none: the service's count (or
   * its last known one); the feed's `_bantin.visits` without an endpoint, or
   * when the service failed with nothing cached.
   */
  get value(): number | null {
    if (this.endpoint && (this.counter.count !== null || this.counter.status !== 'error')) return this.counter.count;
    return this.data.state.feed?.visits ?? null;
  }

  /** Asks the service (and the feed) again. A visit is still recorded once per session. */
  async refresh(): Promise<void> {
    await Promise.all([this.counter.refresh(), this.data.retry()]);
  }

  private get pending(): boolean {
    if (this.endpoint && this.counter.status === 'loading') return true;
    const feed = this.data.state;
    return !!this.data.store && (feed.status === 'loading' || feed.status === 'idle');
  }

  private spoken(text: string): string {
    return this.label ? `${this.label}: ${text}` : label(this.language, 'visitsLabel', { count: text });
  }

  override render() {
    const lang = this.language;
    const shown = this.label ?? label(lang, 'visits');
    const value = this.value;
    if (value === null) {
      // Whatever the page put inside shows until there is a number; else our own placeholder.
      const loading = this.pending;
      return html`<slot
        ><div class="counter" part="base counter" lang=${lang}>
          <span class="label" part="label" aria-hidden="true">${shown}</span>
          ${loading
            ? html`<span class="placeholder skeleton-line" part="placeholder"></span>`
            : html`<span class="placeholder" part="placeholder" aria-hidden="true">–</span>`}
          <span class="sr-only">${loading ? label(lang, 'loading') : this.spoken(label(lang, 'unavailable'))}</span>
        </div></slot
      >`;
    }
    return html`<div class="counter" part="base counter" lang=${lang}>
      <span class="label" part="label" aria-hidden="true">${shown}</span>
      <span class="digits" part="digits" aria-hidden="true">${this.renderDigits(value)}</span>
      <span class="sr-only">${this.spoken(formatNumber(value, this.locale))}</span>
    </div>`;
  }

  private renderDigits(value: number): TemplateResult[] {
    const min = Math.min(Math.max(Math.trunc(this.minDigits ?? 0) || 0, 0), MAX_MIN_DIGITS);
    const digits = String(value).padStart(min, '0');
    const mark = this.separators ? groupMark(this.locale) : null;
    const cells: TemplateResult[] = [];
    // Units first: the n-th box is always the same place (see .digits).
    for (let place = 1; place <= digits.length; place++) {
      if (mark && place > 1 && (place - 1) % 3 === 0) cells.push(html`<span class="separator" part="separator">${mark}</span>`);
      const digit = digits[digits.length - place];
      cells.push(html`<span class="digit" part="digit" data-value=${digit}><span class="strip">${STRIP}</span></span>`);
    }
    return cells;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bantin-counter': BantinCounter;
  }
}

