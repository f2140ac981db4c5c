import { expect } from '@open-wc/testing';
import { parseFeed, parseFeedText, parseFeedDate, TEXT_LIMITS } from '../../src/feed/parse.js';
// parseFeed as the npm entry gives it: with the RSS date reader (see loose-dates.test.ts for the page's lazy one).
import '../../src/feed/rfc822.js';
import { FeedError } from '../../src/feed/errors.js';
import { readFeed } from '../../src/feed/read.js';
import { fixtureText } from '../support/feeds.js';
import { viNewsFeedText } from '../support/vi-feed.js';

const BASE = 'https://quan5.example.vn/feeds/tin-tuc.json';


function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).to.be.instanceOf(FeedError);
    return (e as FeedError).code;
  }
  throw new Error('did not throw');
}

describe('parseFeed: real feeds (test/fixtures/feeds)', () => {
  const valid: [string, number][] = [
    ['gofeed/version_json_10.json', 1],
    ['gofeed/version_json_11.json', 1],
    ['gofeed/version_json_11_deprecated_author.json', 1],
    ['rsparser/3960.json', 20],
    ['rsparser/DaringFireball.json', 48],
    ['rsparser/allthis.json', 12],
    ['rsparser/authors.json', 4],
    ['rsparser/curt.json', 26],
    ['rsparser/inessential.json', 20],
    ['rsparser/jsonfeed-extension.json', 3],
    ['rsparser/pxlnv.json', 20],
    ['rsparser/rose.json', 84],
  ];
  for (const [path, count] of valid) {
    it(`parses ${path} with all ${count} items`, async () => {
      const { feed, skipped } = parseFeedText(await fixtureText(path), `https://example.org/${path}`);
      expect(skipped).to.deep.equal([]);
      expect(feed.items).to.have.length(count);
      for (const a of feed.items) expect(a.id).to.be.a('string').and.not.equal('');
    });
  }

  it('rejects the truncated allthis-partial.json as not-json, saying where', async () => {
    const text = await fixtureText('rsparser/allthis-partial.json');
    try {
      parseFeedText(text, 'https://example.org/allthis-partial.json');
      expect.fail('parsed');
    } catch (e) {
      expect((e as FeedError).code).to.equal('not-json');
      expect((e as FeedError).message).to.contain('https://example.org/allthis-partial.json');
      expect((e as FeedError).message).to.match(/truncated|control character/);
    }
  });

  it('rejects ScriptingNews.json (RSS in JSON) as not-a-feed, naming what it found', async () => {
    const text = await fixtureText('rsparser/ScriptingNews.json');
    try {
      parseFeedText(text, 'https://example.org/ScriptingNews.json');
      expect.fail('parsed');
    } catch (e) {
      expect((e as FeedError).code).to.equal('not-a-feed');
      expect((e as FeedError).message).to.contain('rss');
    }
  });

  it('parseFeedText is the JSON parser only: RSS and Atom are not-json there, and readFeed reads them', async () => {
    for (const path of ['rsparser/489.rss', 'rsparser/DaringFireball.atom', 'rsparser/donthitsave.xml']) {
      const text = await fixtureText(path);
      try {
        parseFeedText(text, path);
        expect.fail('parsed');
      } catch (e) {
        expect((e as FeedError).code, path).to.equal('not-json');
      }
      const { feed } = await readFeed(text, `https://example.org/${path}`);
      expect(feed.items.length, path).to.be.above(0);
    }
  });

  it('parses a generated 3,000-article Vietnamese feed of 3.5 MB: none dropped, dates and categories intact', async () => {
    const text = await viNewsFeedText({ items: 3000, paragraphs: 5 });
    expect(text.length).to.be.above(3_000_000);
    const { feed, skipped } = parseFeedText(text, 'https://example.org/vi-news.json');
    expect(skipped).to.deep.equal([]);
    expect(feed.items).to.have.length(3000);
    expect(feed.items.every((a) => a.published instanceof Date && !isNaN(a.published.getTime()))).to.equal(true);
    expect(feed.items.every((a) => a.category)).to.equal(true);
    expect(feed.items[0].published!.toISOString()).to.equal('2021-05-02T01:08:09.000Z');
    expect(feed.items[2999].title).to.contain('(kỳ 2)');
  });

  it('keeps the 1,812 undated DANeS items (date_published is optional)', async () => {
    const { feed, skipped } = parseFeedText(await fixtureText('vi-news-danes.feed.json'), 'https://example.org/danes.json');
    expect(skipped).to.deep.equal([]);
    expect(feed.items).to.have.length(2031);
    expect(feed.items.filter((a) => a.published === null)).to.have.length(1812);
  });

  it('reads curt.json zone-less dates as wall time in the given zone', async () => {
    const text = await fixtureText('rsparser/curt.json');
    const inVietnam = parseFeedText(text, 'https://example.org/curt.json').feed.items[0];
    expect(inVietnam.published!.toISOString()).to.equal('2018-01-06T01:00:00.000Z');
    const inLa = parseFeedText(text, 'https://example.org/curt.json', { timeZone: 'America/Los_Angeles' }).feed.items[0];
    expect(inLa.published!.toISOString()).to.equal('2018-01-06T16:00:00.000Z');
  });
});

describe('parseFeed: the model', () => {
  const doc = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Quận 5',
    home_page_url: '/',
    next_url: 'trang-2.json',
    _bantin: { visits: 19467540 },
    items: [
      {
        id: 4711,
        url: '/tin-tuc/4711',
        title: 'Hội nghị Ban Chấp hành Đảng bộ Quận khóa XI',
        content_html: '<p>Ngày 22 tháng 02 năm 2017…</p>',
        image: 'anh/hoi-nghi.jpg',
        date_published: '2017-02-27T13:35:00+07:00',
        date_modified: 'not a date',
        tags: ['Tin tức sự kiện', 'Đảng bộ'],
        _bantin: { category: 'Tin tức sự kiện', views: 770 },
        attachments: [
          { url: 'video/demo.mp4', mime_type: 'video/mp4', title: 'Video demo', size_in_bytes: 1234567 },
          { url: 'javascript:alert(1)', mime_type: 'text/html' },
        ],
      },
      { id: 'b', title: 'No category ext', content_text: 'x', tags: ['Văn hóa'] },
    ],
  };

  it('builds the typed feed and article', () => {
    const { feed, skipped } = parseFeed(doc, BASE);
    expect(skipped).to.deep.equal([]);
    expect(feed).to.include({
      url: BASE,
      title: 'Quận 5',
      homePageUrl: 'https://quan5.example.vn/',
      nextUrl: 'https://quan5.example.vn/feeds/trang-2.json',
      visits: 19467540,
    });
    const a = feed.items[0];
    expect(a.id).to.equal('4711');
    expect(a.url).to.equal('https://quan5.example.vn/tin-tuc/4711');
    expect(a.image).to.equal('https://quan5.example.vn/feeds/anh/hoi-nghi.jpg');
    expect(a.published!.toISOString()).to.equal('2017-02-27T06:35:00.000Z');
    expect(a.modified).to.equal(null);
    expect(a.category).to.equal('Tin tức sự kiện');
    expect(a.views).to.equal(770);
    expect(a.contentHtml).to.equal('<p>Ngày 22 tháng 02 năm 2017…</p>');
    expect(a.attachments).to.deep.equal([
      {
        url: 'https://quan5.example.vn/feeds/video/demo.mp4',
        mimeType: 'video/mp4',
        title: 'Video demo',
        sizeInBytes: 1234567,
        durationInSeconds: null,
      },
    ]);
    expect(feed.items[1].category).to.equal('Văn hóa');
    expect(feed.items[1].views).to.equal(null);
    expect(feed.items[1].order).to.equal(1);
  });

  it('accepts every way real feeds name the version', () => {
    for (const version of [
      'https://jsonfeed.org/version/1.1',
      'https://jsonfeed.org/version/1',
      'http://jsonfeed.org/version/1',
      'https://jsonfeed.org/version/1.1/',
      '1.0',
      '1.1',
    ]) {
      expect(parseFeed({ ...doc, version }, BASE).feed.items, version).to.have.length(2);
    }
  });

  it('rejects documents that are not JSON Feeds', () => {
    expect(codeOf(() => parseFeed({ rss: {} }, BASE))).to.equal('not-a-feed');
    expect(codeOf(() => parseFeed([], BASE))).to.equal('not-a-feed');
    expect(codeOf(() => parseFeed({ version: 'https://jsonfeed.org/version/2', items: [] }, BASE))).to.equal('not-a-feed');
    expect(codeOf(() => parseFeed({ version: '1.1', items: {} }, BASE))).to.equal('not-a-feed');
    expect(codeOf(() => parseFeedText('', BASE))).to.equal('not-json');
    expect(codeOf(() => parseFeedText('<html>502 Bad Gateway</html>', BASE))).to.equal('not-json');
    expect(codeOf(() => parseFeedText('{"version": "1.1", "items": [', BASE))).to.equal('not-json');
  });

  it('skips bad items with index and reason, keeping the rest', () => {
    const { feed, skipped } = parseFeed(
      {
        version: '1.1',
        items: [
          { title: 'no id', content_text: 'x' },
          { id: 'ok1', content_text: 'x' },
          { id: 'no-content', title: 'x' },
          { id: 'bad-date', content_text: 'x', date_published: '27/02/2017' },
          { id: 'ok1', content_text: 'duplicate' },
          'not an object',
          { id: '  ', content_text: 'blank id' },
          { id: 'ok2', content_html: '', date_published: '2017-02-30T10:00:00Z' },
          { id: 'ok3', content_text: 'y' },
        ],
      },
      BASE,
    );
    expect(feed.items.map((a) => a.id)).to.deep.equal(['ok1', 'ok3']);
    expect(skipped.map((s) => [s.index, s.reason.split(' ')[0]])).to.deep.equal([
      [0, 'no'],
      [2, 'no'],
      [3, 'unusable'],
      [4, 'duplicate'],
      [5, 'not'],
      [6, 'no'],
      [7, 'unusable'],
    ]);
    expect(skipped[1]).to.include({ id: 'no-content', reason: 'no content_html or content_text' });
  });

  it('never lets an unsafe URL through', () => {
    const { feed } = parseFeed(
      {
        version: '1.1',
        home_page_url: 'javascript:alert(1)',
        items: [
          { id: 1, content_text: 'x', url: 'javascript:alert(1)', image: 'data:image/svg+xml,<svg onload=alert(1)>' },
          { id: 2, content_text: 'x', url: ' JaVaScRiPt:alert(1)' },
          { id: 3, content_text: 'x', url: 'vbscript:msgbox' },
        ],
      },
      BASE,
    );
    expect(feed.homePageUrl).to.equal(null);
    expect(feed.items.map((a) => [a.url, a.image])).to.deep.equal([
      [null, null],
      [null, null],
      [null, null],
    ]);
  });
});

describe('parseFeedDate', () => {
  it('reads RFC 3339 with any offset', () => {
    expect(parseFeedDate('2017-02-27T13:35:00+07:00')!.toISOString()).to.equal('2017-02-27T06:35:00.000Z');
    expect(parseFeedDate('2019-10-12T07:20:50.52Z')!.toISOString()).to.equal('2019-10-12T07:20:50.520Z');
    expect(parseFeedDate('2017-06-02T22:05:47-07:00')!.toISOString()).to.equal('2017-06-03T05:05:47.000Z');
    expect(parseFeedDate('2017-06-02T22:05:47+0530')!.toISOString()).to.equal('2017-06-02T16:35:47.000Z');
  });
  it('reads zone-less times and bare dates in the feed zone', () => {
    expect(parseFeedDate('2018-01-06T08:00')!.toISOString()).to.equal('2018-01-06T01:00:00.000Z');
    expect(parseFeedDate('2017-02-27')!.toISOString()).to.equal('2017-02-26T17:00:00.000Z');
    expect(parseFeedDate('2018-07-01T08:00', 'Europe/Berlin')!.toISOString()).to.equal('2018-07-01T06:00:00.000Z');
  });
  it('keeps years 0001–0099 as written', () => {
    expect(parseFeedDate('0099-06-15T00:00:00Z')!.toISOString()).to.equal('0099-06-15T00:00:00.000Z');
    expect(parseFeedDate('0001-01-01T00:00:00Z')!.getUTCFullYear()).to.equal(1);
  });
  it('refuses what is not a date', () => {
    for (const v of ['', 'yesterday', '27/02/2017', '2017-13-01T00:00:00Z', '2017-02-29', 20170227, null, '2017-02-27T25:00:00Z']) {
      expect(parseFeedDate(v), String(v)).to.equal(null);
    }
  });
});

describe('parseFeed: dates real JSON Feeds write', () => {
  it('reads RFC 822 date_published (and the other forms RSS readers accept), with one console note per feed', () => {
    const warn = console.warn;
    const notes: string[] = [];
    console.warn = (...a: unknown[]) => notes.push(a.join(' '));
    try {
      const doc = {
        version: 'https://jsonfeed.org/version/1',
        title: 'Old JSON Feed 1.0',
        items: [
          { id: '1', content_text: 'a', date_published: 'Mon, 27 Feb 2017 13:35:00 +0700' },
          { id: '2', content_text: 'b', date_published: 'Tue, 28 Feb 2017 08:00:00 GMT', date_modified: 'Wed, 01 Mar 2017 08:00:00 GMT' },
          { id: '3', content_text: 'c', date_published: '2020/1/10 14:33:00' },
          { id: '4', content_text: 'd', date_published: '2017-02-27T13:35:00+07:00' },
        ],
      };
      const { feed, skipped } = parseFeed(doc, 'https://x.vn/old.json');
      expect(skipped).to.deep.equal([]);
      expect(feed.items.map((a) => a.published!.toISOString())).to.deep.equal([
        '2017-02-27T06:35:00.000Z',
        '2017-02-28T08:00:00.000Z',
        '2020-01-10T07:33:00.000Z',
        '2017-02-27T06:35:00.000Z',
      ]);
      expect(feed.items[1].modified!.toISOString()).to.equal('2017-03-01T08:00:00.000Z');
      const about = notes.filter((n) => n.includes('https://x.vn/old.json'));
      expect(about).to.have.length(1);
      expect(about[0]).to.match(/RFC 3339/);
      // The same feed parsed again (a revalidation) is not noted again.
      parseFeed(doc, 'https://x.vn/old.json');
      expect(notes.filter((n) => n.includes('https://x.vn/old.json'))).to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });
});

describe('parseFeed: huge one-line fields', () => {
  it('cuts titles, summaries, categories and tags to their limits, with an ellipsis, never inside a surrogate pair', () => {
    const big = 'Tin rất dài '.repeat(100_000);
    const emoji = '😀'.repeat(600); // 1,200 code units
    const { feed } = parseFeed(
      { version: '1.1', items: [{ id: '1', content_text: 'x', title: big, summary: big, tags: [big], _bantin: { category: big } }, { id: '2', content_text: 'x', title: emoji }] },
      'https://x.vn/f.json',
    );
    const [a, b] = feed.items;
    expect(a.title).to.have.length(TEXT_LIMITS.title);
    expect(a.title.endsWith('…')).to.equal(true);
    expect(a.summary).to.have.length(TEXT_LIMITS.summary);
    expect(a.category).to.have.length(TEXT_LIMITS.category);
    expect(a.tags[0]).to.have.length(TEXT_LIMITS.category);
    expect(b.title.endsWith('😀…')).to.equal(true);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(b.title)).to.equal(false);
    // The body is not a one-line field: it is kept whole.
    const { feed: f2 } = parseFeed({ version: '1.1', items: [{ id: '1', content_text: big }] }, 'https://x.vn/g.json');
    expect(f2.items[0].contentText).to.equal(big);
  });
});
