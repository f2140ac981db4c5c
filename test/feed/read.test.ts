import { expect } from '@open-wc/testing';
import { detectFormat, readFeed } from '../../src/feed/read.js';
import { FeedError } from '../../src/feed/errors.js';
import { feedJson, item } from '../support/mock.js';

const URL_ = 'https://quan5.example.vn/feed';
const RSS = '<rss version="2.0"><channel><title>Quận 5</title><item><guid>1</guid><title>Tin 1</title></item></channel></rss>';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(FeedError);
    return (e as FeedError).code;
  }
  throw new Error('did not throw');
}

describe('detectFormat', () => {
  it('trusts the Content-Type, unless the body plainly says otherwise', () => {
    expect(detectFormat(RSS, 'application/rss+xml')).to.equal('xml');
    expect(detectFormat(RSS, 'application/atom+xml; charset=utf-8')).to.equal('xml');
    expect(detectFormat(feedJson([]), 'application/feed+json')).to.equal('json');
    expect(detectFormat(RSS, 'application/json')).to.equal('xml');
    expect(detectFormat(feedJson([]), 'text/xml')).to.equal('json');
  });

  it('reads the body when the Content-Type says nothing useful', () => {
    expect(detectFormat(`\uFEFF\n\n  ${RSS}`, 'application/octet-stream')).to.equal('xml');
    expect(detectFormat(`  ${feedJson([])}`, 'text/html')).to.equal('json');
    expect(detectFormat('hello', 'text/plain')).to.equal('unknown');
    expect(detectFormat('truncated', 'application/json')).to.equal('json');
  });
});

describe('readFeed', () => {
  it('gives the same model for a JSON Feed and an RSS feed of the same news', async () => {
    const json = await readFeed(feedJson([item(1)]), URL_);
    const rss = await readFeed(
      '<rss version="2.0"><channel><title>Test</title><item><guid>1</guid><title>Tin 1</title><description>&lt;p&gt;Nội dung 1&lt;/p&gt;</description><pubDate>Mon, 27 Feb 2017 13:35:00 +0700</pubDate></item></channel></rss>',
      URL_,
    );
    expect(rss.feed.items).to.deep.equal(json.feed.items);
    expect(rss.feed.title).to.equal(json.feed.title);
  });

  it('a document that is neither JSON Feed nor RSS/Atom is FeedError("not-a-feed")', async () => {
    expect(await codeOf(readFeed('Xin chào', URL_))).to.equal('not-a-feed');
    expect(await codeOf(readFeed('', URL_))).to.equal('not-a-feed');
    expect(await codeOf(readFeed('<!doctype html><html><body>Lỗi</body></html>', URL_, { contentType: 'text/html' }))).to.equal('not-a-feed');
    expect(await codeOf(readFeed('{"rss":{"channel":{}}}', URL_))).to.equal('not-a-feed');
  });

  it('broken XML is FeedError("not-xml"), broken JSON still "not-json"', async () => {
    expect(await codeOf(readFeed('<rss><channel><item>', URL_))).to.equal('not-xml');
    expect(await codeOf(readFeed('{"version": "https://jsonfeed.org/version/1.1", "items": [', URL_))).to.equal('not-json');
  });
});
