import { expect } from '@open-wc/testing';
import { chunkBy, eachChunk } from '../../src/shared/chunk.js';

describe('chunkBy', () => {
  it('splits a list into runs of about maxBytes, never an empty list of runs', () => {
    const size = (n: number) => n;
    expect(chunkBy([4, 4, 4, 4, 4], size, 10)).to.deep.equal([[4, 4], [4, 4], [4]]);
    // An entry bigger than the limit is a run of its own, not dropped.
    expect(chunkBy([3, 30, 3], size, 10)).to.deep.equal([[3], [30], [3]]);
    expect(chunkBy([], size, 10)).to.deep.equal([[]]);
    expect([...eachChunk([1, 2, 3], size, 3)]).to.deep.equal([[1, 2], [3]]);
  });
});
