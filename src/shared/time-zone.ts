/**
 * Time-zone arithmetic on top of Intl, with no tz database of our own.
 * Everything a reader sees is in the display zone (Vietnam by default),
 * whatever zone the browser itself runs in.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export interface ZonedParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** 0–23 */
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const warned = new Set<string>();

/** A zone Intl accepts: the given one, else the default (warning once per bad name). */
export function resolveTimeZone(timeZone: string | null | undefined): string {
  if (!timeZone) return DEFAULT_TIME_ZONE;
  if (formatters.has(timeZone)) return timeZone;
  try {
    partsFormatter(timeZone);
    return timeZone;
  } catch {
    if (!warned.has(timeZone)) {
      warned.add(timeZone);
      console.warn(`bantin: unknown time zone "${timeZone}", using ${DEFAULT_TIME_ZONE}.`);
    }
    return DEFAULT_TIME_ZONE;
  }
}

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock fields from Intl: exact, and about 30 µs a call. */
function intlParts(date: Date, timeZone: string): ZonedParts {
  const out: Record<string, number> = {};
  for (const p of partsFormatter(timeZone).formatToParts(date)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year,
    month: out.month,
    day: out.day,
    hour: out.hour === 24 ? 0 : out.hour,
    minute: out.minute,
    second: out.second,
  };
}

/**
 * `Date.UTC` without its two-digit-year trap: year 99 is 99, not 1999
 * (`setUTCFullYear` takes the year as given). Fields overflow as in `Date.UTC`.
 */
export function utcTime(year: number, monthIndex: number, day = 1, hour = 0, minute = 0, second = 0, ms = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, monthIndex, day);
  d.setUTCHours(hour, minute, second, ms);
  return d.getTime();
}

/**
 * Intl (ICU) switches to the Julian calendar before October 1582, while Date is
 * proleptic Gregorian: offsets of earlier instants are those of 1600 (local mean time).
 */
const GREGORIAN_SINCE = utcTime(1600, 0, 1);

// Offsets change only at transitions, which fall on quarter hours: one Intl call per
// zone and quarter hour makes a list of 1,000 dates cost about 1 ms instead of 30.
const QUARTER_HOUR = 900_000;
const offsets = new Map<string, number>();

/** Offset of the zone from UTC at an instant, in ms (Vietnam: +7 h). */
function offsetAt(epochMs: number, timeZone: string): number {
  const bucket = Math.floor(epochMs / QUARTER_HOUR) * QUARTER_HOUR;
  const key = `${timeZone} ${bucket}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const probe = Math.max(bucket, GREGORIAN_SINCE);
    const p = intlParts(new Date(probe), timeZone);
    offset = utcTime(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - probe;
    if (offsets.size > 20_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** Wall-clock fields of an instant in a zone. */
export function zonedParts(date: Date, timeZone: string): ZonedParts {
  const wall = new Date(date.getTime() + offsetAt(date.getTime(), resolveTimeZone(timeZone)));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

/** The instant at which the zone's clocks show the given wall time. */
export function zonedTimeToUtc(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
  timeZone: string = DEFAULT_TIME_ZONE,
): Date {
  const tz = resolveTimeZone(timeZone);
  const wall = utcTime(year, month - 1, day, hour, minute, second, ms);
  // Two passes settle the offset across a DST change.
  let guess = wall - offsetAt(wall, tz);
  guess = wall - offsetAt(guess, tz);
  return new Date(guess);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD` of a calendar day. */
export function toDayKey(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** `YYYY-MM-DD` of an instant in a zone: the day a reader in that zone sees. */
export function dayKey(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  return toDayKey(p.year, p.month, p.day);
}

/** Parses `YYYY-MM-DD` strictly (a real calendar day), else null. */
export function parseDayKey(value: string | null | undefined): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isCalendarDay(year, month, day) ? { year, month, day } : null;
}

/** True for a day that exists (no 31 February), and a time of day within 00:00:00–23:59:60. */
export function isCalendarDay(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 60;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(utcTime(year, month, 0)).getUTCDate();
}
