import { html, nothing, type PropertyValues } from 'lit';
import {
  asDayKey,
  clampDay,
  datePattern,
  dayKeyToDate,
  inRange,
  parseTypedDate,
  toFirstDay,
  type DayKey,
} from '../format/calendar.js';
import { dayAfterKey } from '../format/calendar-keys.js';
import { formatDate } from '../format/date.js';
import { datePickerLabel as label } from '../format/labels/date-picker.js';
import { dayKey } from '../shared/time-zone.js';
import { BantinElement } from './base.js';
import { DateLinkController } from './controllers/date-link-controller.js';
import { DialogController } from './controllers/dialog-controller.js';
import { NewsDaysController } from './controllers/news-days-controller.js';
import { calendarIcon, openingDay, renderCalendar, type CalendarActions, type CalendarMessage } from './date-picker-calendar.js';
import { baseStyles } from './styles.js';
import { datePickerStyles } from './date-picker.styles.js';
import { pageParam } from './links.js';
import { navigateUrl } from './navigate-url.js';
import { emit, emitChange, type BantinDateChangeDetail, type BantinNavigateDetail } from './events.js';

export type { BantinDateChangeDetail, BantinNavigateDetail } from './events.js';

/**
 * `<bantin-date-picker>`: "Xem theo ngày". A button that opens a calendar in a
 * modal dialog (or, with `inline`, the calendar in place), following the ARIA
 * APG Date Picker Dialog pattern. Knows which days the feed has news on.
 * Choosing a day reflects `value`, fires `change`, sets the `date` attribute of
 * the element named by `for` and goes to `navigate`.
 *
 * @tagname bantin-date-picker
 * @fires change - a different day was chosen, or the choice cleared; detail `{ value }` (`YYYY-MM-DD` or null)
 * @fires bantin-navigate - cancelable, just before `location.assign()` for `navigate`; detail `{ url, value }`
 * @fires bantin-load - the feed's data is in; detail `{ feed, fromCache }`
 * @fires bantin-error - loading the feed failed; detail `{ error }`
 * @csspart base - the root box: the button row and the dialog, or (`inline`) the calendar and the clear control
 * @csspart controls - the row with the button, the chosen date and the clear control
 * @csspart button - the "Xem theo ngày" button
 * @csspart icon - the button's calendar icon
 * @csspart chosen-date - the chosen date beside the button
 * @csspart clear - the control that removes the chosen day
 * @csspart dialog - the `<dialog>`
 * @csspart calendar - the calendar, in the dialog or inline
 * @csspart header - month navigation row
 * @csspart prev - previous month button
 * @csspart heading - month and year (a live region)
 * @csspart next - next month button
 * @csspart grid - the table of days
 * @csspart weekday - a column header
 * @csspart day - a day of the month (every day cell has it)
 * @csspart day-today - also on today's cell
 * @csspart day-selected - also on the chosen day's cell
 * @csspart day-news - also on a day that has news
 * @csspart day-disabled - also on a day outside `min`/`max`
 * @csspart empty - a cell of a neighbouring month
 * @csspart form - the typed-date form
 * @csspart label - the typed-date form's label
 * @csspart input - the typed-date field
 * @csspart submit - the typed-date form's button
 * @csspart message - the typed-date or refusal message
 * @csspart close - the dialog's close button
 * @csspart error - the feed error box
 * @csspart retry - the error box's retry button
 * @cssprop --bantin-date-picker-news-dot - the dot on days with news (default: the accent; was `--bantin-news-dot`, still read until the next release)
 * @cssprop --bantin-date-picker-day-hover - a day under the pointer (default `#eef3fa`; was `--bantin-day-hover`)
 * @cssprop --bantin-date-picker-disabled-color - days that cannot be chosen (default `#8a939f`; was `--bantin-disabled-color`)
 * @cssprop --bantin-date-picker-dialog-background - the dialog (default `#fff`; was `--bantin-dialog-background`)
 * @cssprop --bantin-date-picker-backdrop - behind the dialog (default `rgb(0 0 0 / 0.25)`; was `--bantin-backdrop`)
 */
export class BantinDatePicker extends BantinElement {
  /** The chosen day, `YYYY-MM-DD`. */
  value: string | null = null;
  /** The earliest day that can be chosen, `YYYY-MM-DD`. */
  min: string | null = null;
  max: string | null = null;
  /** 0 = Sunday … 6 = Saturday; Monday by default. */
  firstDayOfWeek = 1;
  /** Only days with news can be chosen. */
  newsDaysOnly = false;
  /** The calendar in place, without the button and dialog. */
  inline = false;
  /** Id of the element (a `<bantin-news-list>`) whose `date` attribute the choice sets. */
  htmlFor: string | null = null;
  /** URL template to go to on choosing, `{date}` replaced by the day: `/tin-tuc?date={date}`. */
  navigate: string | null = null;

  /** The day with keyboard focus, once the reader has moved; else `openingDay()`. */
  private cursor: DayKey | null = null;
  private message: CalendarMessage = null;

  private readonly dialog = () => this.find<HTMLDialogElement>('dialog');
  private readonly button = () => this.find<HTMLButtonElement>('[part~="button"]');
  private readonly input = () => this.find<HTMLInputElement>('input');

  private readonly days = new NewsDaysController(this, {
    zone: () => this.zone,
    shown: () => (this.inline || this.popup.open ? this.activeDay : null),
  });
  private readonly popup = new DialogController(this, { dialog: this.dialog, anchor: this.button });
  private readonly target = new DateLinkController(this);
  private focusCursor = false;
  /** `?date=` is read on the first connection only: moving the element keeps the reader's choice. */
  private hasConnected = false;

  override connectedCallback() {
    super.connectedCallback();
    if (!this.hasConnected) this.readUrlDate();
    this.hasConnected = true;
  }

  /** Opens the calendar dialog. */
  async show() {
    if (this.inline || this.popup.open) return;
    this.cursor = null;
    this.message = null;
    await this.popup.show();
    this.focusCursor = true;
    this.requestUpdate();
  }

  /** Closes the dialog; focus goes back to the button. */
  close() {
    this.popup.close();
  }

  /** Removes the chosen day (and the linked list's filter). */
  clear() {
    this.choose(null);
  }

  private get minKey() {
    return asDayKey(this.min);
  }

  private get maxKey() {
    return asDayKey(this.max);
  }

  private get firstDay() {
    return toFirstDay(this.firstDayOfWeek);
  }

  private today(): DayKey {
    return dayKey(new Date(), this.zone);
  }

  private get newsDays(): Map<DayKey, number> | null {
    return this.days.news?.days ?? null;
  }

  private get activeDay(): DayKey {
    return this.cursor ?? openingDay(asDayKey(this.value), this.today(), this.days.news?.sorted ?? [], this.minKey, this.maxKey);
  }

  /** Why a day cannot be chosen, or null. */
  private refusal(day: DayKey): string | null {
    const date = this.shortDay(day);
    if (!inRange(day, this.minKey, this.maxKey)) return label(this.language, 'outOfRange', { date });
    const news = this.newsDays;
    if (this.newsDaysOnly && news && !news.has(day)) return label(this.language, 'noNewsThatDay', { date });
    return null;
  }

  private shortDay(day: DayKey) {
    return formatDate(dayKeyToDate(day), 'date', { locale: this.locale, timeZone: 'UTC' });
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('value') && this.value !== null && !asDayKey(this.value)) {
      console.warn(`bantin: <bantin-date-picker> value "${this.value}" is not a YYYY-MM-DD day; ignored.`);
      this.value = null;
    }
    const before = this.value;
    if (changed.has('htmlFor') || changed.has('value')) this.target.link(changed.has('htmlFor'));
    const value = asDayKey(this.value);
    if (value && (changed.has('value') || value !== before)) this.cursor = value;
  }

  protected override updated() {
    if (this.focusCursor) {
      this.focusCursor = false;
      this.renderRoot.querySelector<HTMLElement>('td[tabindex="0"]')?.focus();
    }
  }

  /** `?date=` of the page, when the picker drives a list or a page. */
  private readUrlDate() {
    if (!this.htmlFor && !this.navigate) return;
    const fromUrl = asDayKey(pageParam('date'));
    if (fromUrl) this.value = fromUrl;
  }

  private moveTo(day: DayKey, focus = true) {
    this.cursor = clampDay(day, this.minKey, this.maxKey);
    this.focusCursor = focus;
  }

  /** The APG date grid keys: arrows, Home/End, PageUp/PageDown move focus (`dayAfterKey`); Enter and Space choose. */
  private onGridKey(e: KeyboardEvent) {
    const day = this.activeDay;
    const next = dayAfterKey(day, e, { firstDay: this.firstDay, min: this.minKey, max: this.maxKey });
    if (next) this.moveTo(next);
    else if (e.key === 'Enter' || e.key === ' ') this.pick(day);
    else return;
    e.preventDefault();
  }

  private onGridClick(e: MouseEvent) {
    const cell = (e.target as Element).closest<HTMLElement>('td[data-day]');
    if (!cell) return;
    const day = cell.dataset.day!;
    this.moveTo(day);
    this.pick(day);
  }

  /** A day the reader chose in the grid or typed: taken, or refused with a message. */
  private pick(day: DayKey) {
    const refusal = this.refusal(day);
    this.message = refusal ? { text: refusal, error: true } : null;
    if (!refusal) this.choose(day);
  }

  private choose(day: DayKey | null) {
    const changed = day !== asDayKey(this.value);
    this.value = day;
    if (day) this.cursor = day;
    if (changed) {
      emitChange<BantinDateChangeDetail>(this, { value: day });
    }
    // The linked list follows at once, not a frame later.
    this.target.link(false);
    if (this.popup.open) {
      this.close();
    } else if (!day) {
      // The clear control is gone: focus the button or the grid.
      void this.updateComplete.then(() => {
        if (this.inline) this.renderRoot.querySelector<HTMLElement>('td[tabindex="0"]')?.focus();
        else this.button()?.focus();
      });
    }
    if (day && this.navigate) this.go(navigateUrl(this.navigate, day));
  }

  private go(url: string) {
    if (emit(this, 'bantin-navigate', { url, value: asDayKey(this.value)! }, { cancelable: true })) location.assign(url);
  }

  private onSubmit(e: SubmitEvent) {
    e.preventDefault();
    const text = this.input()?.value ?? '';
    const day = parseTypedDate(text, this.locale.tag);
    if (!day) {
      this.message = { text: label(this.language, 'invalidDate', { value: text.trim(), pattern: datePattern(this.locale.tag) }), error: true };
      return;
    }
    // Cleared before choosing: choosing closes the dialog.
    if (this.refusal(day) === null) this.input()!.value = '';
    this.pick(day);
  }

  /** The calendar's controls: made once, so its listeners stay the same from render to render. */
  private readonly calendarActions: CalendarActions = {
    move: (day) => this.moveTo(day, false),
    key: (e) => this.onGridKey(e),
    click: (e) => this.onGridClick(e),
    submit: (e) => this.onSubmit(e),
    input: () => this.message && (this.message = null),
    retry: () => void this.days.feed.retry(),
  };

  private calendar() {
    const { error, feed, loadingMore } = this.days.feed.state;
    const view = {
      lang: this.language,
      tag: this.locale.tag,
      active: this.activeDay,
      today: this.today(),
      value: asDayKey(this.value),
      news: this.newsDays,
      min: this.minKey,
      max: this.maxKey,
      firstDay: this.firstDay,
      newsDaysOnly: this.newsDaysOnly,
      loadingMore,
      error: feed ? null : error,
      message: this.message,
    };
    return renderCalendar(view, this.calendarActions);
  }

  private renderClear() {
    return asDayKey(this.value)
      ? html`<button type="button" part="clear" class="clear" @click=${() => this.clear()}>${label(this.language, 'clearDate')}</button>`
      : nothing;
  }

  override render() {
    const lang = this.language;
    if (this.inline) {
      return html`<div part="base">
        <div part="calendar" class="calendar" role="group" aria-label=${label(lang, 'calendar')}>${this.calendar()}</div>
        ${this.renderClear()}
      </div>`;
    }
    const value = asDayKey(this.value);
    // One root in both modes (a plain block: the layout is the same as without it).
    return html`<div part="base">
      <div part="controls" class="controls">
        <button
          type="button"
          part="button"
          class="open"
          aria-haspopup="dialog"
          aria-label=${value ? label(lang, 'browseByDateChosen', { date: this.shortDay(value) }) : nothing}
          @click=${() => void this.show()}
        >
          ${calendarIcon}
          <span>${label(lang, 'browseByDate')}</span>
        </button>
        ${value
          ? // Beside the button, not in it: the button's name says it already, and its visible text stays part of its name.
            html`<span part="chosen-date" class="chosen" aria-hidden="true">${this.shortDay(value)}</span>`
          : nothing}
        ${this.renderClear()}
      </div>
      ${this.popup.render(
        label(lang, 'browseByDate'),
        () => html`<div part="calendar" class="calendar">${this.calendar()}</div>
          <div class="footer">
            <button type="button" part="close" @click=${() => this.close()}>${label(lang, 'close')}</button>
          </div>`,
      )}
    </div>`;
  }

  static override styles = [baseStyles, datePickerStyles];
  static override properties = {
    value: { reflect: true },
    min: { reflect: true },
    max: { reflect: true },
    firstDayOfWeek: { attribute: 'first-day-of-week', type: Number, reflect: true },
    newsDaysOnly: { attribute: 'news-days-only', type: Boolean, reflect: true },
    inline: { type: Boolean, reflect: true },
    htmlFor: { attribute: 'for', reflect: true },
    navigate: { reflect: true },
    cursor: { state: true, attribute: false },
    message: { state: true, attribute: false },
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'bantin-date-picker': BantinDatePicker;
  }
  interface HTMLElementEventMap {
    'bantin-navigate': CustomEvent<BantinNavigateDetail>;
  }
}
