import { expect } from '@open-wc/testing';
import { FNV_OFFSET, fnv1a, hashText } from '../../src/shared/hash.js';

describe('hashText (FNV-1a, 32 bit)', () => {
  it('gives the published FNV-1a values, with the length, in base 36', () => {
    // FNV-1a 32 of "a" is 0xe40c292c, of "foobar" 0xbf9cf968 (the reference test vectors).
    expect(hashText('a')).to.equal(`${(0xe40c292c).toString(36)}:1`);
    expect(hashText('foobar')).to.equal(`${(0xbf9cf968).toString(36)}:6`);
    expect(hashText('')).to.equal(`${FNV_OFFSET.toString(36)}:0`);
    // Keys already stored (cached feeds' body hashes, article counter keys) keep their values.
    expect(hashText('Quận 5')).to.equal('1fsu1fv:6');
  });

  it('is the same hash one unit at a time', () => {
    let h = FNV_OFFSET;
    for (const c of 'foobar') h = fnv1a(h, c.charCodeAt(0));
    expect(h >>> 0).to.equal(0xbf9cf968);
  });
});
