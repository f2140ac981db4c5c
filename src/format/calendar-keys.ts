/**
 * The keyboard model of a month grid, after the W3C ARIA Authoring Practices
 * "Date Picker Dialog": which day a key moves focus to. Plain day keys in,
 * a day key out, so the model is tested without a page.
 *
 * | key | focus moves to |
 * | --- | --- |
 * | ArrowLeft / ArrowRight | the day before / after |
 * | ArrowUp / ArrowDown | the same weekday a week before / after |
 * | Home / End | the first / last day of the week (`firstDay` first) |
 * | PageUp / PageDown | the same day a month before / after (the month's last day where it has none) |
 * | Shift+PageUp / Shift+PageDown | the same day a year before / after (28 February for 29) |
 *
 * Enter and Space choose the focused day: that is the element's business, so
 * they, like every other key, move nothing here.
 */
import { addDays, addMonths, addYears, clampDay, endOfWeek, startOfWeek, type DayKey } from './calendar.js';

/** What of a key press matters: a `KeyboardEvent` is one. */
export interface GridKey {
  key: string;
  shiftKey?: boolean;
}

export interface GridBounds {
  /** 0 = Sunday … 6 = Saturday: where Home and End go. */
  firstDay: number;
  /** The earliest and latest days focus may reach; null or absent is open. */
  min?: DayKey | null;
  max?: DayKey | null;
}

function target(day: DayKey, key: string, shift: boolean, firstDay: number): DayKey | null {
  switch (key) {
    case 'ArrowLeft':
      return addDays(day, -1);
    case 'ArrowRight':
      return addDays(day, 1);
    case 'ArrowUp':
      return addDays(day, -7);
    case 'ArrowDown':
      return addDays(day, 7);
    case 'Home':
      return startOfWeek(day, firstDay);
    case 'End':
      return endOfWeek(day, firstDay);
    case 'PageUp':
      return shift ? addYears(day, -1) : addMonths(day, -1);
    case 'PageDown':
      return shift ? addYears(day, 1) : addMonths(day, 1);
    default:
      return null;
  }
}

/**
 * The day focus moves to from `day` on `key`, held within `min` and `max`
 * (at a bound, a key that would cross it stays on the bound); null for a key
 * that does not move focus.
 */
export function dayAfterKey(day: DayKey, { key, shiftKey = false }: GridKey, { firstDay, min = null, max = null }: GridBounds): DayKey | null {
  const next = target(day, key, shiftKey, firstDay);
  return next === null ? null : clampDay(next, min, max);
}
