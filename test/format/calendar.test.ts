import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import {
  addDays,
  addMonths,
  addYears,
  asDayKey,
  clampDay,
  datePattern,
  dateFieldOrder,
  endOfMonth,
  endOfWeek,
  fullDay,
  inRange,
  monthGrid,
  monthTitle,
  parseTypedDate,
  startOfWeek,
  toFirstDay,
  weekday,
  weekdayNames,
  weekdayOrder,
} from '../../src/format/calendar.js';

describe('calendar arithmetic', () => {
  after(() => executeServerCommand('emulate-timezone', { timeZone: '' }));

  it('adds days across month and year ends and leap days', () => {
    expect(addDays('2017-02-28', 1)).to.equal('2017-03-01');
    expect(addDays('2016-02-28', 1)).to.equal('2016-02-29');
    expect(addDays('2017-01-01', -1)).to.equal('2016-12-31');
    expect(addDays('2017-12-25', 7)).to.equal('2018-01-01');
  });

  it('adds months and years, clamping to the last day of a shorter month', () => {
    expect(addMonths('2017-01-31', 1)).to.equal('2017-02-28');
    expect(addMonths('2016-01-31', 1)).to.equal('2016-02-29');
    expect(addMonths('2017-03-31', -1)).to.equal('2017-02-28');
    expect(addMonths('2017-05-31', 1)).to.equal('2017-06-30');
    expect(addMonths('2017-12-15', 1)).to.equal('2018-01-15');
    expect(addMonths('2017-01-15', -1)).to.equal('2016-12-15');
    expect(addMonths('2017-01-15', -13)).to.equal('2015-12-15');
    expect(addYears('2016-02-29', 1)).to.equal('2017-02-28');
    expect(addYears('2016-02-29', 4)).to.equal('2020-02-29');
    expect(addYears('2017-02-27', -1)).to.equal('2016-02-27');
  });

  it('knows weekdays and week bounds, whatever the browser zone', async () => {
    for (const zone of ['Pacific/Kiritimati', 'America/Los_Angeles']) {
      await executeServerCommand('emulate-timezone', { timeZone: zone });
      expect(weekday('2017-02-27')).to.equal(1); // a Monday
      expect(startOfWeek('2017-03-01', 1)).to.equal('2017-02-27');
      expect(endOfWeek('2017-03-01', 1)).to.equal('2017-03-05');
      expect(startOfWeek('2017-03-01', 0)).to.equal('2017-02-26');
      expect(endOfWeek('2017-03-01', 0)).to.equal('2017-03-04');
      expect(startOfWeek('2017-02-27', 1)).to.equal('2017-02-27');
      expect(endOfWeek('2017-03-05', 1)).to.equal('2017-03-05');
    }
  });

  it('lays out a month in weeks starting on the given day', () => {
    const feb = monthGrid(2017, 2, 1);
    expect(feb.length).to.equal(5);
    expect(feb[0]).to.deep.equal([null, null, '2017-02-01', '2017-02-02', '2017-02-03', '2017-02-04', '2017-02-05']);
    expect(feb[4]).to.deep.equal(['2017-02-27', '2017-02-28', null, null, null, null, null]);
    // February 2015 started on a Sunday: four full rows with Sunday first.
    expect(monthGrid(2015, 2, 0).length).to.equal(4);
    expect(monthGrid(2015, 2, 0)[0][0]).to.equal('2015-02-01');
    // A 31-day month starting on Sunday needs six Monday-first rows.
    const oct = monthGrid(2017, 10, 1);
    expect(oct.length).to.equal(6);
    expect(oct[0][6]).to.equal('2017-10-01');
    expect(oct[5][1]).to.equal('2017-10-31');
    expect(monthGrid(2016, 2, 1).flat().filter(Boolean).length).to.equal(29);
    expect(weekdayOrder(1)).to.deep.equal([1, 2, 3, 4, 5, 6, 0]);
    expect(weekdayOrder(6)).to.deep.equal([6, 0, 1, 2, 3, 4, 5]);
  });

  it('clamps to min and max', () => {
    expect(clampDay('2017-01-01', '2017-02-01', '2017-03-01')).to.equal('2017-02-01');
    expect(clampDay('2017-04-01', '2017-02-01', '2017-03-01')).to.equal('2017-03-01');
    expect(clampDay('2017-02-15', null, null)).to.equal('2017-02-15');
    expect(inRange('2017-02-01', '2017-02-01', '2017-02-01')).to.equal(true);
    expect(inRange('2017-02-02', null, '2017-02-01')).to.equal(false);
  });

  it('validates keys and first-day-of-week values', () => {
    expect(asDayKey('2017-02-29')).to.equal(null);
    expect(asDayKey('2016-02-29')).to.equal('2016-02-29');
    expect(asDayKey('27/02/2017')).to.equal(null);
    expect(endOfMonth('2016-02-10')).to.equal('2016-02-29');
    expect(toFirstDay('0')).to.equal(0);
    expect(toFirstDay('6')).to.equal(6);
    expect(toFirstDay('7')).to.equal(1);
    expect(toFirstDay('x')).to.equal(1);
    expect(toFirstDay(null)).to.equal(1);
  });
});

describe('typed dates', () => {
  it('reads the locale order from Intl', () => {
    expect(dateFieldOrder('vi-VN').order).to.deep.equal(['day', 'month', 'year']);
    expect(dateFieldOrder('en-US').order).to.deep.equal(['month', 'day', 'year']);
    expect(dateFieldOrder('en-GB').order).to.deep.equal(['day', 'month', 'year']);
    expect(datePattern('vi-VN')).to.equal('dd/mm/yyyy');
    expect(datePattern('en-US')).to.equal('mm/dd/yyyy');
    expect(datePattern('en-GB')).to.equal('dd/mm/yyyy');
  });

  it('parses Vietnamese day-first dates', () => {
    expect(parseTypedDate('27/02/2017', 'vi-VN')).to.equal('2017-02-27');
    expect(parseTypedDate(' 7/2/2017 ', 'vi-VN')).to.equal('2017-02-07');
    expect(parseTypedDate('27-02-2017', 'vi-VN')).to.equal('2017-02-27');
    expect(parseTypedDate('27.02.2017', 'vi-VN')).to.equal('2017-02-27');
    expect(parseTypedDate('29/02/2016', 'vi-VN')).to.equal('2016-02-29');
    expect(parseTypedDate('2017-02-27', 'vi-VN')).to.equal('2017-02-27');
  });

  it('parses English dates in the locale order', () => {
    expect(parseTypedDate('02/27/2017', 'en-US')).to.equal('2017-02-27');
    expect(parseTypedDate('27/02/2017', 'en-US')).to.equal(null);
    expect(parseTypedDate('27/02/2017', 'en-GB')).to.equal('2017-02-27');
  });

  it('rejects what is not a real day', () => {
    for (const bad of ['29/02/2017', '31/04/2017', '00/01/2017', '27/13/2017', '27/02/17', '27/02', 'hôm qua', '', '27//2017', '123/02/2017']) {
      expect(parseTypedDate(bad, 'vi-VN'), bad).to.equal(null);
    }
  });
});

describe('calendar names', () => {
  it('has Vietnamese weekday and month names', () => {
    const names = weekdayNames('vi-VN');
    expect(names.map((n) => n.short)).to.deep.equal(['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7']);
    expect(names[1].long).to.equal('Thứ Hai');
    expect(names[0].long).to.equal('Chủ Nhật');
    expect(monthTitle('2017-02-27', 'vi-VN')).to.equal('Tháng 2 năm 2017');
    expect(fullDay('2017-02-27', 'vi-VN')).to.contain('27').and.contain('2017').and.contain('Thứ Hai');
  });

  it('has English weekday and month names', () => {
    const names = weekdayNames('en-US');
    expect(names.map((n) => n.short)).to.deep.equal(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']);
    expect(names[1].long).to.equal('Monday');
    expect(monthTitle('2017-02-27', 'en-US')).to.equal('February 2017');
    expect(fullDay('2017-02-27', 'en-US')).to.equal('Monday, February 27, 2017');
  });
});
