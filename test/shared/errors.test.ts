import { expect } from '@open-wc/testing';
import { BantinError, describeError } from '../../src/shared/errors.js';
import { FeedError, isFeedError } from '../../src/feed/errors.js';
import { CounterError } from '../../src/counter/errors.js';
import * as feedApi from '../../src/feed/index.js';
import * as counterApi from '../../src/counter/index.js';

describe('BantinError', () => {
  it('is the base of FeedError and CounterError, which keep their names, codes, url and status', () => {
    const feed = new FeedError('http', 'The server answered 404', '/feed.json', 404);
    const counter = new CounterError('timeout', 'No answer', '/counter');
    for (const e of [feed, counter]) {
      expect(e).to.be.instanceOf(BantinError);
      expect(e).to.be.instanceOf(Error);
    }
    expect(feed).to.be.instanceOf(FeedError).and.not.instanceOf(CounterError);
    expect(counter).to.be.instanceOf(CounterError).and.not.instanceOf(FeedError);
    expect([feed.name, feed.code, feed.url, feed.status, feed.message]).to.deep.equal(['FeedError', 'http', '/feed.json', 404, 'The server answered 404']);
    expect([counter.name, counter.code, counter.url, counter.status]).to.deep.equal(['CounterError', 'timeout', '/counter', null]);
    expect(isFeedError(feed)).to.equal(true);
    expect(isFeedError(counter)).to.equal(false);
  });

  it('is public where the errors are: bantin/feed and the counter API export the same class', () => {
    expect(feedApi.BantinError).to.equal(BantinError);
    expect(counterApi.BantinError).to.equal(BantinError);
    expect(feedApi.FeedError).to.equal(FeedError);
    expect(counterApi.CounterError).to.equal(CounterError);
  });
});

describe('describeError', () => {
  it('names whatever was thrown', () => {
    expect(describeError(new DOMException('disk full', 'QuotaExceededError'))).to.equal('QuotaExceededError: disk full');
    expect(describeError(new TypeError(''))).to.equal('TypeError');
    expect(describeError('plain')).to.equal('plain');
    expect(describeError('')).to.equal('unknown error');
  });
});
