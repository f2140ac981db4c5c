import { html, nothing, type PropertyValues } from 'lit';
import { listArticles, type Direction } from '../feed/select.js';
import type { Article, Feed } from '../feed/types.js';
import { formatDate, toDateFormat, type DateFormat } from '../format/date.js';
import { errorLabel } from '../format/labels.js';
import { newsListLabel as label } from '../format/labels/news-list.js';
import { parseDayKey, zonedTimeToUtc } from '../shared/time-zone.js';
import type { BantinArticle } from './article.js';
import { BantinElement } from './base.js';
import { heading as headingOf } from './heading.js';
import { TAGS } from './tags.js';
import { BIG_FEED_ITEMS, FeedController } from './controllers/feed-controller.js';
import { ReservedHeightController } from './controllers/reserved-height-controller.js';
import { renderFeedError, renderStaleNote } from './feed-status.js';
import { articleHref, pageParam } from './links.js';
import { memoizeLast } from './memo.js';
import { baseStyles } from './styles.js';
import { newsListStyles } from './news-list.styles.js';
import { emitChange, type BantinDateChangeDetail } from './events.js';

/** Lists longer than this render only the rows on screen. */
const LONG_LIST = 50;
/** Pages fetched on their own to fill a list, before "Xem tiếp" has to be pressed. */
const AUTO_PAGES = 3;

/**
 * A list of articles: the latest, one category, one day, or the ones just
 * newer or older than an article (TIN MỚI HƠN / TIN ĐÃ ĐƯA), with "Xem tiếp"
 * to show more, following `next_url` when the loaded items run out.
 *
 * @tagname bantin-news-list
 * @fires bantin-load - the feed's data is shown; detail `{ feed, fromCache }`
 * @fires bantin-error - loading failed; detail `{ error }`
 * @fires change - the `date` filter was cleared with the list's own button; detail `{ value: null }`, the date picker's shape (`date: null` too, its old name, until the next release)
 * @slot - shown until the list has data
 * @csspart base - the `<section>`, in every state
 * @csspart list - deprecated: the same node as `base`, until the next release
 * @csspart heading - the heading
 * @csspart filter - the "day" filter note with its clear button
 * @csspart clear - the button that removes the `date` filter
 * @csspart items - the `<ul>`
 * @csspart item - one `<li>`
 * @csspart link - an article link
 * @csspart date - an item's `<time>`
 * @csspart image - an item's image (layout="summary")
 * @csspart summary - an item's summary (layout="summary")
 * @csspart more - the "Xem tiếp" button
 * @csspart empty - the empty message
 * @csspart skeleton - the loading placeholder
 * @csspart error - the error box
 * @csspart retry - the error box's retry button
 * @csspart stale - the "may be out of date" note
 * @cssprop --bantin-news-list-heading-color - heading text color (was `--bantin-heading-color`, still read until the next release)
 * @cssprop --bantin-news-list-heading-background - heading band background (was `--bantin-heading-background`)
 * @cssprop --bantin-accent - links and the bullet
 * @cssprop --bantin-muted-color - dates
 */
export class BantinNewsList extends BantinElement {
  static override styles = [baseStyles, newsListStyles];
  static override properties = {
    limit: { type: Number, reflect: true },
    category: { reflect: true },
    date: { reflect: true },
    relativeTo: { attribute: 'relative-to', reflect: true },
    direction: { reflect: true },
    heading: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    dateFormat: { attribute: 'date-format' },
    layout: { reflect: true },
    idParam: { attribute: 'id-param' },
    shown: { state: true, attribute: false },
    pageArticleId: { state: true, attribute: false },
  };

  /** How many items to show, and to add with each "Xem tiếp". */
  limit = 10;
  /** Only this category (`_bantin.category`, else the first tag). */
  category: string | null = null;
  /** Only this day, `YYYY-MM-DD`, in the display time zone. */
  date: string | null = null;
  /** The article the list is relative to; without it, the page's `<bantin-article>` or `?id=`. */
  relativeTo: string | null = null;
  /** `newer` or `older` than the article; none: the latest. */
  direction: Direction | null = null;
  /** Heading text; defaults to TIN MỚI HƠN / TIN ĐÃ ĐƯA / TIN MỚI. */
  heading: string | null = null;
  /** Level of the heading, 1–6. */
  headingLevel = 2;
  /** `date` (default, `27/02/2017`), `portal`, `long` or `relative`. */
  dateFormat: DateFormat = 'date';
  /** `titles` (title and date) or `summary` (adds image and summary). */
  layout: 'titles' | 'summary' = 'titles';
  /** Query parameter for `?id=` links and for following the page's article. */
  idParam = 'id';

  protected readonly data = new FeedController(this);
  private readonly reserve = new ReservedHeightController(this, () => {
    const url = this.data.store?.url;
    return url
      ? [url, this.limit, this.category, this.date, this.direction, this.referenceId(), this.layout].join('|')
      : null;
  });
  /** Items shown: `limit` at first, `limit` more per "Xem tiếp". */
  private shown = 0;
  private pageArticleId: string | null = null;
  /** Focus goes to the item at this index after the next render ("Xem tiếp"). */
  private focusIndex: number | null = null;
  private autoPages = 0;
  private filling = false;

  override connectedCallback() {
    super.connectedCallback();
    document.addEventListener('bantin-article-change', this.onArticleChange);
    this.pageArticleId = document.querySelector<BantinArticle>(TAGS.article)?.currentId ?? null;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('bantin-article-change', this.onArticleChange);
  }

  private onArticleChange = (e: Event) => {
    const id = (e as CustomEvent<{ id: string | null }>).detail.id;
    // Following the article is a pass over the feed: with a big one, not in the article's own task.
    if ((this.data.state.feed?.items.length ?? 0) > BIG_FEED_ITEMS) setTimeout(() => (this.pageArticleId = id));
    else this.pageArticleId = id;
  };

  /** The article "newer"/"older" are counted from. */
  private referenceId(): string | null {
    return this.relativeTo?.trim() || this.pageArticleId || pageParam(this.idParam || 'id');
  }

  private get step(): number {
    return Number.isFinite(this.limit) && this.limit > 0 ? Math.floor(this.limit) : 10;
  }

  /** The matching items, in display order, and whether more may come from later pages. */
  private candidates(): { items: readonly Article[]; complete: boolean } {
    const s = this.data.state;
    const direction = this.direction === 'newer' || this.direction === 'older' ? this.direction : null;
    return this.select(s.feed, s.hasMore, this.category, parseDayKey(this.date) ? this.date : null, direction, direction && this.referenceId(), this.zone);
  }

  /** Sorting and filtering, once per change of what they depend on (render and fill both ask). */
  private readonly select = memoizeLast(
    (feed: Feed | null, hasMore: boolean, category: string | null, day: string | null, direction: Direction | null, ref: string | null, timeZone: string) =>
      listArticles(feed?.items ?? [], hasMore, { category, day, timeZone, direction, ref }),
  );

  protected override willUpdate(changed: PropertyValues) {
    super.willUpdate(changed);
    const filters = ['limit', 'category', 'date', 'relativeTo', 'direction', 'pageArticleId', 'feed'];
    if (filters.some((k) => changed.has(k)) || this.shown === 0) {
      this.shown = this.step;
      this.autoPages = 0;
    }
  }

  protected override updated(changed: PropertyValues) {
    super.updated(changed);
    void this.fill();
    if (this.focusIndex !== null) {
      const links = this.renderRoot.querySelectorAll<HTMLAnchorElement>('a[part="link"]');
      const target = links[this.focusIndex];
      if (target) {
        this.focusIndex = null;
        target.focus();
      }
    }
    this.reserve.track(this.data.state.feed ? this.renderRoot.querySelector('section') : null);
  }

  /** Loads further pages while the list has fewer items than it should show (a few pages at most on its own). */
  private async fill() {
    const s = this.data.state;
    if (this.filling || !s.feed || s.loadingMore || !s.hasMore) return;
    const { items, complete } = this.candidates();
    if (complete || items.length >= this.shown || this.autoPages >= AUTO_PAGES) return;
    this.filling = true;
    this.autoPages++;
    try {
      const added = await this.data.loadMore();
      if (!added) this.autoPages = AUTO_PAGES; // an error or the end: stop until asked again
    } finally {
      this.filling = false;
      this.requestUpdate();
    }
  }

  private showMore() {
    // Still short of what was asked (the page is on its way, or it failed): a click asks again, never for more on top.
    if (this.candidates().items.length >= this.shown) {
      this.focusIndex = this.shown;
      this.shown += this.step;
    }
    if (this.data.state.loadingMore) return;
    // "Xem tiếp" is the reader asking: allow a few more pages.
    this.autoPages = 0;
    this.requestUpdate();
  }

  private clearDate() {
    this.date = null;
    // One detail shape per event name: the date picker's `{ value }`; `date` is the old name, kept one release.
    emitChange<BantinDateChangeDetail & { date: null }>(this, { value: null, date: null });
  }

  private headingText(): string {
    if (this.heading) return this.heading;
    const lang = this.language;
    return label(lang, this.direction === 'newer' ? 'newer' : this.direction === 'older' ? 'older' : 'latest');
  }

  override render() {
    const s = this.data.state;
    const lang = this.language;
    const heading = headingOf(this.headingLevel, 2, 'heading', this.headingText());
    if (s.status === 'error' && !s.feed) {
      return html`<section part="base list" aria-labelledby="heading">
        ${heading}<slot></slot>${renderFeedError(lang, s.error!, () => this.data.retry())}
      </section>`;
    }
    if (!s.feed) return this.renderSkeleton(heading);
    const { items, complete } = this.candidates();
    const visible = items.slice(0, this.shown);
    const canShowMore = items.length > this.shown || !complete;
    const day = parseDayKey(this.date) ? this.date : null;
    const dayText = day ? formatDate(this.dayDate(day), 'date', { locale: this.locale, timeZone: this.zone }) : '';
    const waiting = !visible.length && !complete && (s.loadingMore || this.filling);
    return html`<section part="base list" aria-labelledby="heading" aria-busy=${s.loadingMore ? 'true' : 'false'}>
      ${heading} ${renderStaleNote(lang, s.stale)}
      ${day
        ? html`<p class="filter" part="filter">
            <span>${dayText}</span>
            <button type="button" part="clear" @click=${this.clearDate}>${label(lang, 'clearDate')}</button>
          </p>`
        : nothing}
      ${visible.length
        ? html`<ul part="items" class=${visible.length > LONG_LIST ? 'long' : ''}>
            ${visible.map((a) => this.renderItem(a))}
          </ul>`
        : waiting
          ? this.renderRows(3)
          : html`<p class="empty" part="empty">${day ? label(lang, 'emptyDay', { date: dayText }) : label(lang, 'empty')}</p>`}
      ${canShowMore && visible.length
        ? html`${
            // A next page that failed is not an error of the list: the items stay, and the "Xem tiếp" of a
            // list that needs that page says it (in the reader's language) and tries again when clicked.
            s.error && !s.stale && !s.loadingMore && !complete
              ? html`<p class="error" part="error" role="alert">
                  ${label(lang, 'moreFailed')} ${errorLabel(lang, s.error.code, s.error.status)}
                  <small class="detail">${s.error.message}</small>
                </p>`
              : nothing
          }
          ${
            // Never disabled: a page being loaded for another list of the feed must not swallow this reader's click.
            html`<button type="button" class="more" part="more" @click=${this.showMore} aria-busy=${s.loadingMore ? 'true' : 'false'}>
              ${s.loadingMore ? label(lang, 'loadingMore') : label(lang, 'more')}
            </button>`
          }`
        : nothing}
    </section>`;
  }

  private dayDate(day: string): Date {
    const d = parseDayKey(day)!;
    return zonedTimeToUtc(d.year, d.month, d.day, 12, 0, 0, 0, this.zone);
  }

  private renderItem(a: Article) {
    const title = a.title || label(this.language, 'untitled');
    const format = toDateFormat(this.dateFormat, 'date');
    const date = a.published
      ? html`<time class="date" part="date" datetime=${a.published.toISOString()}
          >${formatDate(a.published, format, { locale: this.locale, timeZone: this.zone })}</time
        >`
      : nothing;
    const link = html`<a part="link" href=${articleHref(a, this.idParam)}>${title}</a>`;
    if (this.layout === 'summary') {
      return html`<li part="item" class="summary-item">
        ${a.image ? html`<img class="image" part="image" src=${a.image} alt="" loading="lazy" decoding="async" />` : nothing}
        <div>
          ${link} ${date ? html`<div>${date}</div>` : nothing}
          ${a.summary ? html`<p class="summary" part="summary">${a.summary}</p>` : nothing}
        </div>
      </li>`;
    }
    // The parentheses stay with the date: no "(" left alone at a line's end on a phone.
    return html`<li part="item">${link} ${date ? html`<span class="when">(${date})</span>` : nothing}</li>`;
  }

  private renderRows(n: number) {
    return html`<div aria-hidden="true">
      ${Array.from({ length: n }, (_, i) => html`<div class="skeleton-row"><span class="skeleton-line" style="width:${[90, 75, 85][i % 3]}%"></span></div>`)}
    </div>`;
  }

  private renderSkeleton(heading: unknown) {
    // The whole section takes the height it had with content last time: nothing below it moves.
    return html`<section part="base list" aria-labelledby="heading" aria-busy="true" style="min-height:${this.reserve.reserved() || nothing}">
      ${heading}
      <slot></slot>
      <div part="skeleton">
        <span class="sr-only" role="status">${label(this.language, 'loading')}</span>
        ${this.renderRows(Math.min(this.step, 10))}
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bantin-news-list': BantinNewsList;
  }
}
