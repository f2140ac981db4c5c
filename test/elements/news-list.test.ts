import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/entries/article.js';
import '../../src/entries/news-list.js';
import type { BantinNewsList } from '../../src/elements/news-list.js';
import type { BantinArticle } from '../../src/elements/article.js';
import { mockFeed, mockRequests, uniqueId, feedJson, item } from '../support/mock.js';
import { until } from '../support/until.js';
import { loadPage } from '../support/frames.js';

const DEMO = new URL('/demo/feed.json', location.href).href;
const root = (el: Element) => el.shadowRoot!;
const links = (el: Element) => [...root(el).querySelectorAll<HTMLAnchorElement>('a[part="link"]')];
const titles = (el: Element) => links(el).map((a) => a.textContent!.trim());
const hrefIds = (el: Element) => links(el).map((a) => new URL(a.href).searchParams.get('id'));
const heading = (el: Element) => root(el).querySelector('[part="heading"]')!.textContent!.trim();
const moreButton = (el: Element) => root(el).querySelector<HTMLButtonElement>('[part="more"]');
const ready = (el: BantinNewsList) => until(() => root(el).querySelector('[part="items"], [part="empty"]') && el, 10_000, 'list ready');

/** The demo feed with its next page served by the test server, counting requests. */
async function twoPageDemo({ page2DelayMs = 0 } = {}): Promise<{ url: string; page2: string }> {
  const page2 = uniqueId('p2');
  const page2Url = await mockFeed(page2, { file: 'demo/feed-2.json', delayMs: page2DelayMs });
  const page1 = JSON.parse(await (await fetch(DEMO)).text());
  const url = await mockFeed(uniqueId('p1'), { body: JSON.stringify({ ...page1, next_url: page2Url }) });
  return { url, page2 };
}

describe('<bantin-news-list>', () => {
  after(() => executeServerCommand('emulate-timezone', { timeZone: '' }));

  it('lists the items just newer and just older than the seed article, nearest first', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <bantin-news-list feed=${DEMO} relative-to="5142" direction="newer" limit="3"></bantin-news-list>
      <bantin-news-list feed=${DEMO} relative-to="5142" direction="older" limit="3"></bantin-news-list>
    </div>`);
    const [newer, older] = [...wrap.querySelectorAll('bantin-news-list')];
    await ready(newer);
    await ready(older);
    expect(heading(newer)).to.equal('TIN MỚI HƠN');
    expect(heading(older)).to.equal('TIN ĐÃ ĐƯA');
    expect(hrefIds(newer)).to.deep.equal(['5143', '5144', '5145']);
    expect(hrefIds(older)).to.deep.equal(['5141', '5140', '5139']);
    expect(titles(older)[0]).to.equal('Họp mặt kỷ niệm 62 năm Ngày Thầy thuốc Việt Nam');
    const first = root(older).querySelector('li')!;
    expect(first.querySelector('time')!.textContent).to.equal('27/02/2017');
    expect(first.querySelector('time')!.getAttribute('datetime')).to.equal('2017-02-27T01:20:00.000Z');
  });

  it('switched to another feed already loaded on the page, lists that feed\'s news', async () => {
    const a = await mockFeed(uniqueId('a'), { body: feedJson([item('a1'), item('a2')]) });
    const b = await mockFeed(uniqueId('b'), { body: feedJson([item('b1'), item('b2')]) });
    const wrap = await fixture(html`<div>
      <bantin-news-list feed=${a}></bantin-news-list>
      <bantin-news-list feed=${b}></bantin-news-list>
    </div>`);
    const [el, other] = [...wrap.querySelectorAll('bantin-news-list')];
    await Promise.all([ready(el), ready(other)]);
    expect(titles(el)).to.deep.equal(['Tin a1', 'Tin a2']);
    el.feed = b;
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Tin b1', 'Tin b2']);
  });

  it('breaks ties in publication time by feed order', async () => {
    const same = '2017-03-01T08:00:00+07:00';
    const url = await mockFeed(uniqueId(), {
      body: feedJson([
        item('a', { date_published: same }),
        item('b', { date_published: same }),
        item('c', { date_published: same }),
        item('d', { date_published: same }),
      ]),
    });
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <bantin-news-list feed=${url} relative-to="b" direction="newer"></bantin-news-list>
      <bantin-news-list feed=${url} relative-to="b" direction="older"></bantin-news-list>
    </div>`);
    const [newer, older] = [...wrap.querySelectorAll('bantin-news-list')];
    await ready(newer);
    await ready(older);
    expect(titles(newer)).to.deep.equal(['Tin a']);
    expect(titles(older)).to.deep.equal(['Tin c', 'Tin d']);
  });

  it('follows the <bantin-article> on the page, and its changes', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <bantin-article feed=${DEMO} article-id="5142"></bantin-article>
      <bantin-news-list feed=${DEMO} direction="older" limit="2"></bantin-news-list>
    </div>`);
    const list = wrap.querySelector('bantin-news-list')!;
    await until(() => hrefIds(list)[0] === '5141', 10_000, 'older than 5142');
    wrap.querySelector<BantinArticle>('bantin-article')!.articleId = '5150';
    await until(() => hrefIds(list)[0] === '5149', 10_000, 'older than 5150');
    expect(hrefIds(list)).to.deep.equal(['5149', '5148']);
  });

  it('follows the page URL ?id= when there is no article element', async () => {
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}?id=5157`);
    try {
      const el = await fixture<BantinNewsList>(html`<bantin-news-list feed=${DEMO} direction="newer" limit="2"></bantin-news-list>`);
      await ready(el);
      expect(hrefIds(el)).to.deep.equal(['5158', '5159']);
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('"Xem tiếp" shows the next items, loads the next page only when the loaded ones run out, and moves focus', async () => {
    const { url, page2 } = await twoPageDemo();
    const el = await fixture<BantinNewsList>(html`<bantin-news-list feed=${url} limit="10"></bantin-news-list>`);
    await ready(el);
    expect(links(el)).to.have.length(10);
    for (const expected of [20, 30]) {
      moreButton(el)!.click();
      await until(() => links(el).length === expected, 5000, `${expected} items`);
      expect(root(el).activeElement).to.equal(links(el)[expected - 10]);
    }
    expect((await mockRequests(page2)).length).to.equal(0);
    moreButton(el)!.click();
    await until(() => links(el).length === 40, 10_000, '40 items');
    expect((await mockRequests(page2)).length).to.equal(1);
    expect(root(el).activeElement).to.equal(links(el)[30]);
    expect(hrefIds(el)[30]).to.equal('5131');
    moreButton(el)!.click();
    await until(() => links(el).length === 46, 10_000, 'all 46 items');
    expect(moreButton(el)).to.equal(null);
    expect(hrefIds(el).at(-1)).to.equal('5116');
  });

  it('"Xem tiếp" clicked while another list on the feed is loading the next page still shows more', async () => {
    // The cause of a flaky demo test: the button was disabled while ANY list of the feed loaded a page,
    // so a reader's click in that moment did nothing at all.
    const { url, page2 } = await twoPageDemo({ page2DelayMs: 1500 });
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <bantin-news-list feed=${url} limit="10"></bantin-news-list>
      <bantin-news-list feed=${url} relative-to="5132" direction="older" limit="4"></bantin-news-list>
    </div>`);
    const [latest, older] = [...wrap.querySelectorAll<BantinNewsList>('bantin-news-list')];
    await ready(latest);
    // The older list reaches into page 2 on its own: the page is on its way.
    await until(async () => (await mockRequests(page2)).length === 1, 5000, 'page 2 requested');
    expect(links(older)).to.have.length(0);
    moreButton(latest)!.click();
    await until(() => links(latest).length === 20, 5000, '20 items');
    expect(root(latest).activeElement).to.equal(links(latest)[10]);
    await until(() => links(older).length === 4, 5000, 'older list filled from page 2');
    expect((await mockRequests(page2)).length).to.equal(1);
  });

  it('a next page that fails: the items stay, "Xem tiếp" says so in the reader\'s language, and a click tries again', async () => {
    const page2 = uniqueId('p2');
    const page2Url = await mockFeed(page2, { status: 404, body: 'Not Found' });
    const page1 = JSON.parse(await (await fetch(DEMO)).text());
    const url = await mockFeed(uniqueId('p1'), { body: JSON.stringify({ ...page1, next_url: page2Url }) });
    const wrap = await fixture<HTMLDivElement>(html`<div lang="vi">
      <bantin-news-list feed=${url} limit="20"></bantin-news-list>
      <bantin-news-list feed=${url} relative-to="5142" direction="newer" limit="3"></bantin-news-list>
    </div>`);
    const [el, newer] = [...wrap.querySelectorAll<BantinNewsList>('bantin-news-list')];
    await ready(el);
    moreButton(el)!.click();
    await until(() => root(el).querySelector('[part="error"]'), 5000, 'the failure at "Xem tiếp"');
    // The 30 items of page 1 stay; the list is not an error box.
    expect(links(el)).to.have.length(30);
    const error = root(el).querySelector('[part="error"]')!;
    expect(error.textContent).to.contain('Không tải được các tin tiếp theo.');
    expect(error.textContent).to.contain('Máy chủ trả lỗi 404 khi tải bản tin.');
    expect(moreButton(el)!.textContent!.trim()).to.equal('Xem tiếp');
    // Another list of the feed, which needs no later page (newer items are all on page 1), says nothing of it.
    expect(root(newer).querySelector('[part="error"]')?.textContent ?? null).to.equal(null);
    expect(links(newer)).to.have.length(3);

    // The page is back: one click loads it, shows the next items and clears the message.
    await mockFeed(page2, { file: 'demo/feed-2.json' });
    moreButton(el)!.click();
    await until(() => links(el).length === 40, 5000, '40 items');
    expect(root(el).querySelector('[part="error"]')?.textContent ?? null).to.equal(null);
    expect((await mockRequests(page2)).length).to.equal(2);
  });

  it('says a failed next page in English on an English page', async () => {
    const url = await mockFeed(uniqueId('p1'), { body: feedJson([item(1), item(2)], { next_url: await mockFeed(uniqueId('p2'), { drop: true }) }) });
    const el = await fixture<BantinNewsList>(html`<bantin-news-list lang="en" feed=${url} limit="1"></bantin-news-list>`);
    await ready(el);
    moreButton(el)!.click();
    moreButton(el)!.click();
    await until(() => root(el).querySelector('[part="error"]'), 5000, 'the failure');
    expect(root(el).querySelector('[part="error"]')!.textContent).to.contain('Could not load more news.');
    expect(links(el)).to.have.length(2);
  });

  it('"Xem tiếp" clicked again while its page loads asks once, not twice', async () => {
    const { url, page2 } = await twoPageDemo({ page2DelayMs: 800 });
    const el = await fixture<BantinNewsList>(html`<bantin-news-list feed=${url} limit="20"></bantin-news-list>`);
    await ready(el);
    moreButton(el)!.click();
    await until(async () => (await mockRequests(page2)).length === 1, 5000, 'page 2 requested');
    expect(moreButton(el)!.getAttribute('aria-busy')).to.equal('true');
    moreButton(el)!.click();
    moreButton(el)!.click();
    await until(() => links(el).length === 40, 5000, '40 items');
    expect(links(el)).to.have.length(40);
    expect((await mockRequests(page2)).length).to.equal(1);
  });

  it('an older list reaches into the next page on its own when the first runs out', async () => {
    const { url, page2 } = await twoPageDemo();
    const el = await fixture<BantinNewsList>(html`<bantin-news-list feed=${url} relative-to="5134" direction="older" limit="4"></bantin-news-list>`);
    await until(() => links(el).length === 4, 10_000, '4 items');
    expect(hrefIds(el)).to.deep.equal(['5133', '5132', '5131', '5130']);
    expect((await mockRequests(page2)).length).to.equal(1);
  });

  it('date filters by the day in Asia/Ho_Chi_Minh, even with the browser in Los Angeles', async () => {
    await executeServerCommand('emulate-timezone', { timeZone: 'America/Los_Angeles' });
    const url = await mockFeed(uniqueId(), {
      body: feedJson([
        item('late', { date_published: '2017-02-28T00:30:00+07:00' }),
        item('seed', { date_published: '2017-02-27T13:35:00+07:00' }),
        item('early', { date_published: '2017-02-27T00:10:00+07:00' }),
        item('before', { date_published: '2017-02-26T23:50:00+07:00' }),
      ]),
    });
    const el = await fixture<BantinNewsList>(html`<bantin-news-list feed=${url} date="2017-02-27"></bantin-news-list>`);
    await ready(el);
    expect(titles(el)).to.deep.equal(['Tin seed', 'Tin early']);
    el.date = '2017-02-28';
    await until(() => titles(el).join() === 'Tin late', 5000, 'the 28th');
    // In UTC, the 28th's 00:30 (+07:00) is still the 27th.
    el.timeZone = 'UTC';
    el.date = '2017-02-27';
    await until(() => titles(el).join() === 'Tin late,Tin seed', 5000, 'UTC day');
  });

  it('shows the demo feed\'s two items of 27/02/2017, and says when a day has none', async () => {
    const el = await fixture<BantinNewsList>(html`<bantin-news-list feed=${DEMO} date="2017-02-27"></bantin-news-list>`);
    await ready(el);
    expect(hrefIds(el)).to.deep.equal(['5142', '5141']);
    el.date = '2017-02-26';
    await until(() => root(el).querySelector('[part="empty"]'), 5000, 'empty');
    expect(root(el).querySelector('[part="empty"]')!.textContent!.trim()).to.equal('Không có tin ngày 26/02/2017');
  });

  it('the clear button removes the day filter and fires change', async () => {
    const changes: unknown[] = [];
    const el = await fixture<BantinNewsList>(
      html`<bantin-news-list feed=${DEMO} date="2017-02-27" @change=${(e: CustomEvent) => changes.push(e.detail)}></bantin-news-list>`,
    );
    await ready(el);
    root(el).querySelector<HTMLButtonElement>('[part="clear"]')!.click();
    await until(() => links(el).length === 10, 5000, 'unfiltered');
    expect(el.hasAttribute('date')).to.equal(false);
    // The date picker's `change` shape, and the old name for one release.
    expect(changes).to.deep.equal([{ value: null, date: null }]);
  });

  it('filters by category, case and composition aside', async () => {
    const el = await fixture<BantinNewsList>(html`<bantin-news-list feed=${DEMO} category="kinh tế" limit="3"></bantin-news-list>`);
    await ready(el);
    expect(hrefIds(el)).to.deep.equal(['5156', '5150', '5144']);
  });

  it('says "Chưa có tin" for an empty feed, and speaks English', async () => {
    const url = await mockFeed(uniqueId(), { body: feedJson([]) });
    const el = await fixture<BantinNewsList>(html`<bantin-news-list feed=${url}></bantin-news-list>`);
    await ready(el);
    expect(root(el).querySelector('[part="empty"]')!.textContent!.trim()).to.equal('Chưa có tin');
    el.lang = 'en';
    await until(() => heading(el) === 'LATEST NEWS', 5000, 'English');
    expect(root(el).querySelector('[part="empty"]')!.textContent!.trim()).to.equal('No news yet');
  });

  it('links items without a url to this page with ?id=, and the summary layout adds image and summary', async () => {
    const url = await mockFeed(uniqueId(), {
      body: feedJson([
        item('no-url', { summary: 'Tóm tắt <b>không</b> phải HTML', image: 'https://img.example/a.jpg' }),
        item('with-url', { url: 'https://quan5.example.vn/tin/1', summary: 'Hai' }),
      ]),
    });
    const el = await fixture<BantinNewsList>(html`<bantin-news-list feed=${url} layout="summary" heading="Tin nổi bật"></bantin-news-list>`);
    await ready(el);
    expect(heading(el)).to.equal('Tin nổi bật');
    const [a, b] = links(el);
    expect(new URL(a.href).pathname).to.equal(location.pathname);
    expect(new URL(a.href).searchParams.get('id')).to.equal('no-url');
    expect(b.href).to.equal('https://quan5.example.vn/tin/1');
    const summary = root(el).querySelector('[part="summary"]')!;
    expect(summary.textContent).to.equal('Tóm tắt <b>không</b> phải HTML');
    expect(summary.children).to.have.length(0);
    expect(root(el).querySelector<HTMLImageElement>('[part="image"]')!.src).to.equal('https://img.example/a.jpg');
  });

  it('a title with a bidi override cannot reverse the date printed after it', async () => {
    const url = await mockFeed(uniqueId(), {
      body: feedJson([item(1, { title: 'Tin \u202Eđảo ngược', date_published: '2017-06-15T08:00:00+07:00' })]),
    });
    const el = await fixture<BantinNewsList>(html`<bantin-news-list feed=${url}></bantin-news-list>`);
    await ready(el);
    expect(titles(el)).to.deep.equal(['Tin \u202Eđảo ngược']);
    const time = root(el).querySelector('[part="date"]')!;
    const text = [...time.childNodes].find((n): n is Text => n.nodeType === Node.TEXT_NODE && !!n.textContent!.trim())!;
    expect(text.data).to.equal('15/06/2017');
    // Where each character lands on screen: left to right, as written.
    const xs = [...text.data].map((_, i) => {
      const r = document.createRange();
      r.setStart(text, i);
      r.setEnd(text, i + 1);
      return r.getBoundingClientRect().left;
    });
    for (let i = 1; i < xs.length; i++) expect(xs[i], `character ${i} of ${text.data}`).to.be.above(xs[i - 1]);
  });

  it('is a semantic list', async () => {
    const el = await fixture<BantinNewsList>(html`<bantin-news-list feed=${DEMO} limit="3"></bantin-news-list>`);
    await ready(el);
    const section = root(el).querySelector('section')!;
    expect(section.getAttribute('aria-labelledby')).to.equal('heading');
    expect(root(el).querySelector('h2')!.textContent!.trim()).to.equal('TIN MỚI');
    expect(root(el).querySelectorAll('ul > li')).to.have.length(3);
    expect(root(el).querySelectorAll('li time[datetime]')).to.have.length(3);
  });

  it('a list of 10 renders from the cache on the next visit without shifting the page', async () => {
    const url = await mockFeed(uniqueId(), { file: 'demo/feed.json' });
    const markup = `<bantin-news-list feed="${url}" limit="10"></bantin-news-list>`;
    const first = await loadPage(markup);
    const list1 = first.doc.querySelector('bantin-news-list')!;
    await until(() => links(list1).length === 10, 10_000, 'first visit');
    await new Promise((r) => setTimeout(r, 300));
    first.frame.remove();
    const second = await loadPage(markup);
    const list2 = second.doc.querySelector('bantin-news-list')!;
    // The list first showed its placeholder, then the cached items arrived …
    expect(second.win.__loadingState.html).to.contain('part="skeleton"');
    await until(() => links(list2).length === 10, 10_000, 'second visit');
    // … and the content below it did not move.
    const belowTop = second.doc.getElementById('below')!.getBoundingClientRect().top;
    expect(belowTop).to.be.closeTo(second.win.__loadingState.belowTop, 0.01);
    second.frame.remove();
  });

  describe('accessibility (axe)', () => {
    it('loaded, with a day filter', async () => {
      const el = await fixture<BantinNewsList>(html`<bantin-news-list feed=${DEMO} date="2017-02-27"></bantin-news-list>`);
      await ready(el);
      await expect(el).to.be.accessible();
    });
    it('loading', async () => {
      const url = await mockFeed(uniqueId(), { body: feedJson([item(1)]), delayMs: 3000 });
      const el = await fixture<BantinNewsList>(html`<bantin-news-list feed=${url}></bantin-news-list>`);
      expect(root(el).querySelector('[part="skeleton"]')).to.exist;
      await expect(el).to.be.accessible();
    });
    it('error', async () => {
      const url = await mockFeed(uniqueId(), { drop: true });
      const el = await fixture<BantinNewsList>(html`<bantin-news-list feed=${url}></bantin-news-list>`);
      await until(() => root(el).querySelector('[part="error"]'), 10_000, 'error');
      await expect(el).to.be.accessible();
    });
    it('with "Xem tiếp"', async () => {
      const el = await fixture<BantinNewsList>(html`<bantin-news-list feed=${DEMO} layout="summary" limit="4"></bantin-news-list>`);
      await ready(el);
      expect(moreButton(el)).to.exist;
      await expect(el).to.be.accessible();
    });
  });
});
