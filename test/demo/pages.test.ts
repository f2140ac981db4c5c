import { expect } from '@open-wc/testing';
import { openFrame } from '../support/frames.js';
import { until } from '../support/until.js';

// The demo's pages as a reader opens them (demo/*.html with demo/main.ts), each in an iframe:
// a real page load. The pages name their feed relative to themselves, so here they read
// /demo/feed.json.

const $ = (el: Element | null | undefined, sel: string) => el?.shadowRoot?.querySelector<HTMLElement>(sel) ?? null;
const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** main.ts has run: it loads the elements last. */
const elementsDefined = (win: Window) => win.customElements.get('bantin-news-list');

const frames: HTMLIFrameElement[] = [];
async function open(src: string, style?: string) {
  const opened = await openFrame(src, { ready: elementsDefined, style });
  frames.push(opened.frame);
  return opened;
}
afterEach(() => frames.splice(0).forEach((f) => f.remove()));

describe('demo pages: URLs', () => {
  it('the search page keeps its URL: no ?id= added', async () => {
    const { win } = await open('/demo/tim-kiem.html');
    expect(new URL(win.location.href).searchParams.has('id')).to.equal(false);
    expect(win.location.search).to.equal('');
  });

  it('the search page with ?q= keeps just that', async () => {
    const { win } = await open('/demo/tim-kiem.html?q=ki%E1%BB%83m%20%C4%91i%E1%BB%83m');
    expect(new URL(win.location.href).searchParams.has('id')).to.equal(false);
  });

  it('the article view without ?id= shows the seed article, its URL untouched', async () => {
    const { win, doc } = await open('/demo/index.html');
    const article = doc.querySelector('bantin-article');
    await until(() => $(article, '[part="title"]'), 10_000, 'the article');
    expect(text($(article, '[part="title"]'))).to.equal('Hội nghị Ban Chấp hành Đảng bộ Quận khóa XI');
    expect(win.location.search).to.equal('');
  });

  it('the article view with ?id= shows that article', async () => {
    const { win, doc } = await open('/demo/index.html?id=5161');
    const article = doc.querySelector('bantin-article');
    await until(() => $(article, '[part="title"]'), 10_000, 'the article');
    expect(text($(article, '[part="title"]'))).to.equal('Quận 5 tổng kết đợt cao điểm ra quân lập lại trật tự lòng lề đường');
    expect(win.location.search).to.equal('?id=5161');
  });
});
