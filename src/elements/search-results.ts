import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { isFeedError } from '../feed/errors.js';
import type { FeedState } from '../feed/store.js';
import type { Article } from '../feed/types.js';
import { formatDate, type DateFormat } from '../format/date.js';
import { searchLabel as label } from '../format/labels/search.js';
import { formatNumber } from '../format/number.js';
import type { Lang, Locale } from '../format/lang.js';
import type { SearchHit, SearchResults } from '../search/engine.js';
import { renderFeedError } from './feed-status.js';
import { articleHref, pageParam } from './links.js';
import { markedText } from './marked-text.js';

/**
 * `<bantin-search>`'s results page (`mode="page"`, the page a box's `action`
 * leads to), and what a result shows in both the box and the page. The
 * element keeps the state; these are functions of it.
 */

/** The query a results page opens with: the page URL's `?q=`. */
export const queryFromPage = (): string => pageParam('q') ?? '';

/** Puts the query shown in the page URL's `?q=` (replaced, not pushed: one history entry, not one per key). */
export function rememberQuery(query: string) {
  const url = new URL(location.href);
  if (url.searchParams.get('q') === query) return;
  url.searchParams.set('q', query);
  history.replaceState(history.state, '', url.href);
}

/** Where Enter in a box with an `action` goes: the results page for what was typed. */
export function resultsPageUrl(action: string, query: string): string {
  const url = new URL(action, document.baseURI);
  url.searchParams.set('q', query);
  return url.href;
}

/** A formatter of dates that remembers what it printed: results re-render on every key. */
export function dateTexts() {
  const texts = new Map<string, string>();
  return (date: Date, format: DateFormat, locale: Locale, zone: string): string => {
    const key = `${date.getTime()}|${format}|${locale.tag}|${zone}`;
    let text = texts.get(key);
    if (text === undefined) {
      text = formatDate(date, format, { locale, timeZone: zone });
      if (texts.size > 500) texts.clear();
      texts.set(key, text);
    }
    return text;
  };
}

/** A result's date and category, then its excerpt with the matched words marked: the same under the box and on the page. */
export function renderHitDetails(hit: SearchHit, date: (d: Date) => string) {
  const a: Article = hit.article;
  return html`<span class="meta" part="meta"
      >${a.published ? html`<time part="date" datetime=${a.published.toISOString()}>${date(a.published)}</time>` : nothing}${a.published &&
      a.category
        ? ' · '
        : nothing}${a.category ? html`<span part="category">${a.category}</span>` : nothing}</span
    >
    ${hit.excerpt ? html`<span class="excerpt" part="excerpt" ${markedText(hit.excerpt)}></span>` : nothing}`;
}

/** The error box of both views: the feed's (with a retry), else the search's own failure. */
export function renderSearchError(lang: Lang, feed: FeedState, failure: Error | null, retry: () => void) {
  if (feed.status === 'error' && feed.error) return renderFeedError(lang, feed.error, retry);
  if (!failure) return nothing;
  if (isFeedError(failure)) return renderFeedError(lang, failure);
  return html`<div class="error" part="error" role="alert"><p>${label(lang, 'searchFailed')}</p></div>`;
}

/**
 * What the polite live region says: the count once results are final. While
 * a newer query runs it keeps saying the last one (a change is announced, a
 * blank is not worth announcing).
 */
export function announcement(locale: Locale, results: SearchResults | null, ready: boolean): string {
  if (!ready || !results) return '';
  const { total, query } = results;
  return total
    ? label(locale.lang, 'results', { count: formatNumber(total, locale) })
    : label(locale.lang, 'noResults', { query: query.trim() });
}

export interface ResultsPageView {
  lang: Lang;
  results: SearchResults | null;
  /** Enough is typed to search. */
  ready: boolean;
  busy: boolean;
  perPage: number;
  /** What the live region says once results are final. */
  announcement: string;
  /** The query parameter of links to results without a `url`. */
  idParam: string;
  date: (d: Date) => string;
}

type PageHost = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * A results page's own state: which page of results is shown, and focus on
 * the count after paging (a screen reader hears the new count, and Tab goes
 * on into the new list).
 */
export class ResultsPage implements ReactiveController {
  /** The page shown, from 1. */
  page = 1;
  private focusCount = false;

  constructor(
    private readonly host: PageHost,
    private readonly on: {
      /** Runs the search for the page now set. */
      search(): void;
      /** A result's link was clicked: the host fires `bantin-select` (cancelable: it may keep the page). */
      choose(hit: SearchHit, click: Event): void;
    },
  ) {
    host.addController(this);
  }

  hostUpdated() {
    if (!this.focusCount) return;
    this.focusCount = false;
    this.host.renderRoot.querySelector<HTMLElement>('.summary')?.focus();
  }

  /** Results from `offset` for `perPage` a page. */
  offset(perPage: number) {
    return (this.page - 1) * perPage;
  }

  goTo(page: number) {
    this.page = page;
    this.focusCount = true;
    this.host.requestUpdate();
    this.on.search();
  }

  /** Under the box: the count (a polite live region), the results as links in an ordered list, the page navigation. */
  render(view: ResultsPageView) {
    const { lang, results: r, ready, busy, perPage } = view;
    const page = this.page;
    const pages = r ? Math.max(1, Math.ceil(r.total / perPage)) : 1;
    const waiting = ready && busy && !r;
    return html`<p class="summary" part="status" role="status" aria-live="polite" tabindex="-1">
        ${waiting ? label(lang, 'searching') : view.announcement}
      </p>
      ${r && ready && r.hits.length
        ? html`<ol class="results" part="results" start=${r.offset + 1} aria-busy=${String(busy)} data-query=${r.query}>
              ${r.hits.map(
                (hit) =>
                  html`<li part="result">
                    <a part="link title" href=${articleHref(hit.article, view.idParam)} @click=${(e: Event) => this.on.choose(hit, e)} ${markedText(hit.title)}></a>
                    ${renderHitDetails(hit, view.date)}
                  </li>`,
              )}
            </ol>
            ${pages > 1
              ? html`<nav class="pages" part="pagination" aria-label=${label(lang, 'pagination')}>
                  <button type="button" part="prev" ?disabled=${page <= 1} @click=${() => this.goTo(page - 1)}>${label(lang, 'prevPage')}</button>
                  <span part="page">${label(lang, 'page', { page, pages })}</span>
                  <button type="button" part="next" ?disabled=${page >= pages} @click=${() => this.goTo(page + 1)}>${label(lang, 'nextPage')}</button>
                </nav>`
              : nothing}`
        : nothing}`;
  }
}
