import { html, nothing, type PropertyValues } from 'lit';
import { findArticle, latestArticle } from '../feed/find.js';
import type { Article, Attachment, Feed } from '../feed/types.js';
import { formatDate, toDateFormat, type DateFormat } from '../format/date.js';
import { articleLabel as label } from '../format/labels/article.js';
import { formatBytes } from '../format/bytes.js';
import { formatNumber } from '../format/number.js';
import { textParagraphs } from './sanitize.js';
import { articleCounterKey } from '../counter/keys.js';
import { ArticleBody } from './article-body.js';
import { BantinElement } from './base.js';
import { heading } from './heading.js';
import { CounterController } from './controllers/counter-controller.js';
import { FeedController } from './controllers/feed-controller.js';
import { ReservedHeightController } from './controllers/reserved-height-controller.js';
import { renderFeedError, renderStaleNote } from './feed-status.js';
import { fileNameOf } from './file-name.js';
import { pageParam } from './links.js';
import { memoizeLast } from './memo.js';
import { baseStyles } from './styles.js';
import { articleStyles } from './article.styles.js';
import { emit } from './events.js';

export interface BantinArticleChangeDetail {
  /** The id of the article now shown (or looked for), null when there is none. */
  id: string | null;
}

/**
 * Next pages followed looking for an article before saying "not found": a
 * long archive at 20 items a page reaches back 600 articles, and a feed whose
 * pages never end (each `next_url` new) cannot keep the skeleton up for good.
 */
export const MAX_SEEK_PAGES = 30;

/**
 * One article of a feed: category, date, title, image, body, attachments and
 * view count, as on the Quận 5 portal. The article is `article-id`, else the
 * page URL's `?id=` (see `id-param`), else the newest.
 *
 * @tagname bantin-article
 * @fires bantin-load - the feed's data is shown; detail `{ feed, fromCache }`
 * @fires bantin-error - loading failed; detail `{ error }` (a FeedError, or a CounterError from `counter-endpoint`)
 * @fires bantin-article-change - the article shown changed; detail `{ id }`
 * @slot - shown until the article is (a plain link to the news, say)
 * @csspart base - the root box, in every state (loading, error, not found, the article)
 * @csspart article - the `<article>`
 * @csspart meta - the line with category and date
 * @csspart category - the category
 * @csspart date - the `<time>`
 * @csspart title - the heading
 * @csspart image - the lead image
 * @csspart body - the article body
 * @csspart attachments - the attachment list
 * @csspart attachment - one attachment (figure or link)
 * @csspart views - the "Số lượt người xem" line
 * @csspart skeleton - the loading placeholder
 * @csspart not-found - the "not found" message
 * @csspart error - the error box
 * @csspart retry - the error box's retry button
 * @csspart video - a video attachment's player
 * @csspart audio - an audio attachment's player
 * @csspart stale - the "may be out of date" note
 * @cssprop --bantin-article-title-size - title font size (default `1.6em`; was `--bantin-title-size`, still read until the next release)
 * @cssprop --bantin-article-title-color - title color (was `--bantin-title-color`)
 * @cssprop --bantin-article-body-align - paragraph alignment, `justify` for the portal look (default `start`; was `--bantin-body-align`)
 * @cssprop --bantin-article-min-height - the loading placeholder's height on a first visit (default `20rem`)
 * @cssprop --bantin-accent - category and link color
 * @cssprop --bantin-muted-color - date and notes
 */
export class BantinArticle extends BantinElement {
  static override styles = [baseStyles, articleStyles];
  static override properties = {
    articleId: { attribute: 'article-id', reflect: true },
    idParam: { attribute: 'id-param' },
    dateFormat: { attribute: 'date-format' },
    headingLevel: { attribute: 'heading-level', type: Number },
    updateTitle: { attribute: 'update-title', type: Boolean },
    counterEndpoint: { attribute: 'counter-endpoint' },
    iframeOrigins: { attribute: 'iframe-origins' },
  };

  /** The article to show; else the page URL's `?{id-param}=`, else the newest. */
  articleId: string | null = null;
  /** The page URL query parameter holding the article id (portals use `ItemID`). */
  idParam = 'id';
  /** `portal` (default, `27 Tháng Hai 2017 1:35:00 CH`), `date`, `long` or `relative`. */
  dateFormat: DateFormat = 'portal';
  /** Level of the title heading, 1–6. */
  headingLevel = 1;
  /** Also set `document.title` to the article title. */
  updateTitle = false;
  /**
   * A counter service (see `bantin-server`): records one view per browser session
   * under `article:<id>` and shows that count instead of `_bantin.views`.
   */
  counterEndpoint: string | null = null;
  /**
   * Origins whose iframes (video embeds) the body keeps, separated by spaces. Default:
   * `https://www.youtube.com https://www.youtube-nocookie.com https://player.vimeo.com`;
   * empty: no iframes.
   */
  iframeOrigins: string | null = null;

  protected readonly data = new FeedController(this);
  private readonly views = new CounterController(this, () => {
    const article = this.counterEndpoint ? this.article : null;
    return { endpoint: this.counterEndpoint, key: article ? articleCounterKey(article.id) : null, count: true };
  });
  private readonly reserve = new ReservedHeightController(this, () => {
    const url = this.data.store?.url;
    return url ? `${url}|${this.requestedId() ?? '*'}` : null;
  });
  private readonly body = new ArticleBody(this);
  /** Looking for the requested article on later pages: for which id, how many pages, whether it is still going. */
  private seek = { id: null as string | null, pages: 0, running: false, failed: false };
  private lastId: string | null | undefined = undefined;

  /** The id asked for: attribute, else the URL parameter. Null means "the newest". */
  private requestedId(): string | null {
    return this.articleId?.trim() || pageParam(this.idParam || 'id')?.trim() || null;
  }

  private readonly resolve = memoizeLast((feed: Feed | null, id: string | null) =>
    !feed ? null : id ? findArticle(feed.items, id) : latestArticle(feed.items),
  );

  /** The article on screen, once loaded. */
  get article(): Article | null {
    return this.resolve(this.data.state.feed, this.requestedId());
  }

  /** The id of the article shown or looked for (what "newer"/"older" lists follow). */
  get currentId(): string | null {
    return this.requestedId() ?? this.article?.id ?? null;
  }

  /** Still looking: the feed has more pages that may hold the article, and the cap is not reached. */
  private get searching(): boolean {
    const s = this.data.state;
    const id = this.requestedId();
    if (!s.feed || this.article || !id || !s.hasMore) return false;
    if (this.seek.id !== id) this.seek = { id, pages: 0, running: false, failed: false };
    return !this.seek.failed && this.seek.pages < MAX_SEEK_PAGES;
  }

  /** Follows `next_url` page after page until the article turns up, the pages end, one fails, or the cap. */
  private async seekArticle() {
    const seek = this.seek;
    seek.running = true;
    try {
      while (this.seek === seek && this.searching) {
        seek.pages++;
        const added = await this.data.loadMore();
        // Nothing new: the page failed (the store keeps its error) or only repeated items.
        if (!added && this.data.state.error) seek.failed = true;
      }
    } finally {
      seek.running = false;
      this.requestUpdate();
    }
  }

  /** Retry after a next page failed while looking: goes on from where it stopped. */
  private retrySeek() {
    this.seek = { ...this.seek, failed: false, pages: Math.max(0, this.seek.pages - 1) };
    this.requestUpdate();
  }

  /**
   * The body is asked for here, after the controllers' hostUpdate and not in
   * willUpdate: a changed `feed` reconnects there, and a feed already in memory
   * swaps in during this same update, with no update after it to catch up.
   */
  protected override update(changed: PropertyValues) {
    const article = this.article;
    this.body.sync(article, this.iframeOrigins, article?.url ?? this.data.state.feed?.url ?? document.baseURI);
    super.update(changed);
  }

  protected override updated(changed: PropertyValues) {
    super.updated(changed);
    const article = this.article;
    // An older article may sit on a later page: follow next_url until it turns up.
    if (this.searching && !this.seek.running) void this.seekArticle();
    if (article && this.updateTitle && article.title) document.title = article.title;
    const complete = article && (article.contentHtml == null || this.body.node);
    this.reserve.track(complete ? this.renderRoot.querySelector('.frame') : null);
    const id = this.currentId;
    if (id !== this.lastId) {
      this.lastId = id;
      emit(this, 'bantin-article-change', { id });
    }
  }

  override render() {
    const s = this.data.state;
    const article = s.feed ? this.article : null;
    const bodyPending = article?.contentHtml != null && !this.body.node;
    const loading = (!s.feed && s.status !== 'error') || this.searching || bodyPending;
    // While loading (the sanitizer too), as tall as this article was last time: the page does not jump.
    const reserved = loading ? this.reserve.reserved() : '';
    return html`<div class="frame" part="base" style="min-height:${reserved || nothing}">${this.renderState(!!reserved)}</div>`;
  }

  private renderState(reserved: boolean) {
    const s = this.data.state;
    const lang = this.language;
    if (s.status === 'error' && !s.feed) {
      return html`<slot></slot>${renderFeedError(lang, s.error!, () => this.data.retry())}`;
    }
    if (!s.feed || this.searching) return this.renderSkeleton(reserved);
    const article = this.article;
    if (!article && this.seek.failed && s.error) {
      return html`<slot></slot>${renderFeedError(lang, s.error, () => this.retrySeek())}`;
    }
    if (!article) return this.renderNotFound(s.feed);
    return html`${renderStaleNote(lang, s.stale)}${this.renderArticle(article)}`;
  }

  /** `reserved`: the frame already has the remembered height; else a typical article's. */
  private renderSkeleton(reserved: boolean) {
    const lines = Array.from({ length: 9 }, (_, i) => html`<span class="skeleton-line" style="width:${i % 4 === 3 ? 60 : 100}%"></span>`);
    return html`<slot></slot>
      <div class="skeleton" part="skeleton" aria-busy="true" style="min-height:${reserved ? '0' : nothing}">
        <span class="sr-only" role="status">${label(this.language, 'loading')}</span>
        <span class="skeleton-line s"></span>
        <span class="skeleton-line t"></span>
        ${lines}
      </div>`;
  }

  private renderNotFound(feed: Feed) {
    const lang = this.language;
    const home = feed.homePageUrl ?? new URL('/', feed.url).href;
    return html`<slot></slot>
      <div part="not-found" role="status">
        <p><strong>${label(lang, 'notFound')}</strong></p>
        <p><a href=${home}>${label(lang, 'backToNews')}</a></p>
      </div>`;
  }

  private renderArticle(a: Article) {
    const lang = this.language;
    const format = toDateFormat(this.dateFormat, 'portal');
    return html`<article part="article" aria-labelledby="title">
      <p class="meta" part="meta">
        ${a.category ? html`<span class="category" part="category">${a.category}</span>` : nothing}
        ${a.published
          ? html`<time class="date" part="date" datetime=${a.published.toISOString()}
              >${formatDate(a.published, format, { locale: this.locale, timeZone: this.zone })}</time
            >`
          : nothing}
      </p>
      ${heading(this.headingLevel, 1, 'title', a.title || label(lang, 'untitled'))}
      ${a.image ? html`<img class="image" part="image" src=${a.image} alt="" loading="lazy" decoding="async" />` : nothing}
      <div class="body" part="body">${this.renderBody(a)}</div>
      ${this.renderAttachments(a.attachments.filter((att) => att.url !== a.image))} ${this.renderViews(a)}
    </article>`;
  }

  private renderBody(a: Article) {
    if (a.contentHtml != null) {
      return this.body.node ?? html`<span class="skeleton-line"></span><span class="skeleton-line"></span>`;
    }
    return textParagraphs(a.contentText ?? '').map(
      (lines) => html`<p>${lines.map((line, i) => html`${i ? html`<br />` : nothing}${line}`)}</p>`,
    );
  }

  /** `list` leaves out the attachment already shown as the image (an RSS image enclosure is both). */
  private renderAttachments(list: Attachment[]) {
    if (!list.length) return nothing;
    const lang = this.language;
    return html`<ul class="attachments" part="attachments" aria-label=${label(lang, 'attachments')}>
      ${list.map((att) => {
        const name = att.title ?? fileNameOf(att.url);
        const kind = att.mimeType.split('/')[0];
        if (kind === 'video' || kind === 'audio') {
          const media =
            kind === 'video'
              ? html`<video part="video" controls preload="metadata" src=${att.url} aria-label=${name}></video>`
              : html`<audio part="audio" controls preload="metadata" src=${att.url} aria-label=${name}></audio>`;
          return html`<li><figure part="attachment">${media}<figcaption>${name}</figcaption></figure></li>`;
        }
        const size = att.sizeInBytes != null ? ` (${formatBytes(att.sizeInBytes, this.locale)})` : '';
        return html`<li>
          <a part="attachment" href=${att.url} download>${label(lang, 'download')}: <bdi>${name}</bdi>${size}</a>
        </li>`;
      })}
    </ul>`;
  }

  /**
   * The view count line: the counter service's count with `counter-endpoint`
   * (the feed's `_bantin.views` only if the service has never answered), else
   * `_bantin.views`; hidden when there is no count at all.
   */
  protected renderViews(a: Article) {
    const lang = this.language;
    let count = a.views;
    if (this.counterEndpoint) {
      const v = this.views;
      count = v.count ?? (v.status === 'error' ? a.views : null);
      // Waiting for the service: keep the line's place, without a number yet.
      if (count == null && v.status !== 'error') {
        return html`<p class="views" part="views" aria-busy="true">${label(lang, 'views', { count: '…' })}</p>`;
      }
    }
    if (count == null) return nothing;
    return html`<p class="views" part="views">${label(lang, 'views', { count: formatNumber(count, this.locale) })}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bantin-article': BantinArticle;
  }
  interface HTMLElementEventMap {
    'bantin-article-change': CustomEvent<BantinArticleChangeDetail>;
  }
}
