import { zonedTimeToUtc, isCalendarDay, DEFAULT_TIME_ZONE, utcTime } from '../shared/time-zone.js';
import { readLooseDatesWith } from './parse.js';

// English, and the abbreviations feeds from Portuguese, Spanish, French,
// German, Italian and Dutch CMSs write (a Brazilian feed says "Seg, 24 Set 2018").
const MONTHS: Record<string, number> = {
  jan: 1, ene: 1, gen: 1, feb: 2, fev: 2, mar: 3, mrz: 3, apr: 4, abr: 4, avr: 4, may: 5, mai: 5, mag: 5, mei: 5,
  jun: 6, giu: 6, juin: 6, jul: 7, lug: 7, juil: 7, aug: 8, ago: 8, aou: 8, sep: 9, set: 9,
  oct: 10, okt: 10, out: 10, ott: 10, nov: 11, dec: 12, dez: 12, dic: 12,
};
const monthOf = (name: string): number => {
  const key = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return MONTHS[key.slice(0, 4)] ?? MONTHS[key.slice(0, 3)] ?? 0;
};

// Offsets in minutes. RFC 822's own names, and the ones real feeds write anyway
// (ICT is Vietnam's: portals here write "+0700" or "ICT").
const ZONES: Record<string, number> = {
  gmt: 0, ut: 0, utc: 0, z: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  ict: 420, wib: 420, sgt: 480, hkt: 480, awst: 480, jst: 540, kst: 540, aest: 600, aedt: 660, nzst: 720,
  ist: 330, bst: 60, cet: 60, cest: 120, eet: 120, eest: 180, msk: 180,
};

const RFC822 =
  /^(?:[^\s\d,]+\.?,?\s*)?(\d{1,2})[\s-]+([^\s\d,.-]+)\.?[\s-]+(\d{2}|\d{4})(?:,?\s+|T)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(?:([+-]\d{2}:?\d{2})|\(?([A-Za-z]{1,5})\)?)?/;

/**
 * RSS `pubDate`: RFC 822 (`Tue, 10 Jun 2003 04:00:00 GMT`) with what real feeds
 * do to it: `+0700` and named zones, no weekday, a two-digit year, full month
 * names, no seconds. A time with no zone is wall time in `timeZone`; an
 * unknown zone name too, rather than losing the article's date. Else null.
 */
export function parseRfc822Date(value: string | null, timeZone: string = DEFAULT_TIME_ZONE): Date | null {
  if (!value) return null;
  const m = RFC822.exec(value.trim());
  if (!m) return numericDate(value.trim(), timeZone);
  const [, d, mon, y, h, mi, s = '0', offset, name] = m;
  const month = monthOf(mon);
  let year = +y;
  if (y.length === 2) year += year < 50 ? 2000 : 1900;
  const day = +d, hour = +h, minute = +mi, second = Math.min(+s, 59);
  if (!isCalendarDay(year, month, day, hour, minute, +s)) return null;
  let offsetMin: number | undefined;
  if (offset) {
    const digits = offset.replace(':', '');
    offsetMin = (offset[0] === '-' ? -1 : 1) * (+digits.slice(1, 3) * 60 + +digits.slice(3, 5));
  } else if (name) {
    // Military single letters are unreliable by RFC 2822's own account: read them as UTC.
    offsetMin = ZONES[name.toLowerCase()] ?? (name.length === 1 ? 0 : undefined);
  }
  if (offsetMin === undefined) return zonedTimeToUtc(year, month, day, hour, minute, second, 0, timeZone);
  return new Date(utcTime(year, month - 1, day, hour, minute, second) - offsetMin * 60_000);
}

// `2020/1/10 14:33:00`, as some Chinese and Vietnamese CMSs write pubDate: wall time in `timeZone`.
const NUMERIC = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function numericDate(value: string, timeZone: string): Date | null {
  const m = NUMERIC.exec(value);
  if (!m) return null;
  const [year, month, day, hour = 0, minute = 0, second = 0] = m.slice(1).map((v) => (v === undefined ? undefined : +v)) as number[];
  if (!isCalendarDay(year, month, day, hour, minute, second)) return null;
  return zonedTimeToUtc(year, month, day, hour, minute, Math.min(second, 59), 0, timeZone);
}

// JSON Feeds parsed from now on read RSS dates too (see `LooseDatesNotLoaded`).
readLooseDatesWith(parseRfc822Date);
