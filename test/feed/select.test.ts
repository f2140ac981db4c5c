import { expect } from '@open-wc/testing';
import { parseFeed } from '../../src/feed/parse.js';
import { neighbours, newestFirst, matchesFilter, newsDays, latestArticle } from '../../src/feed/select.js';

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
});
