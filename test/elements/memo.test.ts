import { expect } from '@open-wc/testing';
import { memoizeLast } from '../../src/elements/memo.js';

describe('memoizeLast', () => {
  it('runs again only when an argument changes (by identity)', () => {
    let runs = 0;
    const items = [3, 1, 2];
    const sorted = memoizeLast((xs: number[], desc: boolean) => {
      runs++;
      return [...xs].sort((a, b) => (desc ? b - a : a - b));
    });
    const first = sorted(items, true);
    expect(sorted(items, true)).to.equal(first);
    expect(runs).to.equal(1);
    expect(sorted(items, false)).to.deep.equal([1, 2, 3]);
    expect(sorted([3, 1, 2], false)).to.deep.equal([1, 2, 3]);
    expect(runs).to.equal(3);
  });
});
