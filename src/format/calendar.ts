/**
 * Calendar arithmetic on plain `YYYY-MM-DD` day keys: no instants and no time
 * zones, so a day is the same day whatever zone the browser runs in. Days are
 * computed on UTC noon, where no DST change can shift them.
 */
import { dateTimeFormat } from './date.js';
import { daysInMonth, parseDayKey, toDayKey } from '../shared/time-zone.js';

/** `YYYY-MM-DD` */
export type DayKey = string;

export { toDayKey };

/** A valid day key as given, else null. */
export function asDayKey(value: string | null | undefined): DayKey | null {
  return parseDayKey(value) ? (value as DayKey) : null;
}

function parts(key: DayKey) {
  const p = parseDayKey(key);
  if (!p) throw new RangeError(`not a day key: ${key}`);
  return p;
}

/** UTC noon of the day: the instant to hand to Intl (with `timeZone: 'UTC'`) to print it. */
export function dayKeyToDate(key: DayKey): Date {
  const { year, month, day } = parts(key);
  const d = new Date(Date.UTC(2000, month - 1, day, 12));
  d.setUTCFullYear(year);
  return d;
}

function fromDate(d: Date): DayKey {
  return toDayKey(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(key: DayKey, days: number): DayKey {
  const d = dayKeyToDate(key);
  d.setUTCDate(d.getUTCDate() + days);
  return fromDate(d);
}

/** Moves by whole months; a day the target month lacks becomes its last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(key: DayKey, months: number): DayKey {
  const { year, month, day } = parts(key);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return toDayKey(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Moves by whole years; 29 Feb becomes 28 Feb in a common year. */
export function addYears(key: DayKey, years: number): DayKey {
  return addMonths(key, years * 12);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(key: DayKey): number {
  return dayKeyToDate(key).getUTCDay();
}

/** A `first-day-of-week` value (0 = Sunday … 6 = Saturday), else Monday. */
export function toFirstDay(value: unknown): number {
  const n = Number(value);
  return value !== null && value !== '' && Number.isInteger(n) && n >= 0 && n <= 6 ? n : 1;
}

export function startOfWeek(key: DayKey, firstDay: number): DayKey {
  return addDays(key, -((weekday(key) - firstDay + 7) % 7));
}

export function endOfWeek(key: DayKey, firstDay: number): DayKey {
  return addDays(startOfWeek(key, firstDay), 6);
}

export function startOfMonth(key: DayKey): DayKey {
  return key.slice(0, 8) + '01';
}

export function endOfMonth(key: DayKey): DayKey {
  const { year, month } = parts(key);
  return toDayKey(year, month, daysInMonth(year, month));
}

/** Whether two keys fall in the same month. */
export function sameMonth(a: DayKey, b: DayKey): boolean {
  return a.slice(0, 7) === b.slice(0, 7);
}

/**
 * The weeks of a month as rows of seven cells, `firstDay` first; cells of
 * the neighbouring months are null. Four to six rows.
 */
export function monthGrid(year: number, month: number, firstDay: number): (DayKey | null)[][] {
  const first = toDayKey(year, month, 1);
  const lead = (weekday(first) - firstDay + 7) % 7;
  const total = daysInMonth(year, month);
  const rows: (DayKey | null)[][] = [];
  for (let cell = 0; cell < lead + total; cell += 7) {
    const row: (DayKey | null)[] = [];
    for (let i = 0; i < 7; i++) {
      const day = cell + i - lead + 1;
      row.push(day >= 1 && day <= total ? toDayKey(year, month, day) : null);
    }
    rows.push(row);
  }
  return rows;
}

/** The seven weekdays (0–6) in column order. */
export function weekdayOrder(firstDay: number): number[] {
  return Array.from({ length: 7 }, (_, i) => (firstDay + i) % 7);
}

/** Day keys compare as strings; a missing bound is open. */
export function inRange(key: DayKey, min: DayKey | null, max: DayKey | null): boolean {
  return !(min && key < min) && !(max && key > max);
}

export function clampDay(key: DayKey, min: DayKey | null, max: DayKey | null): DayKey {
  if (min && key < min) return min;
  if (max && key > max) return max;
  return key;
}

export type DateField = 'day' | 'month' | 'year';

/** The order of day, month and year in a locale's numeric dates (`vi-VN`: day month year; `en-US`: month day year). */
export function dateFieldOrder(tag: string): { order: DateField[]; separator: string } {
  const order: DateField[] = [];
  let separator = '/';
  const probe = new Intl.DateTimeFormat(tag, { timeZone: 'UTC' }).formatToParts(Date.UTC(2017, 1, 27, 12));
  for (const p of probe) {
    if (p.type === 'day' || p.type === 'month' || p.type === 'year') order.push(p.type);
    else if (p.type === 'literal' && order.length === 1) separator = p.value.trim() || separator;
  }
  return order.length === 3 ? { order, separator } : { order: ['day', 'month', 'year'], separator: '/' };
}

const LETTERS: Record<DateField, string> = { day: 'dd', month: 'mm', year: 'yyyy' };

/** What a reader should type in a locale: `dd/mm/yyyy` in Vietnamese, `mm/dd/yyyy` in en-US. */
export function datePattern(tag: string): string {
  const { order, separator } = dateFieldOrder(tag);
  return order.map((f) => LETTERS[f]).join(separator);
}

/**
 * A typed date in the locale's order (`27/02/2017` in Vietnamese), with `/`,
 * `-`, `.` or spaces between the numbers, or an ISO `2017-02-27`. The year
 * has four digits. Null when it is not a real calendar day.
 */
export function parseTypedDate(text: string, tag: string): DayKey | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const numbers = iso ? null : /^(\d{1,4})\s*[/.\-\s]\s*(\d{1,4})\s*[/.\-\s]\s*(\d{1,4})$/.exec(trimmed);
  let fields: Record<DateField, string>;
  if (iso) {
    fields = { year: iso[1], month: iso[2], day: iso[3] };
  } else if (numbers) {
    const { order } = dateFieldOrder(tag);
    fields = { day: '', month: '', year: '' };
    order.forEach((f, i) => (fields[f] = numbers[i + 1]));
  } else {
    return null;
  }
  if (fields.year.length !== 4 || fields.day.length > 2 || fields.month.length > 2) return null;
  return asDayKey(toDayKey(Number(fields.year), Number(fields.month), Number(fields.day)));
}

/** Day keys print from UTC noon, so they are formatted in UTC. */
const utcFormat = (tag: string, options: Intl.DateTimeFormatOptions) => dateTimeFormat(tag, 'UTC', options);

const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/** `Tháng 2 năm 2017`, `February 2017`. */
export function monthTitle(key: DayKey, tag: string): string {
  return capitalize(utcFormat(tag, { month: 'long', year: 'numeric' }).format(dayKeyToDate(key)));
}

/** `Thứ Hai, 27 tháng 2, 2017`, `Monday, February 27, 2017`. */
export function fullDay(key: DayKey, tag: string): string {
  return utcFormat(tag, { dateStyle: 'full' }).format(dayKeyToDate(key));
}

/**
 * Weekday names for column headers, indexed 0 = Sunday: `short` as printed
 * (`T2` … `CN` in Vietnamese, whose CLDR "short" is the wordier `Thứ 2`;
 * `Mon` in English) and `long` for assistive technology.
 */
export function weekdayNames(tag: string): { short: string; long: string }[] {
  const vietnamese = tag.toLowerCase().startsWith('vi');
  const short = utcFormat(tag, { weekday: vietnamese ? 'narrow' : 'short' });
  const long = utcFormat(tag, { weekday: 'long' });
  // 2017-01-01 was a Sunday.
  return Array.from({ length: 7 }, (_, i) => {
    const d = dayKeyToDate(toDayKey(2017, 1, 1 + i));
    return { short: short.format(d), long: capitalize(long.format(d)) };
  });
}
