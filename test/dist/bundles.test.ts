// The built files as webmasters and developers load them (npm test builds first).
import { expect } from '@open-wc/testing';
import { mockFeed, servedFrom, uniqueId } from '../support/mock.js';
import { openFrame } from '../support/frames.js';
import { until } from '../support/until.js';

type TestWindow = Window & { __shifts: number[]; __warnings: string[]; __errors: string[]; __ready?: boolean; bantin?: { load(tag: string): Promise<unknown> } };

const DEMO_FEED = '/demo/feed.json';

function open(query: Record<string, string | number>, style = 'width: 900px; height: 700px') {
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  return openFrame<TestWindow>(`/test/fixtures/dist-page.html?${search}`, { style });
}

/** Types `query` into a search box as a reader would and waits for its results; the first result's title. */
async function searchIn(el: Element, query: string): Promise<string> {
  const box = el.shadowRoot!;
  const input = box.querySelector('input')!;
  input.focus();
  input.value = query;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await until(() => box.querySelectorAll('[role="option"]').length > 0, 10_000, `results for «${query}»`);
  return box.querySelector('[role="option"] [part="title"]')!.textContent!;
}

/** The dist/ scripts a page fetched, as paths under dist/. */
const fetched = (win: Window) =>
  win.performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname)
    .filter((p) => p.startsWith('/dist/') && p.endsWith('.js'))
    .map((p) => p.slice(6));

describe('dist/bantin.min.js (one classic script tag)', () => {
  it('defines the elements a page uses, from chunks beside it, and nothing else', async () => {
    const { win, doc, frame } = await open({
      classic: 1,
      html: `<bantin-news-list feed="${DEMO_FEED}" limit="3"></bantin-news-list>`,
    });
    const list = doc.querySelector('bantin-news-list')!;
    await until(() => list.shadowRoot?.querySelectorAll('a[part="link"]').length === 3, 10_000, 'list shown');
    expect(win.customElements.get('bantin-news-list')).to.exist;
    expect(win.customElements.get('bantin-article')).to.equal(undefined);
    const scripts = fetched(win);
    expect(scripts).to.include('bantin.min.js');
    expect(scripts).to.include('cdn/news-list.js');
    expect(scripts.filter((s) => /cdn\/(article|counter|date-picker|search)\.js|purify|fuse|xml/.test(s))).to.deep.equal([]);
    expect(win.__errors).to.deep.equal([]);
    frame.remove();
  });

  it('a counter without an endpoint (the visits of the feed) fetches no counter-service client; one with an endpoint does', async () => {
    const { win, doc, frame } = await open({ classic: 1, html: `<bantin-counter feed="${DEMO_FEED}"></bantin-counter>` });
    const counter = doc.querySelector('bantin-counter')!;
    await until(() => counter.shadowRoot?.querySelectorAll('[part~="digit"]').length === 8, 10_000, 'counter shown');
    expect(fetched(win).filter((s) => /chunks\/load-/.test(s))).to.deep.equal([]);
    // Nor inside another chunk: no script the page fetched holds the client's code (one of its messages).
    const hasClient = async () => (await Promise.all(fetched(win).map((s) => fetch(`/dist/${s}`).then((r) => r.text())))).some((t) => t.includes('did not answer JSON'));
    expect(await hasClient()).to.equal(false);
    doc.body.insertAdjacentHTML('beforeend', `<bantin-counter endpoint="/nowhere/counter" key="site"></bantin-counter>`);
    await until(() => fetched(win).some((s) => /chunks\/load-/.test(s)), 10_000, 'the client fetched for the endpoint');
    expect(await hasClient()).to.equal(true);
    frame.remove();
  });

  it('from a CDN on another origin: the search box searches in a worker (started through a blob), not on the page', async () => {
    // The same server under another name is another origin, as a CDN is to a district site.
    const cdn = `http://127.0.0.1:${location.port}`;
    const { win, doc, frame } = await open({ classic: 1, cdn, html: `<bantin-search feed="${DEMO_FEED}"></bantin-search>` });
    const el = doc.querySelector('bantin-search')!;
    await until(() => el.shadowRoot?.querySelector('input'), 10_000, 'the box defined and rendered');
    expect(await searchIn(el, 'kiem diem')).to.equal('Hội nghị Ban Chấp hành Đảng bộ Quận khóa XI');
    const scripts = win.performance.getEntriesByType('resource').map((e) => e.name);
    expect(scripts.some((s) => s.startsWith(`${cdn}/dist/cdn/search.js`)), 'element from the CDN').to.equal(true);
    expect(scripts.filter((s) => /engine/.test(s)), 'engine code on the page').to.deep.equal([]);
    expect(win.__errors).to.deep.equal([]);
    frame.remove();
  });

  it('fetches the RSS/Atom reader only for a page whose feed is XML', async () => {
    // A URL no earlier test cached: a cached feed needs no parsing, so no reader either.
    const feed = `/demo/rss.xml?fresh=${Date.now()}`;
    const { win, doc, frame } = await open({ classic: 1, html: `<bantin-news-list feed="${feed}" limit="3"></bantin-news-list>` });
    const list = doc.querySelector('bantin-news-list')!;
    await until(() => list.shadowRoot?.querySelectorAll('a[part="link"]').length === 3, 10_000, 'list shown');
    expect(list.shadowRoot!.querySelector('a[part="link"]')!.textContent!.trim()).to.equal('Quận 5 tổng kết đợt cao điểm ra quân lập lại trật tự lòng lề đường');
    expect(fetched(win).filter((s) => /xml/.test(s))).to.have.length(1);
    expect(win.__errors).to.deep.equal([]);
    frame.remove();
  });

  it('fetches the English words only for what is in English', async () => {
    const vi = await open({ classic: 1, html: `<bantin-news-list feed="${DEMO_FEED}" limit="3"></bantin-news-list>` });
    const viList = vi.doc.querySelector('bantin-news-list')!;
    await until(() => viList.shadowRoot?.querySelectorAll('a[part="link"]').length === 3, 10_000, 'Vietnamese list shown');
    expect(viList.shadowRoot!.querySelector('[part="heading"]')!.textContent).to.equal('TIN MỚI');
    expect(fetched(vi.win).filter((s) => /chunks\/en-/.test(s))).to.deep.equal([]);
    vi.frame.remove();

    const { win, doc, frame } = await open({ classic: 1, html: `<div lang="en"><bantin-news-list feed="${DEMO_FEED}" limit="3"></bantin-news-list></div>` });
    const list = doc.querySelector('bantin-news-list')!;
    await until(() => list.shadowRoot?.querySelectorAll('a[part="link"]').length === 3, 10_000, 'English list shown');
    expect(list.shadowRoot!.querySelector('[part="heading"]')!.textContent).to.equal('LATEST NEWS');
    expect(fetched(win).filter((s) => /chunks\/en-/.test(s))).to.have.length(1);
    expect(win.__errors).to.deep.equal([]);
    frame.remove();
  });

  it('defines elements added later by a script; an article body needs no DOMPurify where the browser sanitizes', async () => {
    const { win, doc, frame } = await open({ classic: 1, html: '<p>trang</p>' });
    expect(fetched(win).filter((s) => s.startsWith('cdn/'))).to.deep.equal([]);
    doc.body.insertAdjacentHTML('beforeend', `<div><bantin-article feed="${DEMO_FEED}" article-id="5142"></bantin-article></div>`);
    const article = doc.querySelector('bantin-article')!;
    await until(() => article.shadowRoot?.querySelector('[part="body"] p'), 10_000, 'article shown');
    expect(typeof (win as Window & { Sanitizer?: unknown }).Sanitizer).to.equal('function');
    expect(fetched(win).filter((s) => s.startsWith('cdn/'))).to.deep.equal(['cdn/article.js', fetched(win).find((s) => s.startsWith('cdn/chunks/core-'))]);
    expect(fetched(win).some((s) => /purify/.test(s))).to.equal(false);
    frame.remove();
  });

  it('loaded twice, it warns once and the elements still work', async () => {
    const { win, doc, frame } = await open({
      classic: 2,
      html: `<bantin-news-list feed="${DEMO_FEED}" limit="2"></bantin-news-list>`,
    });
    const list = doc.querySelector('bantin-news-list')!;
    await until(() => list.shadowRoot?.querySelectorAll('a[part="link"]').length === 2, 10_000, 'list shown');
    expect(win.__warnings.filter((w) => w.startsWith('bantin:'))).to.have.length(1);
    expect(win.__errors).to.deep.equal([]);
    frame.remove();
  });
});

describe('dist/bantin.min.js keeps the page still', () => {
  // An article page as the demo's: counter, article, newer and older news, then the page's own text.
  const PAGE = (feed: string) => `<bantin-counter feed="${feed}"></bantin-counter>
    <bantin-article feed="${feed}" article-id="5142"></bantin-article>
    <bantin-news-list feed="${feed}" relative-to="5142" direction="newer" limit="5"></bantin-news-list>
    <bantin-news-list feed="${feed}" relative-to="5142" direction="older" limit="5"></bantin-news-list>
    <p id="below">Nội dung của trang</p>`;

  /** Loads the page, waits for every widget's content, and returns its cumulative layout shift. */
  async function visit(html: string, [width, height]: [number, number]): Promise<number> {
    const { win, doc, frame } = await open({ classic: 1, html }, `width: ${width}px; height: ${height}px; border: 0`);
    const [article, ...lists] = ['bantin-article', 'bantin-news-list'].flatMap((t) => [...doc.querySelectorAll(t)]);
    await until(() => article.shadowRoot?.querySelector('[part="body"] p') && lists.every((l) => l.shadowRoot?.querySelector('a[part="link"]')), 10_000, 'content');
    await new Promise((r) => setTimeout(r, 300));
    const cls = win.__shifts.reduce((a, b) => a + b, 0);
    frame.remove();
    return cls;
  }

  for (const size of [[1280, 900], [360, 740]] as [number, number][]) {
    it(`at ${size.join('×')}: layout shift under 0.1 on a first visit, under 0.02 when the reader comes back (the feed answering late)`, async () => {
      const feed = await mockFeed(uniqueId('cls'), { file: 'demo/feed.json', delayMs: 300 });
      const first = await visit(PAGE(feed), size);
      const warm = await visit(PAGE(feed), size);
      expect(first, 'first visit').to.be.below(0.1);
      expect(warm, 'warm reload').to.be.below(0.02);
    });
  }
});

describe('dist/bantin.esm.js and the npm build', () => {
  it('one import defines every element', async () => {
    const { win, frame } = await open({ modules: '/dist/bantin.esm.js' });
    for (const tag of ['bantin-article', 'bantin-news-list', 'bantin-counter', 'bantin-date-picker', 'bantin-search']) {
      expect(win.customElements.get(tag), tag).to.exist;
    }
    // The search engine, fuse.js and DOMPurify wait until they are used.
    expect(fetched(win).filter((s) => /engine|fuse\.basic|purify/.test(s))).to.deep.equal([]);
    expect(win.__errors).to.deep.equal([]);
    frame.remove();
  });

  it('starts the search worker (engine and fuse.js) only when a search box is first focused, and searches in it', async () => {
    const { win, doc, frame } = await open({ modules: '/dist/bantin.esm.js', html: `<bantin-search feed="${DEMO_FEED}"></bantin-search>` });
    const served = await servedFrom();
    const lazy = async () => (await served.paths()).filter((p) => /worker|engine|fuse\.basic/.test(p)).map((p) => p.replace(/-[\w-]{8}\.js$/, '.js'));
    await new Promise((r) => setTimeout(r, 300));
    expect(await lazy()).to.deep.equal([]);
    const el = doc.querySelector('bantin-search')!;
    el.shadowRoot!.querySelector('input')!.focus();
    // The page fetches the small client and the worker starter (shared with the feed worker's client);
    // the worker fetches its script and fuse.js (the engine is in its script).
    const expected = ['/dist/esm/worker-client.js', '/dist/esm/workers.js', '/dist/assets/search-worker.js', '/dist/assets/fuse.basic.js'];
    let lastLazy: string[] = [];
    const t0 = performance.now();
    while (!expected.every((p) => lastLazy.includes(p)) && performance.now() - t0 < 10_000) {
      lastLazy = await lazy();
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(lastLazy.sort()).to.deep.equal([...expected].sort());
    expect(fetched(win).filter((s) => /engine/.test(s)), 'engine code on the page').to.deep.equal([]);
    expect(await searchIn(el, 'kiem diem')).to.equal('Hội nghị Ban Chấp hành Đảng bộ Quận khóa XI');
    expect(win.__errors).to.deep.equal([]);
    frame.remove();
  });

  it('the CDN bundle plus an npm copy on one page: no error, one warning, the first definition stays', async () => {
    const { win, doc, frame } = await open({
      modules: '/dist/bantin.esm.js,/dist/index.js',
      html: `<bantin-news-list feed="${DEMO_FEED}" limit="2"></bantin-news-list>`,
    });
    expect(win.__errors).to.deep.equal([]);
    expect(win.__warnings.filter((w) => w.includes('already defined'))).to.have.length(1);
    const list = doc.querySelector('bantin-news-list')!;
    await until(() => list.shadowRoot?.querySelectorAll('a[part="link"]').length === 2, 10_000, 'list shown');
    frame.remove();
  });

  it('a per-element npm entry defines only its element', async () => {
    const { win, frame } = await open({ modules: '/dist/entries/news-list.js' });
    expect(win.customElements.get('bantin-news-list')).to.exist;
    expect(win.customElements.get('bantin-article')).to.equal(undefined);
    expect(win.customElements.get('bantin-counter')).to.equal(undefined);
    frame.remove();
  });

  it('exports the classes for subclassing under another tag', async () => {
    const { win, doc, frame } = await open({ modules: '/dist/entries/news-list.js' });
    const mod = await (win as unknown as { eval: (s: string) => Promise<{ BantinNewsList: CustomElementConstructor }> }).eval(
      `import('/dist/entries/news-list.js')`,
    );
    class PortalList extends (mod.BantinNewsList as unknown as { new (): HTMLElement }) {}
    win.customElements.define('portal-news-list', PortalList as unknown as CustomElementConstructor);
    doc.body.insertAdjacentHTML('beforeend', `<portal-news-list feed="${DEMO_FEED}" limit="1"></portal-news-list>`);
    const el = doc.querySelector('portal-news-list')!;
    await until(() => el.shadowRoot?.querySelectorAll('a[part="link"]').length === 1, 10_000, 'subclass shown');
    frame.remove();
  });
});
