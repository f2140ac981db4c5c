import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import '../../src/entries/search.js';
import type { BantinSearch, BantinSelectDetail } from '../../src/elements/search.js';
import { fold } from '../../src/search/fold.js';
import { feedJson, item, mockFeed, uniqueId } from '../support/mock.js';
import { sleep, until } from '../support/until.js';
import { openFrame } from '../support/frames.js';
import { resultsFor } from '../support/search.js';
import { FeedStore } from '../../src/feed/store.js';

const DEMO = '/demo/feed.json';

const root = (el: BantinSearch) => el.shadowRoot!;
const input = (el: BantinSearch) => root(el).querySelector('input')!;
const options = (el: BantinSearch) => [...root(el).querySelectorAll<HTMLElement>('[role="option"]')];
const titleOf = (o: Element) => o.querySelector('[part="title"]')!.textContent!.trim();
const status = (el: BantinSearch) => root(el).querySelector('[role="status"]')!.textContent!.trim();

async function typeInto(el: BantinSearch, text: string) {
  input(el).focus();
  await sendKeys({ type: text });
}


async function mount(feed = DEMO, attrs = '') {
  const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
  wrap.innerHTML = `<bantin-search feed="${feed}" ${attrs}></bantin-search>`;
  const el = wrap.firstElementChild as BantinSearch;
  await el.updateComplete;
  return el;
}

/** Runs `fn` with a listener that records and cancels every bantin-select. */
async function selecting(fn: () => Promise<void> | void): Promise<CustomEvent<BantinSelectDetail>[]> {
  const seen: CustomEvent<BantinSelectDetail>[] = [];
  const listener = (e: Event) => {
    seen.push(e as CustomEvent<BantinSelectDetail>);
    e.preventDefault();
  };
  document.addEventListener('bantin-select', listener);
  try {
    await fn();
  } finally {
    document.removeEventListener('bantin-select', listener);
  }
  return seen;
}

/** Puts `?q=` in the test page's URL (restored after each results-page test). */
function setQuery(q: string) {
  const url = new URL(location.href);
  url.searchParams.set('q', q);
  history.replaceState(history.state, '', url.href);
}

describe('<bantin-search>', () => {
  // First in the file: the modules it watches for stay loaded for the page.
  it('fetches no search code with the page; on first focus it starts the search worker, which runs the search', async () => {
    // Resource timing lists fetches from the HTTP cache too (earlier test files load the same
    // modules); test/dist/bundles checks the built worker's fetches on the server.
    const onPage = (part: string) => performance.getEntriesByType('resource').filter((e) => e.name.includes(part));
    const el = document.createElement('bantin-search') as BantinSearch;
    const loaded = new Promise((r) => el.addEventListener('bantin-load', r, { once: true }));
    el.setAttribute('feed', DEMO);
    document.body.append(el);
    await loaded;
    await sleep(300);
    for (const part of ['/src/search/worker', '/src/search/engine', '/src/search/token-index']) expect(onPage(part), `${part} before focus`).to.have.length(0);
    expect(onPage('fuse'), 'fuse.js before focus').to.have.length(0);
    input(el).focus();
    await until(() => onPage('/src/search/worker-client').length > 0, 10_000, 'the worker client fetched on focus');
    await sendKeys({ type: 'kiem diem' });
    await resultsFor(el, 'kiem diem');
    expect(options(el).map(titleOf)).to.include('Hội nghị Ban Chấp hành Đảng bộ Quận khóa XI');
    const feed = FeedStore.for(new URL(DEMO, location.href).href).state.feed!;
    // Where the engine ran is asked of the search itself: Chromium lists a module worker's
    // imports among the page's resources too. Imported here: at the top, it would come with the page.
    const { searchFor } = await import('../../src/search/worker-client.js');
    expect((await searchFor(feed)).thread, 'where the search ran').to.equal('worker');
    el.remove();
  });

  describe('finds the seed article (id 5142) of the demo feed', () => {
    for (const query of ['kiem diem', 'ban thuong vu', 'quan uy', 'Kiểm điểm']) {
      it(`by «${query}»`, async () => {
        const el = await mount();
        await typeInto(el, query);
        await resultsFor(el, query);
        const titles = options(el).slice(0, 3).map(titleOf);
        expect(titles).to.include('Hội nghị Ban Chấp hành Đảng bộ Quận khóa XI');
      });
    }
  });

  it('duong finds đường, with the word highlighted as written', async () => {
    const el = await mount();
    await typeInto(el, 'duong');
    await resultsFor(el, 'duong');
    const option = options(el).find((o) => titleOf(o).startsWith('Đường hoa Tết'))!;
    expect(option).to.exist;
    expect([...option.querySelectorAll('[part="title"] mark')].map((m) => m.textContent)).to.deep.equal(['Đường']);
  });

  it('with tone marks typed, exact matches come first: đường before dương', async () => {
    const url = await mockFeed(uniqueId(), {
      body: feedJson([
        item(1, { title: 'Dương lịch' }),
        item(2, { title: 'Hội chợ hoa xuân trên con đường ven sông Sài Gòn năm nay' }),
      ]),
    });
    const el = await mount(url);
    await typeInto(el, 'duong');
    await resultsFor(el, 'duong');
    // Folded, both match, and the short title ranks first.
    expect(options(el).map(titleOf)).to.deep.equal(['Dương lịch', 'Hội chợ hoa xuân trên con đường ven sông Sài Gòn năm nay']);
    input(el).select();
    await sendKeys({ type: 'đường' });
    await resultsFor(el, 'đường');
    expect(options(el).map(titleOf)).to.deep.equal(['Hội chợ hoa xuân trên con đường ven sông Sài Gòn năm nay', 'Dương lịch']);
  });

  it('marks exactly the matched words, in the title and the excerpt, as DOM text', async () => {
    const el = await mount();
    await typeInto(el, 'quan uy');
    await resultsFor(el, 'quan uy');
    const option = options(el).find((o) => titleOf(o).startsWith('Quận ủy Quận 5 triển khai'))!;
    const title = option.querySelector('[part="title"]')!;
    expect([...title.querySelectorAll('mark')].map((m) => m.textContent)).to.deep.equal(['Quận', 'ủy', 'Quận']);
    // Each mark is a whole word: letters never continue on either side.
    for (const m of [...option.querySelectorAll('mark')]) {
      const before = m.previousSibling?.textContent?.slice(-1) ?? '';
      const after = m.nextSibling?.textContent?.slice(0, 1) ?? '';
      expect(/\p{L}/u.test(before), `before «${m.textContent}»`).to.equal(false);
      expect(/\p{L}/u.test(after), `after «${m.textContent}»`).to.equal(false);
      expect(m.children.length).to.equal(0);
    }
    const excerptMarks = [...option.querySelectorAll('[part="excerpt"] mark')].map((m) => fold(m.textContent!));
    expect(excerptMarks.length).to.be.greaterThan(0);
    for (const w of excerptMarks) expect(['quan', 'uy']).to.include(w);
    // Under the box an excerpt is a few lines, not the results page's 160 characters.
    for (const o of options(el)) expect(o.querySelector('[part="excerpt"]')?.textContent?.length ?? 0).to.be.at.most(100 + '…  …'.length);
  });

  it('shows date and category for each result', async () => {
    const el = await mount();
    await typeInto(el, 'kiem diem');
    await resultsFor(el, 'kiem diem');
    const seed = options(el).find((o) => titleOf(o).startsWith('Hội nghị Ban Chấp hành'))!;
    expect(seed.querySelector('time')!.textContent).to.equal('27/02/2017');
    expect(seed.querySelector('time')!.getAttribute('datetime')).to.equal('2017-02-27T06:35:00.000Z');
    expect(seed.querySelector('[part="category"]')!.textContent).to.equal('Tin tức sự kiện');
  });

  it('follows the combobox pattern: expanded, controls, active descendant, selected option', async () => {
    const el = await mount();
    const box = input(el);
    expect(box.getAttribute('role')).to.equal('combobox');
    expect(box.getAttribute('aria-expanded')).to.equal('false');
    expect(root(el).getElementById(box.getAttribute('aria-controls')!)!.getAttribute('role')).to.equal('listbox');
    await typeInto(el, 'quan');
    await resultsFor(el, 'quan');
    expect(box.getAttribute('aria-expanded')).to.equal('true');
    expect(box.hasAttribute('aria-activedescendant')).to.equal(false);
    const n = options(el).length;
    expect(n).to.be.greaterThan(2);

    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(box.getAttribute('aria-activedescendant')).to.equal(options(el)[0].id);
    expect(options(el)[0].getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(box.getAttribute('aria-activedescendant')).to.equal(options(el)[1].id);
    expect(options(el).filter((o) => o.getAttribute('aria-selected') === 'true')).to.have.length(1);
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(box.getAttribute('aria-activedescendant'), 'wraps to the last').to.equal(options(el)[n - 1].id);
    expect(document.activeElement).to.equal(el);
    expect(root(el).activeElement).to.equal(box);
  });

  it('Enter opens the active result: bantin-select with the article, cancelable', async () => {
    const el = await mount();
    const before = location.href;
    const seen = await selecting(async () => {
      await typeInto(el, 'kiem diem');
      await resultsFor(el, 'kiem diem');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
    });
    expect(seen).to.have.length(1);
    expect(seen[0].detail.article.title).to.equal(titleOf(options(el)[0]));
    expect(seen[0].detail.query).to.equal('kiem diem');
    expect(seen[0].bubbles && seen[0].composed && seen[0].cancelable).to.equal(true);
    await sleep(100);
    expect(location.href, 'canceled: no navigation').to.equal(before);
  });

  it('a click on a result chooses it too', async () => {
    const el = await mount();
    await typeInto(el, 'quan uy');
    await resultsFor(el, 'quan uy');
    const second = titleOf(options(el)[1]);
    const seen = await selecting(() => options(el)[1].click());
    expect(seen.map((e) => e.detail.article.title)).to.deep.equal([second]);
  });

  it('Escape clears the box and closes the list; leaving the box closes it too', async () => {
    const el = await mount();
    await typeInto(el, 'quan');
    await resultsFor(el, 'quan');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input(el).value).to.equal('');
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    expect(options(el)).to.have.length(0);

    await sendKeys({ type: 'quan' });
    await resultsFor(el, 'quan');
    expect(input(el).getAttribute('aria-expanded')).to.equal('true');
    input(el).blur();
    await el.updateComplete;
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
  });

  it('announces the number of results politely, and says so when nothing matches', async () => {
    const el = await mount();
    const region = root(el).querySelector('[role="status"]')!;
    expect(region.getAttribute('aria-live')).to.equal('polite');
    await typeInto(el, 'kiem diem');
    await resultsFor(el, 'kiem diem');
    expect(status(el)).to.match(/^\d+ kết quả$/);
    input(el).select();
    await sendKeys({ type: 'xyzzyq' });
    await resultsFor(el, 'xyzzyq');
    expect(status(el)).to.equal('Không tìm thấy kết quả cho «xyzzyq»');
    expect(root(el).querySelector('[part="empty"]')!.textContent!.trim()).to.equal('Không tìm thấy kết quả cho «xyzzyq»');
    expect(options(el)).to.have.length(0);
  });

  it('waits for min-chars before searching', async () => {
    const el = await mount(DEMO, 'min-chars="3"');
    await typeInto(el, 'ky');
    await sleep(300);
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    await sendKeys({ type: 'n' });
    await resultsFor(el, 'kyn');
  });

  it('never shows results of an older query after a newer one', async () => {
    const el = await mount();
    input(el).focus();
    // Let the index build first, so both queries really race.
    await typeInto(el, 'ha');
    await resultsFor(el, 'ha');
    const shown: string[] = [];
    const list = root(el).querySelector('[role="listbox"]')!;
    const observer = new MutationObserver(() => {
      if (list.getAttribute('aria-busy') === 'false') shown.push(list.getAttribute('data-query')!);
    });
    observer.observe(list, { attributes: true });
    const type = (value: string) => {
      input(el).value = value;
      input(el).dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    };
    type('kiem');
    type('kiem d');
    type('kiem diem');
    await resultsFor(el, 'kiem diem');
    await sleep(300);
    observer.disconnect();
    expect(shown[shown.length - 1]).to.equal('kiem diem');
    expect(shown.filter((q) => q !== 'kiem diem')).to.deep.equal([]);
  });

  it('shows the feed error, with a retry, when the feed fails', async () => {
    const url = await mockFeed(uniqueId(), { status: 500, body: 'down' });
    const el = await mount(url);
    await until(() => root(el).querySelector('[role="alert"]'), 10_000, 'error');
    expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain('Máy chủ trả lỗi 500 khi tải bản tin.');
    expect(root(el).querySelector('[part="retry"]')).to.exist;
    await typeInto(el, 'quan');
    await el.updateComplete;
    expect(root(el).querySelectorAll('[role="alert"]')).to.have.length(1);
  });

  it('speaks English with lang="en", and takes its label and placeholder from attributes', async () => {
    const el = await mount(DEMO, 'lang="en" placeholder="Từ khóa" label="Tìm tin" label-hidden');
    const labelEl = root(el).querySelector('label')!;
    expect(labelEl.textContent).to.equal('Tìm tin');
    expect(labelEl.classList.contains('sr-only')).to.equal(true);
    expect(input(el).labels![0]).to.equal(labelEl);
    expect(input(el).placeholder).to.equal('Từ khóa');
    await typeInto(el, 'kiem diem');
    await resultsFor(el, 'kiem diem');
    expect(status(el)).to.match(/^\d+ results?$/);
    const visible = await mount(DEMO);
    expect(root(visible).querySelector('label')!.textContent).to.equal('Tìm kiếm');
    expect(root(visible).querySelector('label')!.classList.contains('sr-only')).to.equal(false);
  });

  it('has no axe violations with results open and an option active', async () => {
    const el = await mount();
    await typeInto(el, 'quan uy');
    await resultsFor(el, 'quan uy');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    await expect(el).to.be.accessible();
    const result = await (window as unknown as { axe: { run: (n: Node) => Promise<{ violations: unknown[] }> } }).axe.run(el);
    expect(result.violations).to.deep.equal([]);
  });

  describe('results page (mode="page")', () => {
    let original: string;
    beforeEach(() => {
      original = location.href;
    });
    afterEach(() => history.replaceState(history.state, '', original));

    it('fills the box from ?q=, lists the results a page at a time, and moves focus on paging', async () => {
      setQuery('quan');
      const el = await mount(DEMO, 'mode="page" page-size="2"');
      await until(() => root(el).querySelector('ol[data-query="quan"]'), 15_000, 'results page');
      await el.updateComplete;
      expect(input(el).value).to.equal('quan');
      expect(input(el).hasAttribute('role')).to.equal(false);
      const items = () => [...root(el).querySelectorAll('[part="result"]')];
      expect(items()).to.have.length(2);
      expect(status(el)).to.match(/^\d+ kết quả$/);
      const total = Number(status(el).split(' ')[0]);
      const pages = Math.ceil(total / 2);
      expect(root(el).querySelector('[part="page"]')!.textContent!.trim()).to.equal(`Trang 1/${pages}`);
      const firstPage = items().map((i) => i.querySelector('a')!.textContent);
      const link = items()[0].querySelector('a')!;
      expect(link.href).to.match(/\?id=\d+$/);
      expect(link.querySelectorAll('mark').length).to.be.greaterThan(0);

      (root(el).querySelector('[part="next"]') as HTMLButtonElement).click();
      await until(() => root(el).querySelector('[part="page"]')!.textContent!.trim() === `Trang 2/${pages}`, 10_000, 'page 2');
      await until(() => items().length && items()[0].querySelector('a')!.textContent !== firstPage[0], 10_000, 'page 2 items');
      expect(root(el).activeElement).to.equal(root(el).querySelector('.summary'));
      expect((root(el).querySelector('[part="prev"]') as HTMLButtonElement).disabled).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('a click on a result fires bantin-select; canceling it keeps the page', async () => {
      setQuery('kiem diem');
      const el = await mount(DEMO, 'mode="page"');
      await until(() => root(el).querySelector('ol[data-query="kiem diem"]'), 15_000, 'results page');
      const before = location.href;
      const seen = await selecting(() => root(el).querySelector<HTMLAnchorElement>('[part="result"] a')!.click());
      expect(seen.map((e) => e.detail.article.id)).to.deep.equal(['5142']);
      expect(location.href).to.equal(before);
    });

    it('links a result without a url to ?{id-param}= on this page, as the article and lists read it (ItemID portals)', async () => {
      const feed = await mockFeed(uniqueId(), { body: feedJson([item('5142', { title: 'Hội nghị kiểm điểm tập thể' })]) });
      setQuery('kiem diem');
      const el = await mount(feed, 'mode="page" id-param="ItemID"');
      await until(() => root(el).querySelector('ol[data-query="kiem diem"]'), 15_000, 'results page');
      const href = new URL(root(el).querySelector<HTMLAnchorElement>('[part="result"] a')!.href);
      expect(href.pathname).to.equal(location.pathname);
      expect(href.searchParams.get('ItemID')).to.equal('5142');
      expect(href.searchParams.has('id')).to.equal(false);
    });

    it('typing a new query updates the list and the URL', async () => {
      setQuery('quan');
      const el = await mount(DEMO, 'mode="page"');
      await until(() => root(el).querySelector('ol[data-query="quan"]'), 15_000, 'results page');
      input(el).select();
      input(el).focus();
      await sendKeys({ type: 'kiem diem' });
      await sendKeys({ press: 'Enter' });
      await until(() => root(el).querySelector('ol[data-query="kiem diem"]'), 15_000, 'new results');
      expect(new URL(location.href).searchParams.get('q')).to.equal('kiem diem');
    });
  });

  describe('navigation (in a frame, so the test page stays)', () => {
    async function frame(feed?: string, idParam?: string) {
      const query = new URLSearchParams();
      if (feed) query.set('feed', feed);
      if (idParam) query.set('id-param', idParam);
      const { frame: f } = await openFrame<Window & { ready?: boolean }>(
        `/test/fixtures/search-frame.html${query.size ? `?${query}` : ''}`,
        { style: 'width: 600px; height: 600px', ready: (win) => win.ready },
      );
      const el = f.contentDocument!.querySelector('bantin-search') as BantinSearch;
      await el.updateComplete;
      f.contentWindow!.focus();
      return { f, el };
    }
    const navigated = (f: HTMLIFrameElement, test: (u: URL) => boolean) =>
      until(() => {
        try {
          return test(new URL(f.contentWindow!.location.href));
        } catch {
          return false;
        }
      }, 15_000, 'navigation');

    /** Types `query` in a frame's box, optionally picks the first result, presses Enter, and waits for where the frame goes. */
    async function enterIn(
      query: string,
      pick: boolean,
      expected: (u: URL) => boolean,
      feed?: string,
      check?: (el: BantinSearch) => void,
      idParam?: string,
    ) {
      const { f, el } = await frame(feed, idParam);
      try {
        await typeInto(el, query);
        await resultsFor(el, query);
        check?.(el);
        if (pick) await sendKeys({ press: 'ArrowDown' });
        await sendKeys({ press: 'Enter' });
        await navigated(f, expected);
      } finally {
        f.remove();
      }
    }

    it('Enter on a result opens its url', async () => {
      await enterIn(
        'quan uy',
        true,
        (u) => u.pathname === '/' && u.search === '?id=5143',
        undefined,
        (el) => expect(titleOf(options(el)[0])).to.equal('Quận ủy Quận 5 triển khai Nghị quyết Trung ương 4 khóa XII'),
      );
    });

    it('a result without a url opens ?id= on the current page, its other parameters kept', async () => {
      const feed = await mockFeed(uniqueId(), { body: feedJson([item('a-1', { title: 'Thông báo lịch tiếp công dân' })]) });
      await enterIn(
        'tiep cong dan',
        true,
        (u) => u.pathname === '/test/fixtures/search-frame.html' && u.searchParams.get('id') === 'a-1' && u.searchParams.get('feed') === feed,
        feed,
      );
    });

    it('with id-param="ItemID", a result without a url opens ?ItemID= on the current page', async () => {
      const feed = await mockFeed(uniqueId(), { body: feedJson([item('5142', { title: 'Thông báo lịch tiếp công dân' })]) });
      await enterIn(
        'tiep cong dan',
        true,
        (u) => u.pathname === '/test/fixtures/search-frame.html' && u.searchParams.get('ItemID') === '5142' && !u.searchParams.has('id'),
        feed,
        undefined,
        'ItemID',
      );
    });

    it('Enter with no result chosen goes to action?q=', async () => {
      await enterIn(
        'kiem diem',
        false,
        (u) => u.pathname === '/test/fixtures/search-frame.html' && u.searchParams.get('q') === 'kiem diem',
      );
    });
  });
});
