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

/** The title `<bantin-article>` shows, once it shows one. */
async function articleTitle(doc: Document) {
  const article = doc.querySelector('bantin-article');
  return text(await until(() => $(article, '[part="title"]'), 10_000, 'the article'));
}

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
    expect(await articleTitle(doc)).to.equal('Hội nghị Ban Chấp hành Đảng bộ Quận khóa XI');
    expect(win.location.search).to.equal('');
  });

  it('the article view with ?id= shows that article', async () => {
    const { win, doc } = await open('/demo/index.html?id=5161');
    expect(await articleTitle(doc)).to.equal('Quận 5 tổng kết đợt cao điểm ra quân lập lại trật tự lòng lề đường');
    expect(win.location.search).to.equal('?id=5161');
  });
});

describe('demo pages: a category', () => {
  const CATEGORY = 'Tin tức sự kiện';

  /** The titles of the demo feed's items in `category`, newest first, from both pages. */
  async function titlesIn(category: string) {
    const pages = await Promise.all(['/demo/feed.json', '/demo/feed-2.json'].map(async (u) => (await fetch(u)).json()));
    type Item = { title: string; date_published: string; tags?: string[]; _bantin?: { category?: string } };
    return pages
      .flatMap((p: { items: Item[] }) => p.items)
      .filter((i) => (i._bantin?.category ?? i.tags?.[0]) === category)
      .sort((a, b) => Date.parse(b.date_published) - Date.parse(a.date_published))
      .map((i) => i.title);
  }

  for (const page of ['index.html', 'rss.html']) {
    it(`the nav's category link on ${page} lists that category, with no article`, async () => {
      const { doc } = await open(`/demo/${page}`);
      const link = [...doc.querySelectorAll<HTMLAnchorElement>('.site-nav a')].find((a) => text(a) === CATEGORY)!;
      expect(!!link, 'the nav link').to.equal(true);
      const href = new URL(link.href);
      frames.splice(0).forEach((f) => f.remove());

      // The link, opened under /demo/ as the demo server serves it at /.
      const { win, doc: listing } = await open(`/demo${href.pathname === '/' ? '/index.html' : href.pathname}${href.search}`);
      expect(new URL(win.location.href).searchParams.get('category')).to.equal(CATEGORY);
      // (Counts, not elements: chai would walk a whole element of another window to print it.)
      expect(listing.querySelectorAll('bantin-article').length, 'articles').to.equal(0);
      const list = listing.querySelector('main bantin-news-list')!;
      expect(list.getAttribute('category')).to.equal(CATEGORY);
      expect(listing.querySelectorAll('main bantin-news-list')).to.have.length(1);
      const want = await titlesIn(CATEGORY);
      const titles = await until(() => {
        const t = [...list.shadowRoot!.querySelectorAll('a[part="link"]')].map(text);
        return t.length === want.length ? t : null;
      }, 10_000, 'the category filled from both pages');
      expect(titles).to.deep.equal(want);
      expect(text($(list, 'h1'))).to.equal(CATEGORY);
      expect(listing.title.startsWith(`${CATEGORY} — `)).to.equal(true);
    });
  }
});
