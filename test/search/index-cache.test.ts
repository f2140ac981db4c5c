import { expect } from '@open-wc/testing';
import { openKV } from '../../src/shared/kv.js';
import { SearchIndexCache } from '../../src/search/index-cache.js';
import { buildIndexData, type IndexSource } from '../../src/search/token-index.js';
import { TimeSlicer } from '../../src/search/yield.js';
import { uniqueId } from '../support/mock.js';

async function data(count: number) {
  // Enough distinct words to need several ~1 MB records.
  const docs: IndexSource[] = Array.from({ length: count }, (_, i) => ({
    title: `Tin ${i} tu${i.toString(36)}khoa`,
    summary: '',
    category: '',
    body: `<p>noi dung ${i} ${Array.from({ length: 20 }, (_, k) => `w${i}x${k}`).join(' ')}</p>`,
    bodyIsHtml: true,
  }));
  return buildIndexData(docs.length, (i) => docs[i], new TimeSlicer());
}

describe('SearchIndexCache', () => {
  it('writes an index in ~1 MB records and reads it back identical, for the same feed version', async () => {
    const kv = openKV(uniqueId('search-cache'));
    const cache = new SearchIndexCache(kv);
    const index = await data(12_000);
    await cache.write('https://x.invalid/feed.json', 'v1', index);
    const keys = await kv.keys();
    expect(keys.filter((k) => k.startsWith('c:')).length).to.be.greaterThan(4);
    const back = await cache.read('https://x.invalid/feed.json', 'v1');
    expect(back).to.not.equal(null);
    expect(back!.terms).to.deep.equal(index.terms);
    expect([...back!.offsets]).to.deep.equal([...index.offsets]);
    expect([...back!.docs]).to.deep.equal([...index.docs]);
    expect([...back!.fields]).to.deep.equal([...index.fields]);
    expect([...back!.positions]).to.deep.equal([...index.positions]);
  });

  it('a different feed version is a miss; a new write replaces the old records', async () => {
    const kv = openKV(uniqueId('search-cache'));
    const cache = new SearchIndexCache(kv);
    await cache.write('u', 'v1', await data(50));
    expect(await cache.read('u', 'v2')).to.equal(null);
    const before = (await kv.keys()).length;
    await cache.write('u', 'v2', await data(60));
    expect((await kv.keys()).length).to.equal(before);
    expect((await cache.read('u', 'v2'))!.docCount).to.equal(60);
    expect(await cache.read('u', 'v1')).to.equal(null);
  });

  it('a record gone missing is a miss, not an exception', async () => {
    const kv = openKV(uniqueId('search-cache'));
    const cache = new SearchIndexCache(kv);
    await cache.write('u', 'v1', await data(50));
    const chunk = (await kv.keys()).find((k) => k.startsWith('c:'))!;
    await kv.del(chunk);
    expect(await cache.read('u', 'v1')).to.equal(null);
  });

  it('a write that hits the quota removes its records at once and keeps the previous index', async () => {
    const real = openKV(uniqueId('search-cache'));
    let writes = 0;
    let full = false;
    // The point of this test is a failing store: once full, every record write fails.
    const kv: typeof real = Object.create(real, {
      set: {
        value: async (key: string, value: unknown) => {
          if (full && key.startsWith('c:') && ++writes > 2) throw new DOMException('', 'QuotaExceededError');
          return real.set(key, value);
        },
      },
    });
    const cache = new SearchIndexCache(kv);
    await cache.write('u', 'v1', await data(50));
    const before = (await real.keys()).filter((k) => k.startsWith('c:')).sort();
    full = true;
    const error = await cache.write('u', 'v2', await data(12_000)).then(() => null, (e: Error) => e);
    expect(error?.name).to.equal('QuotaExceededError');
    expect((await real.keys()).filter((k) => k.startsWith('c:')).sort()).to.deep.equal(before);
    expect(await cache.read('u', 'v1')).to.not.equal(null);
  });
});

