import type { Locale } from './lang.js';
import { resolveTimeZone, zonedParts } from '../shared/time-zone.js';

export type DateFormat = 'portal' | 'date' | 'long' | 'relative';
export const DATE_FORMATS: readonly DateFormat[] = ['portal', 'date', 'long', 'relative'];

export interface DateFormatOptions {
  locale: Locale;
  timeZone?: string | null;
  /** The moment `relative` counts from (tests pin it). */
  now?: Date;
}

/**
 * The legacy Windows/.NET vi-VN month names the seed portal prints
 * (`27 Tháng Hai 2017`). Intl's vi-VN never prints these (`tháng 2`), hence a table.
 */
export const LEGACY_VI_MONTHS = [
  'Tháng Giêng',
  'Tháng Hai',
  'Tháng Ba',
  'Tháng Tư',
  'Tháng Năm',
  'Tháng Sáu',
  'Tháng Bảy',
  'Tháng Tám',
  'Tháng Chín',
  'Tháng Mười',
  'Tháng Mười Một',
  'Tháng Mười Hai',
] as const;

const pad2 = (n: number) => String(n).padStart(2, '0');
/** Four digits, as the portals' .NET `yyyy` writes them: year 99 is `0099`. */
const yyyy = (n: number) => String(n).padStart(4, '0');
const formatters = new Map<string, Intl.DateTimeFormat>();
/** A cached Intl.DateTimeFormat: building one costs far more than using it. */
export function dateTimeFormat(tag: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${tag}|${timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(tag, { ...options, timeZone });
    formatters.set(key, f);
  }
  return f;
}

/** Month name as Intl writes it (used for English, where CLDR and the legacy format agree). */
export function monthName(month: number, tag: string, style: 'long' | 'short' = 'long'): string {
  return dateTimeFormat(tag, 'UTC', { month: style }).format(new Date(Date.UTC(2017, month - 1, 15)));
}

function portal(date: Date, locale: Locale, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  const h12 = p.hour % 12 || 12;
  const time = `${h12}:${pad2(p.minute)}:${pad2(p.second)}`;
  if (locale.lang === 'vi') {
    // `dd MMMM yyyy h:mm:ss tt` of .NET's vi-VN: SA before noon, CH after.
    return `${pad2(p.day)} ${LEGACY_VI_MONTHS[p.month - 1]} ${yyyy(p.year)} ${time} ${p.hour < 12 ? 'SA' : 'CH'}`;
  }
  return `${monthName(p.month, locale.tag)} ${p.day}, ${yyyy(p.year)} ${time} ${p.hour < 12 ? 'AM' : 'PM'}`;
}

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Infinity],
];

function relative(date: Date, locale: Locale, now: Date): string {
  let value = (date.getTime() - now.getTime()) / 1000;
  const rtf = new Intl.RelativeTimeFormat(locale.tag, { numeric: 'auto' });
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(value) < size) return rtf.format(Math.round(value), unit);
    value /= size;
  }
  return rtf.format(Math.round(value), 'year');
}

/** Formats an instant for readers, in the display zone (Vietnam unless told otherwise). */
export function formatDate(date: Date, format: DateFormat, options: DateFormatOptions): string {
  const timeZone = resolveTimeZone(options.timeZone);
  const { locale } = options;
  switch (format) {
    case 'date': {
      if (locale.lang === 'vi') {
        const p = zonedParts(date, timeZone);
        return `${pad2(p.day)}/${pad2(p.month)}/${yyyy(p.year)}`;
      }
      return dateTimeFormat(locale.tag, timeZone, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
    }
    case 'long':
      return dateTimeFormat(locale.tag, timeZone, { dateStyle: 'long' }).format(date);
    case 'relative':
      return relative(date, locale, options.now ?? new Date());
    case 'portal':
    default:
      return portal(date, locale, timeZone);
  }
}

/** An attribute value as a DateFormat, else the fallback. */
export function toDateFormat(value: string | null | undefined, fallback: DateFormat): DateFormat {
  return (DATE_FORMATS as readonly string[]).includes(value ?? '') ? (value as DateFormat) : fallback;
}
