import { expect } from '@open-wc/testing';
import { formatDate } from '../../src/format/date.js';
import { resolveLocale } from '../../src/format/lang.js';
import { dayKey, zonedTimeToUtc, parseDayKey, zonedParts } from '../../src/shared/time-zone.js';
import { parseFeedDate } from '../../src/feed/parse.js';

const vi = resolveLocale('vi');

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
