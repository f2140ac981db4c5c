import { html, nothing, type PropertyValues } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { Article } from '../feed/types.js';
import { toDateFormat, type DateFormat } from '../format/date.js';
import { searchLabel as label } from '../format/labels/search.js';
import { formatNumber } from '../format/number.js';
import type { SearchHit } from '../search/engine.js';
import { BantinElement } from './base.js';
import { FeedController } from './controllers/feed-controller.js';
import { SearchController } from './controllers/search-controller.js';
import { renderStaleNote } from './feed-status.js';
import { articleHref } from './links.js';
import { markedText } from './marked-text.js';
import { announcement, dateTexts, queryFromPage, rememberQuery, renderHitDetails, renderSearchError, ResultsPage, resultsPageUrl } from './search-results.js';
import { baseStyles } from './styles.js';
import { searchStyles } from './search.styles.js';
import { boxKey } from './search-keys.js';
import { emit } from './events.js';

export interface BantinSelectDetail {
  article: Article;
  /** What the reader had typed. */
  query: string;
}

/** What an option shows, as one string: equal strings, equal options. */
const showKey = (h: SearchHit) =>
  `${h.article.id}\u0000${h.title.ranges.join(';')}\u0000${h.excerpt?.text ?? ''}\u0000${h.excerpt?.ranges.join(';') ?? ''}`;

/**
 * Characters of an excerpt under the box (the results page shows the
 * engine's 160): two or three lines in a side column rather than five, and
 * less text to lay out on every key.
 */
const BOX_EXCERPT = 100;

/**
 * `<bantin-search>`: Tìm kiếm. A search box whose results appear under it as
 * the reader types (the ARIA combobox-with-listbox pattern), or with
 * `mode="page"` a full, paginated results page for the URL's `?q=`.
 * Folds Vietnamese tone marks (`kiem diem` finds `kiểm điểm`), tolerates
 * typos, and ranks exact marks first when the reader typed them.
 *
 * @tagname bantin-search
 * @fires bantin-select - A result was chosen; `detail: { article, query }`. Cancelable: `preventDefault()` stops the navigation.
 * @fires bantin-load - The feed is loaded; detail `{ feed, fromCache }`.
 * @fires bantin-error - The feed failed to load; detail `{ error }`.
 * @csspart base - the root box: the search landmark and, in page mode, the results under it
 * @csspart search - the search landmark (label and field)
 * @csspart label - the label
 * @csspart field - the input's wrapper
 * @csspart input - the search input
 * @csspart popup - the results under the box
 * @csspart listbox - the list of results (role listbox)
 * @csspart option - one result (`option-active` on the active one)
 * @csspart title - a result's title
 * @csspart mark - a matched word
 * @csspart meta - a result's date and category
 * @csspart date - a result's date
 * @csspart category - a result's category
 * @csspart excerpt - a result's excerpt
 * @csspart loading - the "searching" note
 * @csspart empty - the "no results" message
 * @csspart status - the live region (visible in page mode)
 * @csspart error - the error box
 * @csspart retry - the error box's retry button
 * @csspart results - the results list (page mode)
 * @csspart result - one result (page mode)
 * @csspart link - a result's link (page mode)
 * @csspart pagination - the page navigation (page mode)
 * @csspart prev - previous page (page mode)
 * @csspart next - next page (page mode)
 * @csspart page - the page number (page mode)
 * @cssprop --bantin-search-mark-background - highlight behind matched words (default `#ffe58a`; was `--bantin-mark-background`, still read until the next release)
 * @cssprop --bantin-search-mark-color - text color of matched words (was `--bantin-mark-color`)
 * @cssprop --bantin-search-active-background - the active option (default `#e6effa`; was `--bantin-active-background`)
 * @cssprop --bantin-search-input-background - the input (default `#fff`; was `--bantin-input-background`)
 * @cssprop --bantin-search-popup-background - the results under the box (default `#fff`; was `--bantin-popup-background`)
 * @cssprop --bantin-search-popup-shadow - their shadow (was `--bantin-popup-shadow`)
 * @cssprop --bantin-search-popup-z-index - their stacking order (default `20`; was `--bantin-popup-z-index`)
 */
export class BantinSearch extends BantinElement {
  static override styles = [baseStyles, searchStyles];
  static override properties = {
    limit: { type: Number, reflect: true },
    minChars: { attribute: 'min-chars', type: Number, reflect: true },
    placeholder: { reflect: true },
    label: { reflect: true },
    labelHidden: { attribute: 'label-hidden', type: Boolean, reflect: true },
    action: { reflect: true },
    mode: { reflect: true },
    pageSize: { attribute: 'page-size', type: Number, reflect: true },
    dateFormat: { attribute: 'date-format', reflect: true },
    idParam: { attribute: 'id-param' },
    index: { reflect: true },
    query: { state: true, attribute: false },
    active: { state: true, attribute: false },
    open: { state: true, attribute: false },
  };

  /** Results shown under the box (and per page with `mode="page"`, unless `page-size` is set). */
  limit = 8;
  /** Characters typed before results appear. */
  minChars = 2;
  placeholder: string | null = null;
  /** The visible label text (default `Tìm kiếm`). */
  label: string | null = null;
  /** Keep the label for screen readers only. */
  labelHidden = false;
  /** A results page: Enter with no result chosen goes to `action?q=…`. */
  action: string | null = null;
  /** `box` (default): results under the input. `page`: the full results list for the URL's `?q=`. */
  mode: 'box' | 'page' = 'box';
  /** Results per page with `mode="page"` (default 10). */
  pageSize: number | null = null;
  /** `date` (default), `portal`, `long` or `relative`. */
  dateFormat: DateFormat = 'date';
  /** Query parameter of `?id=` links for results without a `url`, as `<bantin-article>` reads it (portals use `ItemID`). */
  idParam = 'id';
  /** Folder of the archive's search index (`bantin-index`), else the page's `<meta name="bantin:search-index">`: the whole archive is searched. */
  index: string | null = null;

  private readonly data = new FeedController(this);
  private readonly requests = new SearchController(this, {
    feed: () => this.data.state.feed,
    index: () => this.index,
    request: () =>
      this.ready
        ? {
            query: this.query,
            limit: this.perPage,
            offset: this.pageMode ? this.resultsPage.offset(this.perPage) : 0,
            excerptLength: this.pageMode ? undefined : BOX_EXCERPT,
          }
        : null,
    onResults: (query) => {
      if (!this.pageMode) this.open = this.matches(':focus-within');
      else rememberQuery(query);
    },
    onCleared: () => (this.open = false),
  });
  private readonly resultsPage = new ResultsPage(this, { search: () => this.search(), choose: (hit, click) => this.choose(hit, click) });

  private query = '';
  private active = -1;
  private open = false;

  private get pageMode() {
    return this.mode === 'page';
  }

  private get perPage() {
    return Math.max(1, this.pageMode ? (this.pageSize ?? 10) : this.limit);
  }

  override connectedCallback() {
    super.connectedCallback();
    if (this.pageMode) {
      this.query = queryFromPage();
      this.activate();
    }
  }

  protected override updated(changed: PropertyValues) {
    if (changed.has('mode') && this.pageMode) this.activate();
  }

  /** First use: start the search worker and build (or read) the index. Nothing of that happens with the page. */
  private activate() {
    if (!this.requests.activate()) return;
    // The first Intl formatters of a page take tens of ms to create: make
    // them now, in a task of their own, rather than in the first results.
    setTimeout(() => {
      formatNumber(0, this.locale);
      this.formatted(new Date());
    });
  }

  private search() {
    void this.requests.run();
  }

  /** A key whose results arrive within a frame or two skips the in-between "searching" render (see SearchController). */
  protected override shouldUpdate(changed: PropertyValues): boolean {
    return this.requests.shouldUpdate() && super.shouldUpdate(changed);
  }

  private get ready() {
    return this.query.trim().length >= Math.max(1, this.minChars);
  }

  private onFocus() {
    this.activate();
    if (this.requests.results && this.ready && !this.pageMode) this.open = true;
  }

  private onFocusOut(e: FocusEvent) {
    if (!this.renderRoot.contains(e.relatedTarget as Node | null)) this.open = false;
  }

  private onInput(e: InputEvent) {
    this.requests.typed();
    this.query = (e.target as HTMLInputElement).value;
    this.active = -1;
    this.resultsPage.page = 1;
    this.activate();
    if (!this.pageMode && this.ready) this.open = true;
    this.search();
  }

  private onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Enter' && e.isComposing) return;
    const hits = this.requests.results?.hits ?? [];
    const { pageMode, open, active, query } = this;
    const action = boxKey(e.key, { pageMode, open, active, query, options: hits.length, busy: this.requests.busy, hasAction: !!this.action });
    if (!action) return;
    e.preventDefault();
    switch (action.do) {
      case 'move':
        this.open = true;
        this.active = action.active;
        void this.updateComplete.then(() => this.renderRoot.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' }));
        return;
      case 'search':
        this.resultsPage.page = 1;
        return this.search();
      case 'choose':
        return this.choose(hits[action.index]);
      case 'go':
        return location.assign(resultsPageUrl(this.action!, query.trim()));
      case 'clear':
        this.query = '';
        this.find<HTMLInputElement>('input')!.value = '';
        this.active = -1;
        return this.search();
    }
  }

  /** Fires `bantin-select`; unless a listener cancels it, opens the article. */
  private choose(hit: SearchHit, click?: Event) {
    const go = emit(this, 'bantin-select', { article: hit.article, query: this.query }, { cancelable: true });
    if (!go) {
      click?.preventDefault();
      return;
    }
    this.open = false;
    // A link (page mode) navigates by itself.
    if (!click) location.assign(articleHref(hit.article, this.idParam));
  }

  private get announcement(): string {
    return announcement(this.locale, this.requests.results, this.ready);
  }

  private readonly dates = dateTexts();
  private readonly formatted = (date: Date) => this.dates(date, toDateFormat(this.dateFormat, 'date'), this.locale, this.zone);

  private renderField() {
    const text = this.label?.trim() || label(this.language, 'search');
    const box = !this.pageMode;
    const expanded = box && this.open;
    const activeId = expanded && this.active >= 0 ? `option-${this.active}` : nothing;
    return html`<label for="input" part="label" class=${this.labelHidden ? 'sr-only' : 'label'}>${text}</label>
      <div class="field" part="field">
        <input
          id="input"
          part="input"
          type="search"
          autocomplete="off"
          autocapitalize="off"
          spellcheck="false"
          enterkeyhint="search"
          .value=${this.query}
          placeholder=${this.placeholder ?? label(this.language, 'searchPlaceholder')}
          role=${box ? 'combobox' : nothing}
          aria-autocomplete=${box ? 'list' : nothing}
          aria-expanded=${box ? String(expanded) : nothing}
          aria-controls=${box ? 'listbox' : nothing}
          aria-activedescendant=${activeId}
          @focus=${this.onFocus}
          @input=${this.onInput}
          @keydown=${this.onKeyDown}
        />
      </div>`;
  }

  private renderError() {
    return renderSearchError(this.language, this.data.state, this.requests.failure, () => void this.data.retry());
  }

  private renderOption(hit: SearchHit, i: number) {
    return html`<li
      role="option"
      id=${`option-${i}`}
      part=${i === this.active ? 'option option-active' : 'option'}
      aria-selected=${String(i === this.active)}
      @mousedown=${(e: Event) => e.preventDefault()}
      @click=${() => this.choose(hit)}
    >
      <span class="title" part="title" ${markedText(hit.title)}></span>
      ${renderHitDetails(hit, this.formatted)}
    </li>`;
  }

  private renderBox() {
    const { results, busy } = this.requests;
    const hits = results?.hits ?? [];
    const error = this.renderError();
    const waiting = busy && !results;
    const empty = !busy && results && !results.total;
    const show = this.open && this.ready;
    return html`<div role="search" part="search">
      ${this.renderField()}
      <div class="popup" part="popup" ?hidden=${!show || (!hits.length && !waiting && !empty && error === nothing)}>
        <ul
          id="listbox"
          role="listbox"
          part="listbox"
          aria-label=${this.label?.trim() || label(this.language, 'search')}
          aria-busy=${String(busy)}
          data-query=${results?.query ?? ''}
        >
          ${show
            ? hits.map((h, i) =>
                // Every key re-renders the box; an option only when what it shows changed
                // (the same article with the same words marked is left as it is).
                guard([showKey(h), i === this.active, this.locale.tag, this.dateFormat, this.zone], () => this.renderOption(h, i)),
              )
            : nothing}
        </ul>
        ${show && waiting && error === nothing ? html`<p class="note" part="loading">${label(this.language, 'searching')}</p>` : nothing}
        ${show && empty ? html`<p class="note" part="empty">${this.announcement}</p>` : nothing}
        ${show ? error : nothing}
      </div>
      ${!show && this.data.state.status === 'error' ? error : nothing}
      <div class="sr-only" part="status" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  private renderPage() {
    const view = {
      lang: this.language,
      results: this.requests.results,
      ready: this.ready,
      busy: this.requests.busy,
      perPage: this.perPage,
      announcement: this.announcement,
      idParam: this.idParam,
      date: this.formatted,
    };
    return html`<div role="search" part="search">${this.renderField()}</div>
      ${renderStaleNote(this.language, this.data.state.stale)} ${this.renderError()} ${this.resultsPage.render(view)}`;
  }

  protected override render() {
    return html`<div part="base" @focusout=${this.onFocusOut}>${this.pageMode ? this.renderPage() : this.renderBox()}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bantin-search': BantinSearch;
  }
  interface HTMLElementEventMap {
    'bantin-select': CustomEvent<BantinSelectDetail>;
  }
}
