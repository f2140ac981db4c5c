import { expect } from '@open-wc/testing';
import { parseRfc822Date } from '../../src/feed/rfc822.js';

const iso = (v: string, tz?: string) => parseRfc822Date(v, tz)?.toISOString() ?? null;

describe('parseRfc822Date', () => {
  it('reads RFC 822 with GMT, numeric offsets and named zones', () => {
    expect(iso('Tue, 10 Jun 2003 04:00:00 GMT')).to.equal('2003-06-10T04:00:00.000Z');
    expect(iso('Mon, 27 Feb 2017 13:35:00 +0700')).to.equal('2017-02-27T06:35:00.000Z');
    expect(iso('Mon, 27 Feb 2017 13:35:00 +07:00')).to.equal('2017-02-27T06:35:00.000Z');
    expect(iso('Mon, 27 Feb 2017 13:35:00 ICT')).to.equal('2017-02-27T06:35:00.000Z');
    expect(iso('Wed, 02 Oct 2002 08:00:00 EST')).to.equal('2002-10-02T13:00:00.000Z');
    expect(iso('Wed, 02 Oct 2002 15:00:00 PDT')).to.equal('2002-10-02T22:00:00.000Z');
    expect(iso('Sat, 07 Sep 2002 09:42:31 -0330')).to.equal('2002-09-07T13:12:31.000Z');
  });

  it('reads what real feeds do to it: no weekday, one-digit day, two-digit year, full month, no seconds', () => {
    expect(iso('27 Feb 2017 13:35 +0700')).to.equal('2017-02-27T06:35:00.000Z');
    expect(iso('Mon, 6 Mar 17 14:10:00 GMT')).to.equal('2017-03-06T14:10:00.000Z');
    expect(iso('Monday, 27 February 2017 13:35:00 GMT')).to.equal('2017-02-27T13:35:00.000Z');
    expect(iso('Wed, 03 Jan 2018 13:47:00 GMT\n      ')).to.equal('2018-01-03T13:47:00.000Z');
  });

  it('reads Portuguese, Spanish, French and German month names', () => {
    expect(iso('Seg, 24 Set 2018 19:42:40 -0300')).to.equal('2018-09-24T22:42:40.000Z');
    expect(iso('Sáb, 01 Dic 2018 10:00:00 +0100')).to.equal('2018-12-01T09:00:00.000Z');
    expect(iso('12 juil. 2019 08:00:00 +0200')).to.equal('2019-07-12T06:00:00.000Z');
    expect(iso('Mi, 03 Mär 2021 08:00:00 +0100')).to.equal('2021-03-03T07:00:00.000Z');
  });

  it('reads a time with no zone, or an unknown one, as wall time in the given zone', () => {
    expect(iso('Mon, 27 Feb 2017 13:35:00')).to.equal('2017-02-27T06:35:00.000Z');
    expect(iso('Mon, 27 Feb 2017 13:35:00', 'Europe/Berlin')).to.equal('2017-02-27T12:35:00.000Z');
    expect(iso('Mon, 27 Feb 2017 13:35:00 XYZT')).to.equal('2017-02-27T06:35:00.000Z');
    expect(iso('2020/1/10 14:33:00')).to.equal('2020-01-10T07:33:00.000Z');
  });

  it('keeps four-digit years 0001–0099 as written (two-digit years are still 19xx/20xx)', () => {
    expect(iso('Tue, 15 Jun 0099 00:00:00 GMT')).to.equal('0099-06-15T00:00:00.000Z');
    expect(iso('15 Jun 0099 07:00:00 +0700')).to.equal('0099-06-15T00:00:00.000Z');
    expect(iso('0099/6/15 07:00:00', 'UTC')).to.equal('0099-06-15T07:00:00.000Z');
  });

  it('returns null for what is not a date', () => {
    for (const v of ['', 'hôm qua', 'Mon, 31 Feb 2017 10:00:00 GMT', 'Mon, 27 Foo 2017 10:00:00 GMT', '27 Feb 2017 25:00:00 GMT', '2017/13/01']) {
      expect(iso(v), v).to.equal(null);
    }
    expect(parseRfc822Date(null)).to.equal(null);
  });
});
