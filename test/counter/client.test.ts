import { expect } from '@open-wc/testing';
import { CounterError, getCount, getCounts, recordHit, isCount, COUNTER_TIMEOUT_MS } from '../../src/counter/index.js';
import { directEndpoint, serviceCount } from '../support/counter.js';
import { mockFeed, mockRequests, uniqueId } from '../support/mock.js';

async function rejection(p: Promise<unknown>): Promise<CounterError> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(CounterError);
    return e as CounterError;
  }
  throw new Error('expected a rejection');
}

/** A programmable endpoint answering `body` (it ignores ?key=…). */
const answering = (body: string, extra: Record<string, unknown> = {}) =>
  mockFeed(uniqueId('counter'), { body, contentType: 'application/json', ...extra });

describe('counter client', () => {
  it('reads the seeded count of the real service, cross-origin', async () => {
    expect(await getCount(await directEndpoint(), 'site')).to.equal(19467540);
  });

  it('records a hit and answers the new count; reads several keys at once', async () => {
    const endpoint = await directEndpoint();
    const key = uniqueId('hit');
    expect(await recordHit(endpoint, key)).to.equal(1);
    expect(await recordHit(endpoint, key)).to.equal(2);
    expect(await serviceCount(key)).to.equal(2);
    const counts = await getCounts(endpoint, [key, 'site', key, uniqueId('none')]);
    expect([...counts.values()]).to.deep.equal([2, 19467540, 0]);
  });

  it('refuses answers that are not a whole count: never NaN, never a string', async () => {
    const bad = [
      '{"key":"site","count":"12"}',
      '{"key":"site","count":-1}',
      '{"key":"site","count":1.5}',
      '{"key":"site","count":1e300}',
      '{"key":"site","count":null}',
      '{"key":"site"}',
      '{"key":"other","count":5}',
      '[]',
      '<html>502 Bad Gateway</html>',
      '{"key":"site","count":',
    ];
    for (const body of bad) {
      const error = await rejection(getCount(await answering(body), 'site'));
      expect(error.code, body).to.equal('bad-response');
    }
    expect(await getCount(await answering('{"key":"site","count":0}'), 'site')).to.equal(0);
    expect([NaN, Infinity, -0.5, '3', 2 ** 53].some(isCount)).to.equal(false);
  });

  it('an error status, a dead connection and a bad key each give their code', async () => {
    const http = await rejection(getCount(await answering('{"error":"x"}', { status: 503 }), 'site'));
    expect(http.code).to.equal('http');
    expect(http.status).to.equal(503);
    const dead = await rejection(recordHit(await answering('', { drop: true }), 'site'));
    expect(dead.code).to.equal('network');
    const id = uniqueId('counter');
    const url = await mockFeed(id, { body: '{}' });
    const badKey = await rejection(recordHit(url, 'tin tức'));
    expect(badKey.code).to.equal('bad-key');
    expect(await mockRequests(id)).to.have.length(0);
  });

  it('gives up after the timeout (5 s by default)', async () => {
    expect(COUNTER_TIMEOUT_MS).to.equal(5000);
    const slow = await answering('{"key":"site","count":1}', { delayMs: 1500 });
    const error = await rejection(getCount(slow, 'site', { timeoutMs: 300 }));
    expect(error.code).to.equal('timeout');
  });
});
