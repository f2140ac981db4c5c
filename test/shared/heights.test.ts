import { expect } from '@open-wc/testing';
import { pageHeightKey, readHeight, writeHeight } from '../../src/shared/heights.js';

describe('remembered heights', () => {
  afterEach(() => localStorage.clear());

  it('reads back what it wrote, and nothing where nothing was written', () => {
    writeHeight('bantin-article:x:20', 512.25);
    expect(readHeight('bantin-article:x:20')).to.equal(512.25);
    expect(readHeight('bantin-article:y:20')).to.equal(null);
  });

  it("stores a page key exactly where the classic loader looks for it (bantin:h:page:…, src/entries/loader.ts's pageKey)", () => {
    const where = { pathname: '/tin-tuc/4711', search: '?id=4711' };
    writeHeight(pageHeightKey('bantin-news-list', 1, 1280, where), 420);
    expect(localStorage.getItem('bantin:h:page:/tin-tuc/4711?id=4711|bantin-news-list#1|32')).to.equal('420');
  });
});
