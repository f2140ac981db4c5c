import { expect } from '@open-wc/testing';
import { dayAfterKey, type GridBounds } from '../../src/format/calendar-keys.js';

/** Monday first, no bounds: the picker's defaults. */
const MONDAY: GridBounds = { firstDay: 1 };
const move = (day: string, key: string, bounds: GridBounds = MONDAY, shiftKey = false) => dayAfterKey(day, { key, shiftKey }, bounds);

describe('calendar keys (APG Date Picker Dialog)', () => {
  it('arrows move by a day and by a week, across month and year ends', () => {
    expect(move('2016-12-31', 'ArrowRight')).to.equal('2017-01-01');
    expect(move('2017-01-01', 'ArrowLeft')).to.equal('2016-12-31');
    expect(move('2016-12-31', 'ArrowDown')).to.equal('2017-01-07');
    expect(move('2017-01-07', 'ArrowUp')).to.equal('2016-12-31');
    expect(move('2016-02-28', 'ArrowRight')).to.equal('2016-02-29');
    expect(move('2017-03-01', 'ArrowLeft')).to.equal('2017-02-28');
  });

  it('Home and End go to the ends of the week, Monday first by default', () => {
    // 2017-03-01 is a Wednesday.
    expect(move('2017-03-01', 'Home')).to.equal('2017-02-27');
    expect(move('2017-03-01', 'End')).to.equal('2017-03-05');
    // On the first or last day of the week they stay.
    expect(move('2017-02-27', 'Home')).to.equal('2017-02-27');
    expect(move('2017-03-05', 'End')).to.equal('2017-03-05');
  });

  it('Home and End follow the first day of the week', () => {
    const sunday: GridBounds = { firstDay: 0 };
    expect(move('2017-03-01', 'Home', sunday)).to.equal('2017-02-26');
    expect(move('2017-03-01', 'End', sunday)).to.equal('2017-03-04');
    const saturday: GridBounds = { firstDay: 6 };
    expect(move('2017-03-01', 'Home', saturday)).to.equal('2017-02-25');
    expect(move('2017-03-01', 'End', saturday)).to.equal('2017-03-03');
  });

  it('PageUp and PageDown move by a month, to its last day where the day does not exist', () => {
    expect(move('2017-01-31', 'PageDown')).to.equal('2017-02-28');
    expect(move('2016-01-31', 'PageDown')).to.equal('2016-02-29');
    expect(move('2017-02-28', 'PageDown')).to.equal('2017-03-28');
    expect(move('2017-03-31', 'PageUp')).to.equal('2017-02-28');
    expect(move('2017-01-15', 'PageUp')).to.equal('2016-12-15');
  });

  it('Shift+PageUp and Shift+PageDown move by a year; 29 February becomes 28', () => {
    expect(move('2016-02-29', 'PageDown', MONDAY, true)).to.equal('2017-02-28');
    expect(move('2016-02-29', 'PageUp', MONDAY, true)).to.equal('2015-02-28');
    expect(move('2017-02-27', 'PageUp', MONDAY, true)).to.equal('2016-02-27');
  });

  it('Shift changes nothing but PageUp and PageDown', () => {
    expect(move('2017-02-27', 'ArrowRight', MONDAY, true)).to.equal('2017-02-28');
    expect(move('2017-03-01', 'Home', MONDAY, true)).to.equal('2017-02-27');
  });

  it('holds focus within min and max: a key that would cross a bound lands on it', () => {
    const bounds: GridBounds = { firstDay: 1, min: '2017-02-10', max: '2017-03-05' };
    expect(move('2017-02-15', 'PageUp', bounds)).to.equal('2017-02-10');
    expect(move('2017-02-10', 'ArrowLeft', bounds)).to.equal('2017-02-10');
    expect(move('2017-02-12', 'ArrowUp', bounds)).to.equal('2017-02-10');
    expect(move('2017-02-15', 'PageDown', bounds)).to.equal('2017-03-05');
    expect(move('2017-03-05', 'PageDown', bounds, true)).to.equal('2017-03-05');
    expect(move('2017-03-05', 'ArrowRight', bounds)).to.equal('2017-03-05');
    // Home from the week of min: min, not the Monday before it.
    expect(move('2017-02-11', 'Home', bounds)).to.equal('2017-02-10');
    // Inside the bounds, nothing changes.
    expect(move('2017-02-15', 'ArrowDown', bounds)).to.equal('2017-02-22');
    // One bound only.
    expect(move('2017-01-01', 'ArrowLeft', { firstDay: 1, max: '2017-03-05' })).to.equal('2016-12-31');
    expect(move('2017-01-01', 'ArrowLeft', { firstDay: 1, min: '2017-01-01', max: null })).to.equal('2017-01-01');
  });

  it('keys that do not move focus give null: Enter and Space choose, Tab leaves, letters pass', () => {
    for (const key of ['Enter', ' ', 'Tab', 'Escape', 'a', 'Shift']) expect(move('2017-02-27', key), key).to.equal(null);
  });

  it('takes a KeyboardEvent as it is', () => {
    expect(dayAfterKey('2016-02-29', new KeyboardEvent('keydown', { key: 'PageDown', shiftKey: true }), MONDAY)).to.equal('2017-02-28');
  });
});
