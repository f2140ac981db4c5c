import { expect } from '@open-wc/testing';
import { parseFeed } from '../../src/feed/parse.js';
import { neighbours, newestFirst, matchesFilter, listArticles } from '../../src/feed/select.js';
import { latestArticle } from '../../src/feed/find.js';
import { newsDays } from '../../src/feed/days.js';

const { feed } = parseFeed(
  {
    version: '1.1',
    items: [
      { id: 'undated', content_text: 'x' },
      { id: 'b', content_text: 'x', date_published: '2017-02-27T13:35:00+07:00', tags: ['Kinh tế'] },
      { id: 'a', content_text: 'x', date_published: '2017-02-28T06:00:00+07:00' },
      { id: 'c', content_text: 'x', date_published: '2017-02-27T13:35:00+07:00' },
      { id: 'd', content_text: 'x', date_published: '2017-02-26T23:59:00+07:00' },
    ],
  },
  'https://x.vn/feed.json',
);
const ids = (xs: readonly { id: string }[] | null) => xs?.map((a) => a.id) ?? null;

describe('select', () => {
  it('orders newest first, equal times by feed order, undated last', () => {
    expect(ids(newestFirst(feed.items))).to.deep.equal(['a', 'b', 'c', 'd', 'undated']);
    expect(latestArticle(feed.items)!.id).to.equal('a');
  });
  it('sorts a list once however many ask, and not at all when the feed is newest first already', () => {
    expect(newestFirst(feed.items)).to.equal(newestFirst(feed.items));
    const inOrder = newestFirst(feed.items).slice();
    expect(newestFirst(inOrder)).to.equal(inOrder);
  });
  it('finds neighbours nearest first, and null for an id not loaded', () => {
    expect(ids(neighbours(feed.items, 'c', 'newer'))).to.deep.equal(['b', 'a']);
    expect(ids(neighbours(feed.items, 'b', 'older'))).to.deep.equal(['c', 'd']);
    expect(neighbours(feed.items, 'zzz', 'older')).to.equal(null);
    expect(neighbours(feed.items, 'undated', 'older')).to.equal(null);
  });
  it('filters by day in a zone and by category', () => {
    const day = (d: string, tz = 'Asia/Ho_Chi_Minh') => ids(feed.items.filter((a) => matchesFilter(a, { day: d, timeZone: tz })));
    expect(day('2017-02-27')).to.deep.equal(['b', 'c']);
    expect(day('2017-02-26', 'UTC')).to.deep.equal(['d']);
    expect(day('2017-02-27', 'UTC')).to.deep.equal(['b', 'a', 'c']);
    expect(ids(feed.items.filter((a) => matchesFilter(a, { category: 'KINH TẾ', timeZone: 'UTC' })))).to.deep.equal(['b']);
  });
  it('counts the days that have news', () => {
    expect([...newsDays(feed.items, 'Asia/Ho_Chi_Minh')]).to.deep.equal([
      ['2017-02-27', 2],
      ['2017-02-28', 1],
      ['2017-02-26', 1],
    ]);
  });
  describe('listArticles (a news list)', () => {
    const tz = 'Asia/Ho_Chi_Minh';
    const list = (hasMore: boolean, q: Parameters<typeof listArticles>[2]) => {
      const { items, complete } = listArticles(feed.items, hasMore, q);
      return { ids: ids(items), complete };
    };
    it('the latest: every item newest first, the shared sorted list itself (no copy); complete when no page is left', () => {
      expect(listArticles(feed.items, true, { timeZone: tz }).items).to.equal(newestFirst(feed.items));
      expect(list(true, { timeZone: tz })).to.deep.equal({ ids: ['a', 'b', 'c', 'd', 'undated'], complete: false });
      expect(list(false, { timeZone: tz }).complete).to.equal(true);
    });
    it('newer than an article is complete with pages left (they hold older news); older is not', () => {
      expect(list(true, { timeZone: tz, direction: 'newer', ref: 'c' })).to.deep.equal({ ids: ['b', 'a'], complete: true });
      expect(list(true, { timeZone: tz, direction: 'older', ref: 'b' })).to.deep.equal({ ids: ['c', 'd'], complete: false });
      expect(list(true, { timeZone: tz, direction: 'older', ref: 'a', category: 'kinh tế' })).to.deep.equal({ ids: ['b'], complete: false });
    });
    it('relative to an article not loaded (or none): empty, complete only when no page is left', () => {
      expect(list(true, { timeZone: tz, direction: 'older', ref: 'on-page-9' })).to.deep.equal({ ids: [], complete: false });
      expect(list(false, { timeZone: tz, direction: 'newer', ref: 'on-page-9' })).to.deep.equal({ ids: [], complete: true });
      expect(list(true, { timeZone: tz, direction: 'older', ref: null })).to.deep.equal({ ids: [], complete: false });
    });
    it('a day is complete once the loaded items reach back before it, in the zone', () => {
      // The oldest item (d) is 26 Feb 23:59 in Hồ Chí Minh City: the 27th is complete, the 26th may go on.
      expect(list(true, { timeZone: tz, day: '2017-02-27' })).to.deep.equal({ ids: ['b', 'c'], complete: true });
      expect(list(true, { timeZone: tz, day: '2017-02-26' })).to.deep.equal({ ids: ['d'], complete: false });
      // In UTC, d is the 26th at 16:59: the 26th is not complete either, the 27th is.
      expect(list(true, { timeZone: 'UTC', day: '2017-02-27' })).to.deep.equal({ ids: ['a', 'b', 'c'], complete: true });
    });
  });
});
