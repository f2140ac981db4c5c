import { html, nothing } from 'lit';
import type { FeedError } from '../feed/errors.js';
import {
  addMonths,
  clampDay,
  datePattern,
  endOfMonth,
  fullDay,
  inRange,
  monthGrid,
  monthTitle,
  sameMonth,
  startOfMonth,
  weekdayNames,
  weekdayOrder,
  type DayKey,
} from '../format/calendar.js';
import { datePickerLabel as label } from '../format/labels/date-picker.js';
import type { Lang } from '../format/lang.js';
import { renderFeedError } from './feed-status.js';

/** The calendar icon on the date picker's button. */
export const calendarIcon = html`<svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16" part="icon">
  <path
    fill="currentColor"
    d="M4 0h1.5v2h5V0H12v2h2a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H2a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1h2zM2.5 6v8.5h11V6zm2 2h2v2h-2zm3 0h2v2h-2z"
  />
</svg>`;

/** What the typed-date form says under its input: a refusal, or nothing. */
export type CalendarMessage = { text: string; error: boolean } | null;

/** Everything one month of `<bantin-date-picker>`'s calendar shows. */
export interface CalendarView {
  lang: Lang;
  /** The Intl locale of the names, titles and the typed-date pattern. */
  tag: string;
  /** The day with keyboard focus: its month is shown. */
  active: DayKey;
  today: DayKey;
  /** The chosen day. */
  value: DayKey | null;
  /** Days with news (and how many items), or null while no feed tells. */
  news: Map<DayKey, number> | null;
  min: DayKey | null;
  max: DayKey | null;
  firstDay: number;
  newsDaysOnly: boolean;
  /** An older page of the feed is loading: the grid is busy. */
  loadingMore: boolean;
  /** The feed failed and there is none to show: the error box, with a retry. */
  error: FeedError | null;
  message: CalendarMessage;
}

/** What the calendar's controls do: the element's own handlers. */
export interface CalendarActions {
  /** The previous/next month buttons: the grid's active day becomes `day`; focus stays on the button. */
  move(day: DayKey): void;
  key(e: KeyboardEvent): void;
  click(e: MouseEvent): void;
  submit(e: SubmitEvent): void;
  /** Typing in the date field (clears a refusal). */
  input(): void;
  retry(): void;
}

/**
 * Where the calendar opens: the chosen day, else today, else (when this
 * month has no news at all) the latest day with news up to today, so a quiet
 * portal opens on its news rather than on an empty month. Within min and max.
 */
export function openingDay(value: DayKey | null, today: DayKey, newsOldestFirst: readonly DayKey[], min: DayKey | null, max: DayKey | null): DayKey {
  let day = value ?? today;
  if (!value && !newsOldestFirst.some((d) => sameMonth(d, today))) {
    const past = newsOldestFirst.filter((d) => d <= today);
    if (past.length) day = past[past.length - 1];
  }
  return clampDay(day, min, max);
}

/** The previous or next month button: at a bound it stays focusable, `aria-disabled` and inert. */
function monthButton(part: 'prev' | 'next', name: string, off: boolean, go: () => void) {
  return html`<button type="button" part=${part} class="nav" aria-label=${name} aria-disabled=${off ? 'true' : 'false'} @click=${() => !off && go()}>
    <span aria-hidden="true">${part === 'prev' ? '‹' : '›'}</span>
  </button>`;
}

/**
 * The calendar of `<bantin-date-picker>`, in its dialog or inline: month
 * navigation, the APG grid of days (one tabbable, the active day; days with
 * news marked; days that cannot be chosen `aria-disabled` but still reachable)
 * and the typed-date form. A function of what it shows, so the element keeps
 * the state and this the markup.
 */
export function renderCalendar(view: CalendarView, on: CalendarActions) {
  const { lang, tag, active, today, value, news, min, max, firstDay, newsDaysOnly, loadingMore, error, message } = view;
  const [year, month] = active.split('-').map(Number);
  const names = weekdayNames(tag);
  const prevOff = !!min && endOfMonth(addMonths(startOfMonth(active), -1)) < min;
  const nextOff = !!max && addMonths(startOfMonth(active), 1) > max;
  const pattern = datePattern(tag);
  return html`
    <div part="header" class="header">
      ${monthButton('prev', label(lang, 'prevMonth'), prevOff, () => on.move(addMonths(active, -1)))}
      <div part="heading" class="heading" id="heading" aria-live="polite">${monthTitle(active, tag)}</div>
      ${monthButton('next', label(lang, 'nextMonth'), nextOff, () => on.move(addMonths(active, 1)))}
    </div>
    <table
      role="grid"
      part="grid"
      aria-labelledby="heading"
      aria-describedby="help"
      aria-busy=${loadingMore ? 'true' : 'false'}
      @keydown=${on.key}
      @click=${on.click}
    >
      <thead>
        <tr>
          ${weekdayOrder(firstDay).map(
            (d) => html`<th scope="col" part="weekday" abbr=${names[d].long}>
              <span aria-hidden="true">${names[d].short}</span><span class="sr-only">${names[d].long}</span>
            </th>`,
          )}
        </tr>
      </thead>
      <tbody>
        ${monthGrid(year, month, firstDay).map(
          (week) => html`<tr>
            ${week.map((day) => {
              if (!day) return html`<td part="empty"></td>`;
              const hasNews = !!news?.has(day);
              const disabled = !inRange(day, min, max) || (newsDaysOnly && !!news && !hasNews);
              const parts = ['day'];
              if (day === today) parts.push('day-today');
              if (day === value) parts.push('day-selected');
              if (hasNews) parts.push('day-news');
              if (disabled) parts.push('day-disabled');
              return html`<td
                part=${parts.join(' ')}
                data-day=${day}
                tabindex=${day === active ? 0 : -1}
                aria-selected=${day === value ? 'true' : 'false'}
                aria-disabled=${disabled ? 'true' : nothing}
                aria-current=${day === today ? 'date' : nothing}
              >
                <span aria-hidden="true" class="num">${Number(day.slice(8))}</span>
                <span class="sr-only"
                  >${fullDay(day, tag)}${hasNews ? `, ${label(lang, 'hasNews')}` : ''}${day === today
                    ? `, ${label(lang, 'today')}`
                    : ''}</span
                >
              </td>`;
            })}
          </tr>`,
        )}
      </tbody>
    </table>
    <p id="help" class="sr-only">${label(lang, 'calendarHelp')}</p>
    ${error ? renderFeedError(lang, error, on.retry) : nothing}
    <form part="form" class="form" @submit=${on.submit} novalidate>
      <label for="typed" part="label">${label(lang, 'typeDate')} <span class="pattern">(${pattern})</span></label>
      <div class="row">
        <input
          id="typed"
          part="input"
          type="text"
          inputmode="numeric"
          autocomplete="off"
          placeholder=${pattern}
          aria-describedby="message"
          aria-invalid=${message?.error ? 'true' : 'false'}
          @input=${on.input}
        />
        <button type="submit" part="submit">${label(lang, 'chooseTyped')}</button>
      </div>
      <p id="message" part="message" class=${message?.error ? 'message error-text' : 'message'} aria-live="polite">
        ${message?.text ?? ''}
      </p>
    </form>
  `;
}
