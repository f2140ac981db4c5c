// The page's path: the RSS date reader is not part of what every page downloads; a JSON
// Feed that writes RSS dates loads it. Nothing in this file imports rfc822.ts first.
import { expect } from '@open-wc/testing';
import { LooseDatesNotLoaded, parseFeedText } from '../../src/feed/parse.js';
import { readFeed } from '../../src/feed/read.js';

const feed = (date: string) =>
  JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'T', items: [{ id: '1', content_text: 'a', date_published: date }] });

describe('RSS dates in a JSON Feed, on a page that has not loaded the RSS date reader', () => {
  it('RFC 3339 dates need no reader; an RSS date is read once readFeed has loaded it', async () => {
    const strict = await readFeed(feed('2017-02-27T13:35:00+07:00'), 'https://x.vn/a.json');
    expect(strict.feed.items[0].published!.toISOString()).to.equal('2017-02-27T06:35:00.000Z');
    // Not loaded yet: the synchronous parser says so rather than dropping the date.
    expect(() => parseFeedText(feed('Mon, 27 Feb 2017 13:35:00 +0700'), 'https://x.vn/b.json')).to.throw(LooseDatesNotLoaded);
    const warn = console.warn;
    console.warn = () => {};
    try {
      const { feed: f, skipped } = await readFeed(feed('Mon, 27 Feb 2017 13:35:00 +0700'), 'https://x.vn/b.json');
      expect(skipped).to.deep.equal([]);
      expect(f.items[0].published!.toISOString()).to.equal('2017-02-27T06:35:00.000Z');
      // From now on the synchronous parser reads them too.
      expect(parseFeedText(feed('Tue, 28 Feb 2017 08:00:00 GMT'), 'https://x.vn/c.json').feed.items[0].published!.toISOString()).to.equal(
        '2017-02-28T08:00:00.000Z',
      );
    } finally {
      console.warn = warn;
    }
  });

  it('a date that is neither is still refused, with its reason, as before', async () => {
    const { feed: f, skipped } = await readFeed(feed('hôm qua'), 'https://x.vn/d.json');
    expect(f.items).to.deep.equal([]);
    expect(skipped.map((s) => s.reason)).to.deep.equal(['unusable date_published "hôm qua"']);
  });
});
