import { expect } from '@open-wc/testing';
import { openingDay } from '../../src/elements/date-picker-calendar.js';

describe('openingDay: where the date picker opens', () => {
  const today = '2017-03-15';

  it('on the chosen day, whatever the news', () => {
    expect(openingDay('2016-07-01', today, ['2017-02-27'], null, null)).to.equal('2016-07-01');
  });

  it('today, when this month has news', () => {
    expect(openingDay(null, today, ['2017-02-27', '2017-03-02'], null, null)).to.equal(today);
  });

  it('on the latest news up to today, when this month has none', () => {
    expect(openingDay(null, today, ['2017-01-10', '2017-02-27', '2017-04-01'], null, null)).to.equal('2017-02-27');
  });

  it('today, when there is no news before it (or no feed)', () => {
    expect(openingDay(null, today, [], null, null)).to.equal(today);
    expect(openingDay(null, today, ['2017-04-01'], null, null)).to.equal(today);
  });

  it('within min and max', () => {
    expect(openingDay(null, today, [], '2017-04-01', null)).to.equal('2017-04-01');
    expect(openingDay('2018-01-01', today, [], null, '2017-12-31')).to.equal('2017-12-31');
    expect(openingDay(null, today, ['2017-01-10'], '2017-02-01', null)).to.equal('2017-02-01');
  });
});
