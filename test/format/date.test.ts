import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { formatDate } from '../../src/format/date.js';
import { resolveLocale } from '../../src/format/lang.js';
import { formatNumber, formatBytes } from '../../src/format/number.js';
import { dayKey, zonedTimeToUtc, parseDayKey, zonedParts } from '../../src/format/time-zone.js';
import { parseFeedDate } from '../../src/feed/parse.js';

const vi = resolveLocale('vi');
const en = resolveLocale('en');
const seed = () => parseFeedDate('2017-02-27T13:35:00+07:00')!;

describe('formatDate', () => {
  after(() => executeServerCommand('emulate-timezone', { timeZone: '' }));

  for (const browserZone of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Ho_Chi_Minh', 'Europe/Berlin']) {
    it(`prints the seed's portal date exactly, with the browser in ${browserZone}`, async () => {
      await executeServerCommand('emulate-timezone', { timeZone: browserZone });
      // Chromium may report an alias (Asia/Saigon): compare the offset it implies in February 2017.
      const offset = new Date('2017-02-27T00:00:00Z').getTimezoneOffset();
      const expected = { UTC: 0, 'America/Los_Angeles': 480, 'Pacific/Kiritimati': -840, 'Asia/Ho_Chi_Minh': -420, 'Europe/Berlin': -60 }[browserZone];
      expect(offset).to.equal(expected);
      expect(formatDate(seed(), 'portal', { locale: vi })).to.equal('27 Tháng Hai 2017 1:35:00 CH');
      expect(formatDate(seed(), 'date', { locale: vi })).to.equal('27/02/2017');
    });
  }

  it('uses the legacy month names and SA/CH', () => {
    const months = Array.from({ length: 12 }, (_, i) =>
      formatDate(zonedTimeToUtc(2017, i + 1, 5, 9, 7, 3), 'portal', { locale: vi }),
    );
    expect(months[0]).to.equal('05 Tháng Giêng 2017 9:07:03 SA');
    expect(months[3]).to.equal('05 Tháng Tư 2017 9:07:03 SA');
    expect(months[10]).to.equal('05 Tháng Mười Một 2017 9:07:03 SA');
    expect(months[11]).to.equal('05 Tháng Mười Hai 2017 9:07:03 SA');
    expect(formatDate(zonedTimeToUtc(2017, 2, 27, 0, 5, 0), 'portal', { locale: vi })).to.equal('27 Tháng Hai 2017 12:05:00 SA');
    expect(formatDate(zonedTimeToUtc(2017, 2, 27, 12, 0, 0), 'portal', { locale: vi })).to.equal('27 Tháng Hai 2017 12:00:00 CH');
  });

  it('has English equivalents', () => {
    expect(formatDate(seed(), 'portal', { locale: en })).to.equal('February 27, 2017 1:35:00 PM');
    expect(formatDate(seed(), 'date', { locale: en })).to.equal('02/27/2017');
    expect(formatDate(seed(), 'date', { locale: resolveLocale('en-GB') })).to.equal('27/02/2017');
  });

  it('long uses Intl: parts, not a CLDR-exact string', () => {
    const s = formatDate(seed(), 'long', { locale: vi });
    expect(s).to.contain('27');
    expect(s).to.contain('tháng 2');
    expect(s).to.contain('2017');
    expect(formatDate(seed(), 'long', { locale: en })).to.contain('February 27');
  });

  it('relative counts back from now', () => {
    const now = new Date(seed().getTime() + 3 * 3600_000);
    expect(formatDate(seed(), 'relative', { locale: vi, now })).to.equal('3 giờ trước');
    expect(formatDate(seed(), 'relative', { locale: en, now })).to.equal('3 hours ago');
    const later = new Date(seed().getTime() + 2 * 86400_000);
    expect(formatDate(seed(), 'relative', { locale: en, now: later })).to.equal('2 days ago');
  });

  it('shows another display zone when asked, and falls back on a bad one', () => {
    expect(formatDate(seed(), 'portal', { locale: vi, timeZone: 'UTC' })).to.equal('27 Tháng Hai 2017 6:35:00 SA');
    expect(formatDate(seed(), 'portal', { locale: vi, timeZone: 'Not/AZone' })).to.equal('27 Tháng Hai 2017 1:35:00 CH');
  });
});

describe('time zones', () => {
  it('dayKey is the day in the display zone', () => {
    const lateEvening = parseFeedDate('2017-02-27T23:30:00+07:00')!;
    expect(dayKey(lateEvening, 'Asia/Ho_Chi_Minh')).to.equal('2017-02-27');
    expect(dayKey(lateEvening, 'UTC')).to.equal('2017-02-27');
    expect(dayKey(parseFeedDate('2017-02-28T00:30:00+07:00')!, 'UTC')).to.equal('2017-02-27');
  });
  it('zonedParts agrees with Intl on 2,000 instants across zones and DST changes', () => {
    const zones = ['Asia/Ho_Chi_Minh', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < 2000; i++) {
      const zone = zones[i % zones.length];
      const date = new Date(Date.UTC(1990, 0, 1) + rand() * 40 * 365 * 86400_000);
      const f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
      const intl = Object.fromEntries(f.formatToParts(date).filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)]));
      expect(zonedParts(date, zone), `${zone} ${date.toISOString()}`).to.deep.equal({
        year: intl.year, month: intl.month, day: intl.day, hour: intl.hour, minute: intl.minute, second: intl.second,
      });
    }
  });
  it('zonedTimeToUtc crosses DST', () => {
    expect(zonedTimeToUtc(2021, 3, 28, 3, 30, 0, 0, 'Europe/Berlin').toISOString()).to.equal('2021-03-28T01:30:00.000Z');
    expect(zonedTimeToUtc(2021, 10, 31, 1, 30, 0, 0, 'Europe/Berlin').toISOString()).to.equal('2021-10-30T23:30:00.000Z');
  });
  it('years 0001–0099 stay in the first century: no Date two-digit-year trap', () => {
    const d = zonedTimeToUtc(99, 6, 15, 12, 0, 0, 0, 'UTC');
    expect(d.getUTCFullYear()).to.equal(99);
    expect(formatDate(parseFeedDate('0099-06-15')!, 'date', { locale: vi })).to.equal('15/06/0099');
    expect(formatDate(parseFeedDate('0001-01-01T10:00:00Z')!, 'portal', { locale: vi, timeZone: 'UTC' })).to.equal('01 Tháng Giêng 0001 10:00:00 SA');
    expect(zonedParts(parseFeedDate('0050-03-01T00:00:00Z')!, 'UTC').year).to.equal(50);
    expect(dayKey(parseFeedDate('0099-06-15')!, 'Asia/Ho_Chi_Minh')).to.equal('0099-06-15');
  });
  it('parseDayKey accepts only real days', () => {
    expect(parseDayKey('2016-02-29')).to.deep.equal({ year: 2016, month: 2, day: 29 });
    expect(parseDayKey('2017-02-29')).to.equal(null);
    expect(parseDayKey('27/02/2017')).to.equal(null);
  });
});

describe('numbers', () => {
  it('groups in vi-VN and en', () => {
    expect(formatNumber(19467540, vi)).to.equal('19.467.540');
    expect(formatNumber(19467540, en)).to.equal('19,467,540');
    expect(formatNumber(19467540, vi, false)).to.equal('19467540');
  });
  it('sizes files', () => {
    expect(formatBytes(1234567, vi)).to.equal('1,2 MB');
    expect(formatBytes(1234567, en)).to.equal('1.2 MB');
    expect(formatBytes(512, en)).to.equal('512 B');
  });
});
