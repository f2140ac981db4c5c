import { expect } from '@open-wc/testing';
import { loadCount, lastKnownCount, readCachedCount, counterUrl } from '../../src/counter/index.js';
import { cachedCountIs, directEndpoint, proxyEndpoint, serviceCount, serviceHit } from '../support/counter.js';
import { uniqueId } from '../support/mock.js';

describe('loadCount', () => {
  it('records one visit per browser session per key, however often it is asked', async () => {
    const endpoint = await directEndpoint();
    const key = uniqueId('visit');
    // Two widgets asking at once make one hit.
    expect(await Promise.all([loadCount(endpoint, key, { record: true }), loadCount(endpoint, key, { record: true })])).to.deep.equal([1, 1]);
    expect(await loadCount(endpoint, key, { record: true })).to.equal(1);
    expect(await serviceCount(key)).to.equal(1);
    // Another reader's visit shows up on the next read.
    await serviceHit(key);
    expect(await loadCount(endpoint, key, { record: true })).to.equal(2);
    expect(await serviceCount(key)).to.equal(2);
    // Other keys count on their own.
    const other = uniqueId('visit');
    expect(await loadCount(endpoint, other, { record: true })).to.equal(1);
  });

  it('without record, only reads', async () => {
    const key = uniqueId('read');
    expect(await loadCount(await directEndpoint(), key)).to.equal(0);
    expect(await serviceCount(key)).to.equal(0);
  });

  it('keeps the last known count per endpoint and key', async () => {
    const endpoint = await directEndpoint();
    const key = uniqueId('cache');
    await serviceHit(key);
    expect(await loadCount(endpoint, key)).to.equal(1);
    // Written in the background: the count is on screen before IndexedDB is done.
    await cachedCountIs(endpoint, key, 1);
    expect((await readCachedCount(counterUrl(endpoint), key))?.count).to.equal(1);
    expect(await lastKnownCount(await proxyEndpoint(uniqueId('p')), key)).to.equal(null);
  });

  it('a hit that failed is tried again on the next page, not lost', async () => {
    const id = uniqueId('proxy');
    const key = uniqueId('retry');
    const endpoint = await proxyEndpoint(id, { down: true });
    let code = '';
    await loadCount(endpoint, key, { record: true }).catch((e) => (code = e.code));
    expect(code).to.equal('network');
    await proxyEndpoint(id, {});
    expect(await loadCount(endpoint, key, { record: true })).to.equal(1);
    expect(await loadCount(endpoint, key, { record: true })).to.equal(1);
    expect(await serviceCount(key)).to.equal(1);
  });

  it('when sessionStorage throws, still counts once on this page and never throws', async () => {
    const own = Object.getOwnPropertyDescriptor(window, 'sessionStorage')!;
    Object.defineProperty(window, 'sessionStorage', {
      configurable: true,
      get() {
        throw new DOMException('The document is sandboxed', 'SecurityError');
      },
    });
    try {
      const endpoint = await directEndpoint();
      const key = uniqueId('nostorage');
      expect(await loadCount(endpoint, key, { record: true })).to.equal(1);
      expect(await loadCount(endpoint, key, { record: true })).to.equal(1);
      expect(await serviceCount(key)).to.equal(1);
    } finally {
      Object.defineProperty(window, 'sessionStorage', own);
    }
  });
});
