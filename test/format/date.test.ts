import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { formatDate } from '../../src/format/date.js';
import { resolveLocale } from '../../src/format/lang.js';
import { formatNumber } from '../../src/format/number.js';
import { formatBytes } from '../../src/format/bytes.js';
import { zonedTimeToUtc } from '../../src/shared/time-zone.js';
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
