import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/entries/article.js';
import { sanitizerChoice } from '../../src/elements/sanitize.js';
import type { BantinArticle } from '../../src/elements/article.js';
import { mockFeed, mockRequests, uniqueId, feedJson, item } from '../support/mock.js';
import { until } from '../support/until.js';
import { loadPage } from '../support/frames.js';
import { HOSTILE_HTML, HOSTILE_FIELDS } from '../fixtures/xss-payloads.js';
import { directEndpoint, proxyEndpoint, serviceCount, serviceHit } from '../support/counter.js';

const DEMO = new URL('/demo/feed.json', location.href).href;
const SEED_TITLE = 'Hội nghị Ban Chấp hành Đảng bộ Quận khóa XI';

const shadow = (el: Element) => el.shadowRoot!;
const part = (el: Element, name: string) => shadow(el).querySelector(`[part~="${name}"]`);
const partText = (el: Element, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
/** Resolves once the article and its sanitized body are on screen. */
const shown = (el: BantinArticle) =>
  until(() => part(el, 'article') && !part(el, 'body')!.querySelector('.skeleton-line') && el, 10_000, 'article shown');

describe('<bantin-article>', () => {
  after(() => executeServerCommand('emulate-timezone', { timeZone: '' }));

  it('renders the seed article as the portal does, whatever the browser time zone', async () => {
    await executeServerCommand('emulate-timezone', { timeZone: 'America/New_York' });
    const el = await fixture<BantinArticle>(html`<bantin-article feed=${DEMO} article-id="5142"></bantin-article>`);
    await shown(el);
    expect(partText(el, 'category')).to.equal('Tin tức sự kiện');
    expect(partText(el, 'date')).to.equal('27 Tháng Hai 2017 1:35:00 CH');
    expect(part(el, 'date')!.getAttribute('datetime')).to.equal('2017-02-27T06:35:00.000Z');
    const title = part(el, 'title')!;
    expect(title.localName).to.equal('h1');
    expect(title.textContent).to.equal(SEED_TITLE);
    const paragraphs = [...part(el, 'body')!.querySelectorAll('p')].map((p) => p.textContent!);
    expect(paragraphs).to.have.length(5);
    expect(paragraphs[0]).to.match(/^Ngày 22 tháng 02 năm 2017, Quận ủy Quận 5 đã tổ chức Hội nghị/);
    expect(paragraphs[4]).to.contain('trong sạch vững mạnh');
    expect(partText(el, 'views')).to.equal('Số lượt người xem: 770');
    // The seed's "Video demo": a native player with its title.
    const figure = part(el, 'attachment')!;
    const video = figure.querySelector('video')!;
    expect(video.controls).to.equal(true);
    expect(video.src).to.equal(new URL('/demo/video/video-demo.webm', location.href).href);
    expect(figure.querySelector('figcaption')!.textContent).to.equal('Video demo');
  });

  it('speaks English when the page does', async () => {
    const el = await fixture<BantinArticle>(html`<div lang="en"><bantin-article feed=${DEMO} article-id="5142"></bantin-article></div>`);
    const article = el.querySelector('bantin-article')!;
    await shown(article);
    expect(partText(article, 'views')).to.equal('Views: 770');
    expect(partText(article, 'date')).to.equal('February 27, 2017 1:35:00 PM');
  });

  it('reads the article id from the page URL parameter named by id-param', async () => {
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}?ItemID=5141`);
    try {
      const el = await fixture<BantinArticle>(html`<bantin-article feed=${DEMO} id-param="ItemID" heading-level="2"></bantin-article>`);
      await shown(el);
      expect(part(el, 'title')!.localName).to.equal('h2');
      expect(part(el, 'title')!.textContent).to.equal('Họp mặt kỷ niệm 62 năm Ngày Thầy thuốc Việt Nam');
      expect(el.currentId).to.equal('5141');
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('finds an older article on the next page of the feed', async () => {
    const id2 = uniqueId('p2');
    const page2 = await mockFeed(id2, { file: 'demo/feed-2.json' });
    const page1 = JSON.parse(await (await fetch(DEMO)).text());
    const url = await mockFeed(uniqueId('p1'), { body: JSON.stringify({ ...page1, next_url: page2 }) });
    const el = await fixture<BantinArticle>(html`<bantin-article feed=${url} article-id="5120"></bantin-article>`);
    await shown(el);
    expect(part(el, 'title')!.textContent).to.equal('Tuần lễ hàng Việt tại Trung tâm Văn hóa Quận 5');
    expect((await mockRequests(id2)).length).to.equal(1);
  });

  it('keeps loading next pages until the article turns up: page 3 of a paged archive, skeleton meanwhile', async () => {
    const ids = [uniqueId('a1'), uniqueId('a2'), uniqueId('a3')];
    const urls = ids.map((id) => new URL(`/mock/${encodeURIComponent(id)}`, location.href).href);
    await mockFeed(ids[2], { body: feedJson([item('p3-1', { title: 'Bài ở trang 3', date_published: '2016-01-01T08:00:00+07:00' })]), delayMs: 50 });
    await mockFeed(ids[1], { body: feedJson([item('p2-1', { date_published: '2016-06-01T08:00:00+07:00' })], { next_url: urls[2] }), delayMs: 50 });
    await mockFeed(ids[0], { body: feedJson([item('p1-1')], { next_url: urls[1] }) });
    const el = await fixture<BantinArticle>(html`<bantin-article feed=${urls[0]} article-id="p3-1"></bantin-article>`);
    let sawNotFound = false;
    let sawSkeleton = false;
    await until(() => {
      sawNotFound ||= !!part(el, 'not-found');
      sawSkeleton ||= !!part(el, 'skeleton');
      return part(el, 'title');
    }, 10_000, 'the article from page 3');
    expect(sawNotFound).to.equal(false);
    expect(sawSkeleton).to.equal(true);
    expect(part(el, 'title')!.textContent).to.equal('Bài ở trang 3');
    expect((await mockRequests(ids[2])).length).to.equal(1);
  });

  it('gives up after a cap of pages and says "not found"', async () => {
    const n = 45;
    const ids = Array.from({ length: n }, () => uniqueId('chain'));
    const urls = ids.map((id) => new URL(`/mock/${encodeURIComponent(id)}`, location.href).href);
    // An endless-looking archive: every page points at a new one.
    await Promise.all(ids.map((id, i) => mockFeed(id, { body: feedJson([item(`c${i}`)], { next_url: urls[i + 1] ?? `${urls[i]}?more` }) })));
    const el = await fixture<BantinArticle>(html`<bantin-article feed=${urls[0]} article-id="khong-co"></bantin-article>`);
    await until(() => part(el, 'not-found'), 15_000, 'not found after the cap');
    const fetched = (await Promise.all(ids.map((id) => mockRequests(id)))).filter((r) => r.length).length;
    expect(fetched).to.be.at.least(20);
    expect(fetched).to.be.below(n);
  });

  it('a next page that fails while looking shows the error with retry, and retry goes on looking', async () => {
    const p2 = uniqueId('fail2');
    const p2url = await mockFeed(p2, { status: 503, body: 'busy' });
    const url = await mockFeed(uniqueId('fail1'), { body: feedJson([item('f1')], { next_url: p2url }) });
    const el = await fixture<BantinArticle>(html`<bantin-article feed=${url} article-id="f2"></bantin-article>`);
    await until(() => part(el, 'retry'), 10_000, 'error with retry');
    expect(part(el, 'not-found')).to.equal(null);
    await mockFeed(p2, { body: feedJson([item('f2', { title: 'Tìm thấy' })]) });
    (part(el, 'retry') as HTMLButtonElement).click();
    await shown(el);
    expect(part(el, 'title')!.textContent).to.equal('Tìm thấy');
  });

  it('names an attachment whose URL has non-UTF-8 escapes, instead of throwing and sticking on the skeleton', async () => {
    const uncaught: string[] = [];
    const onError = (e: ErrorEvent) => uncaught.push(String(e.message));
    const onRejection = (e: PromiseRejectionEvent) => uncaught.push(String(e.reason));
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    try {
      const url = await mockFeed(uniqueId(), {
        body: feedJson([item(1, { attachments: [{ url: '/files/Th%F4ng%20b%E1o.pdf', mime_type: 'application/pdf' }] })]),
      });
      const el = await fixture<BantinArticle>(html`<bantin-article feed=${url} article-id="1"></bantin-article>`);
      await shown(el);
      const link = part(el, 'attachment') as HTMLAnchorElement;
      // Not UTF-8: read as windows-1252, as old Vietnamese servers meant it.
      expect(link.textContent!.trim()).to.equal('Tải về: Thông báo.pdf');
      expect(link.href).to.equal(new URL('/files/Th%F4ng%20b%E1o.pdf', location.href).href);
      expect(uncaught).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    }
  });

  it('an attachment title with a bidi override cannot reverse the size printed after it', async () => {
    const url = await mockFeed(uniqueId(), {
      body: feedJson([item(1, { attachments: [{ url: '/f.pdf', mime_type: 'application/pdf', title: 'Kế hoạch \u202Eđảo', size_in_bytes: 1234567 }] })]),
    });
    const el = await fixture<BantinArticle>(html`<bantin-article feed=${url} article-id="1"></bantin-article>`);
    await shown(el);
    const link = part(el, 'attachment')!;
    const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
    let size: Text | null = null;
    while (walker.nextNode()) if ((walker.currentNode as Text).data.includes('1,2 MB')) size = walker.currentNode as Text;
    const start = size!.data.indexOf('(');
    const xs = [...'(1,2 MB)'].map((_, i) => {
      const r = document.createRange();
      r.setStart(size!, start + i);
      r.setEnd(size!, start + i + 1);
      return r.getBoundingClientRect().left;
    });
    for (let i = 1; i < xs.length; i++) expect(xs[i], `character ${i} of (1,2 MB)`).to.be.above(xs[i - 1]);
  });

  it('keeps video embeds from the iframe-origins allowlist only (YouTube and Vimeo by default)', async () => {
    const body = [
      '<iframe src="https://www.youtube.com/embed/abc"></iframe>',
      '<iframe src="https://player.vimeo.com/video/1"></iframe>',
      '<iframe src="https://evil.example/embed"></iframe>',
      '<iframe src="https://video.quan5.example.vn/v/1"></iframe>',
    ].join('');
    const url = await mockFeed(uniqueId(), { body: feedJson([item(1, { content_html: `<p>x</p>${body}` })]) });
    const srcs = (el: BantinArticle) => [...part(el, 'body')!.querySelectorAll('iframe')].map((f) => new URL(f.src).host);
    const byDefault = await fixture<BantinArticle>(html`<bantin-article feed=${url} article-id="1"></bantin-article>`);
    await shown(byDefault);
    expect(srcs(byDefault)).to.deep.equal(['www.youtube.com', 'player.vimeo.com']);
    const own = await fixture<BantinArticle>(
      html`<bantin-article feed=${url} article-id="1" iframe-origins="https://video.quan5.example.vn"></bantin-article>`,
    );
    await shown(own);
    expect(srcs(own)).to.deep.equal(['video.quan5.example.vn']);
    // A page's own player origin is not known to need its storage: no allow-same-origin.
    expect(part(own, 'body')!.querySelector('iframe')!.getAttribute('sandbox')).to.equal('allow-scripts allow-popups allow-presentation');
  });

  it('says so when the article does not exist, linking to the news home page', async () => {
    const el = await fixture<BantinArticle>(html`<bantin-article feed=${DEMO} article-id="khong-co"></bantin-article>`);
    await until(() => part(el, 'not-found'), 10_000, 'not found');
    expect(partText(el, 'not-found')).to.contain('Không tìm thấy bài viết');
    expect(part(el, 'not-found')!.querySelector('a')!.href).to.equal(new URL('/', location.href).href);
  });

  it('shows the error with a retry button, and retry recovers', async () => {
    const id = uniqueId();
    const url = await mockFeed(id, { status: 500, body: 'oops' });
    const errors: string[] = [];
    const el = await fixture<BantinArticle>(
      html`<bantin-article feed=${url} article-id="1" @bantin-error=${(e: CustomEvent) => errors.push(e.detail.error.code)}></bantin-article>`,
    );
    await until(() => part(el, 'error'), 10_000, 'error');
    expect(partText(el, 'error')).to.contain('Máy chủ trả lỗi 500');
    expect(errors).to.deep.equal(['http']);
    await mockFeed(id, { body: feedJson([item(1, { title: 'Đã sửa' })]) });
    (part(el, 'retry') as HTMLButtonElement).click();
    await shown(el);
    expect(part(el, 'title')!.textContent).to.equal('Đã sửa');
  });

  it('shows a skeleton and the light-DOM fallback while loading, then only the article', async () => {
    const url = await mockFeed(uniqueId(), { body: feedJson([item(1)]), delayMs: 400 });
    const loads: unknown[] = [];
    const el = await fixture<BantinArticle>(
      html`<bantin-article feed=${url} article-id="1" @bantin-load=${(e: Event) => loads.push(e)}><a href="/tin-tuc">Tin tức</a></bantin-article>`,
    );
    const skeleton = part(el, 'skeleton') as HTMLElement;
    expect(skeleton).to.exist;
    expect(skeleton.getBoundingClientRect().height).to.be.above(100);
    const slot = shadow(el).querySelector('slot')!;
    expect(slot.assignedElements()[0].textContent).to.equal('Tin tức');
    expect(el.querySelector('a')!.getBoundingClientRect().height).to.be.above(0);
    await shown(el);
    expect(shadow(el).querySelector('slot')).to.equal(null);
    expect(el.querySelector('a')!.getBoundingClientRect().height).to.equal(0);
    expect(loads).to.have.length(1);
  });

  it('marks a cached copy the network could not confirm as possibly out of date', async () => {
    const id = uniqueId();
    const url = await mockFeed(id, { body: feedJson([item(1, { title: 'Bản đã lưu' })]) });
    const markup = `<bantin-article feed="${url}" article-id="1"></bantin-article>`;
    const first = await loadPage(markup);
    await until(() => first.doc.querySelector('bantin-article')!.shadowRoot!.querySelector('[part="article"]'), 10_000, 'first visit');
    await new Promise((r) => setTimeout(r, 300)); // let the cache write finish
    first.frame.remove();
    await mockFeed(id, { drop: true });
    const second = await loadPage(markup);
    const el = second.doc.querySelector('bantin-article')!;
    await until(() => part(el, 'stale'), 10_000, 'stale note');
    expect(partText(el, 'title')).to.equal('Bản đã lưu');
    expect(partText(el, 'stale')).to.contain('có thể chưa cập nhật');
    second.frame.remove();
  });

  it('on the next visit, its placeholder has the article\'s height: nothing below moves when the cache answers', async () => {
    const url = await mockFeed(uniqueId(), { file: 'demo/feed.json' });
    const markup = `<bantin-article feed="${url}" article-id="5142"><a href="/">Tin tức</a></bantin-article>`;
    const first = await loadPage(markup);
    await until(() => first.doc.querySelector('bantin-article')!.shadowRoot!.querySelector('[part="body"] p'), 10_000, 'first visit');
    await new Promise((r) => setTimeout(r, 300));
    first.frame.remove();
    const second = await loadPage(markup);
    expect(second.win.__loadingState.html).to.contain('part="skeleton"');
    const el = second.doc.querySelector('bantin-article')!;
    await until(() => part(el, 'body')?.querySelector('p'), 10_000, 'second visit');
    const belowTop = second.doc.getElementById('below')!.getBoundingClientRect().top;
    expect(belowTop).to.be.closeTo(second.win.__loadingState.belowTop, 0.01);
    second.frame.remove();
  });

  it('renders content_text as paragraphs and other attachments as download links with their size', async () => {
    const url = await mockFeed(uniqueId(), {
      body: feedJson([
        item(1, {
          content_html: undefined,
          content_text: 'Đoạn một,\ndòng hai.\n\nĐoạn hai.',
          attachments: [
            { url: '/files/ke-hoach.pdf', mime_type: 'application/pdf', title: 'Kế hoạch 48-KH/QU', size_in_bytes: 1234567 },
            { url: '/files/ban-tin.mp3', mime_type: 'audio/mpeg', title: 'Bản tin phát thanh' },
          ],
        }),
      ]),
    });
    const el = await fixture<BantinArticle>(html`<bantin-article feed=${url} article-id="1"></bantin-article>`);
    await shown(el);
    const ps = [...part(el, 'body')!.querySelectorAll('p')];
    expect(ps.map((p) => p.textContent)).to.deep.equal(['Đoạn một,dòng hai.', 'Đoạn hai.']);
    expect(ps[0].querySelectorAll('br')).to.have.length(1);
    const [pdf, audio] = [...shadow(el).querySelectorAll('[part="attachment"]')];
    expect(pdf.textContent!.trim()).to.equal('Tải về: Kế hoạch 48-KH/QU (1,2 MB)');
    expect((pdf as HTMLAnchorElement).href).to.equal(new URL('/files/ke-hoach.pdf', location.href).href);
    expect(audio.querySelector('audio')!.controls).to.equal(true);
    expect(audio.querySelector('figcaption')!.textContent).to.equal('Bản tin phát thanh');
    expect(part(el, 'views')).to.equal(null);
  });

  it('update-title sets the document title', async () => {
    const before = document.title;
    const el = await fixture<BantinArticle>(html`<bantin-article feed=${DEMO} article-id="5142" update-title></bantin-article>`);
    await shown(el);
    expect(document.title).to.equal(SEED_TITLE);
    document.title = before;
  });

  it('without an id anywhere, shows the newest article', async () => {
    const el = await fixture<BantinArticle>(html`<bantin-article feed=${DEMO}></bantin-article>`);
    await shown(el);
    expect(part(el, 'title')!.textContent).to.equal('Quận 5 tổng kết đợt cao điểm ra quân lập lại trật tự lòng lề đường');
  });

  it('switched to another feed already loaded on the page, shows that feed\'s title and body, not the old body', async () => {
    const a = await mockFeed(uniqueId('a'), { body: feedJson([item('a1', { title: 'Tin A', content_html: '<p>Nội dung bản tin A</p>' })]) });
    const b = await mockFeed(uniqueId('b'), {
      body: feedJson([item('b1', { title: 'Tin B', content_html: '<p>Nội dung bản tin B</p>' }), item('b2', { date_published: '2017-02-26T08:00:00+07:00' })]),
    });
    const wrap = await fixture(html`<div>
      <bantin-article feed=${a}></bantin-article>
      <bantin-article feed=${b}></bantin-article>
    </div>`);
    const [el, other] = [...wrap.querySelectorAll('bantin-article')];
    await Promise.all([shown(el), shown(other)]);
    expect(partText(el, 'body')).to.equal('Nội dung bản tin A');
    el.feed = b;
    await el.updateComplete;
    // The feed is in memory: the new title is there after this one update, and never over the old body.
    expect(partText(el, 'title')).to.equal('Tin B');
    expect(partText(el, 'body')).to.not.equal('Nội dung bản tin A');
    await shown(el);
    expect(partText(el, 'body')).to.equal('Nội dung bản tin B');
    // The same for another article of that feed.
    el.articleId = 'b2';
    await el.updateComplete;
    expect(partText(el, 'title')).to.equal('Tin b2');
    expect(partText(el, 'body')).to.not.equal('Nội dung bản tin B');
    await shown(el);
    expect(partText(el, 'body')).to.equal('Nội dung b2');
  });

  it('switched to a feed with the same article and body at another address, resolves the body\'s links against the new address', async () => {
    const body = '<p><a href="anh/1.html">Ảnh</a></p>';
    const a = await mockFeed(uniqueId('a'), { body: feedJson([item('same', { url: 'https://a.example/tin/1.html', content_html: body })]) });
    const b = await mockFeed(uniqueId('b'), { body: feedJson([item('same', { url: 'https://b.example/tin/1.html', content_html: body })]) });
    const el = await fixture<BantinArticle>(html`<bantin-article feed=${a} article-id="same"></bantin-article>`);
    const link = () => el.shadowRoot!.querySelector<HTMLAnchorElement>('[part~="body"] a')?.href;
    await until(() => link() === 'https://a.example/tin/anh/1.html', 5000, 'the link on a.example');
    el.feed = b;
    await until(() => link() === 'https://b.example/tin/anh/1.html', 5000, 'the link on b.example');
  });

  describe('with counter-endpoint', () => {
    const viewsText = (el: Element) => partText(el, 'views');

    it('records one view per browser session under article:<id> and shows the service\'s count', async () => {
      const id = uniqueId('bai');
      const url = await mockFeed(uniqueId(), { body: feedJson([item(id, { _bantin: { views: 770 } })]) });
      const endpoint = await directEndpoint();
      // Two readers before us.
      await serviceHit(`article:${id}`);
      await serviceHit(`article:${id}`);
      const el = await fixture<BantinArticle>(html`<bantin-article feed=${url} article-id=${id} counter-endpoint=${endpoint}></bantin-article>`);
      await until(() => viewsText(el) === 'Số lượt người xem: 3', 10_000, 'three views');
      // The same reader again in this session (another article element, a reload): not counted again.
      const again = await fixture<BantinArticle>(html`<bantin-article feed=${url} article-id=${id} counter-endpoint=${endpoint}></bantin-article>`);
      await until(() => viewsText(again) === 'Số lượt người xem: 3', 10_000, 'still three');
      expect(await serviceCount(`article:${id}`)).to.equal(3);
    });

    it('another article counts under its own key', async () => {
      const a = uniqueId('a');
      const b = uniqueId('b');
      const url = await mockFeed(uniqueId(), { body: feedJson([item(a), item(b)]) });
      const endpoint = await directEndpoint();
      const el = await fixture<BantinArticle>(html`<bantin-article feed=${url} article-id=${a} counter-endpoint=${endpoint}></bantin-article>`);
      await until(() => viewsText(el) === 'Số lượt người xem: 1', 10_000, 'a counted');
      el.articleId = b;
      await until(() => viewsText(el) === 'Số lượt người xem: 1' && partText(el, 'title') === `Tin ${b}`, 10_000, 'b counted');
      expect(await serviceCount(`article:${a}`)).to.equal(1);
      expect(await serviceCount(`article:${b}`)).to.equal(1);
    });

    it('with the service down and nothing known, falls back to _bantin.views and reports the error', async () => {
      const id = uniqueId('bai');
      const url = await mockFeed(uniqueId(), { body: feedJson([item(id, { _bantin: { views: 770 } })]) });
      const endpoint = await proxyEndpoint(uniqueId('dead'), { down: true });
      const errors: string[] = [];
      const el = await fixture<BantinArticle>(
        html`<bantin-article feed=${url} article-id=${id} counter-endpoint=${endpoint} @bantin-error=${(e: CustomEvent) => errors.push(e.detail.error.code)}></bantin-article>`,
      );
      await until(() => viewsText(el) === 'Số lượt người xem: 770', 10_000, 'feed views');
      expect(errors).to.deep.equal(['network']);
      expect(partText(el, 'title')).to.equal(`Tin ${id}`);
    });
  });

  describe('accessibility (axe)', () => {
    it('loaded', async () => {
      const el = await fixture<BantinArticle>(html`<bantin-article feed=${DEMO} article-id="5142"></bantin-article>`);
      await shown(el);
      await expect(el).to.be.accessible();
    });
    it('loading', async () => {
      const url = await mockFeed(uniqueId(), { body: feedJson([item(1)]), delayMs: 3000 });
      const el = await fixture<BantinArticle>(html`<bantin-article feed=${url} article-id="1"></bantin-article>`);
      expect(part(el, 'skeleton')).to.exist;
      await expect(el).to.be.accessible();
    });
    it('not found', async () => {
      const el = await fixture<BantinArticle>(html`<bantin-article feed=${DEMO} article-id="khong-co"></bantin-article>`);
      await until(() => part(el, 'not-found'), 10_000, 'not found');
      await expect(el).to.be.accessible();
    });
    it('error', async () => {
      const url = await mockFeed(uniqueId(), { body: '{"rss": {}}' });
      const el = await fixture<BantinArticle>(html`<bantin-article feed=${url}></bantin-article>`);
      await until(() => part(el, 'error'), 10_000, 'error');
      expect(partText(el, 'error')).to.contain('không đúng định dạng JSON Feed');
      await expect(el).to.be.accessible();
    });
  });
});

/** The same items as RSS 2.0, HTML escaped into `description` as most CMSs write it. */
function rssOf(items: Record<string, unknown>[]): string {
  const esc = (v: unknown) => String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = items
    .map((it) => `<item><guid>${esc(it.id)}</guid><title>${esc(it.title)}</title><description>${esc(it.content_html)}</description></item>`)
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Quận 5</title>${body}</channel></rss>`;
}

// The whole suite on both sanitizers: the browser's own (forced, even for bodies with embeds) and DOMPurify.
for (const path of ['platform', 'dompurify'] as const) describe(`<bantin-article> against hostile feeds (${path === 'platform' ? 'the HTML Sanitizer API' : 'DOMPurify'})`, () => {
  const fired: string[] = [];
  after(() => (sanitizerChoice.force = null));
  before(() => {
    sanitizerChoice.force = path;
    (window as unknown as { __xss: (n: string) => void }).__xss = (n: string) => fired.push(n);
  });

  async function renderAll(items: Record<string, unknown>[], rss = false): Promise<BantinArticle[]> {
    const url = await mockFeed(uniqueId('xss'), rss ? { body: rssOf(items), contentType: 'application/rss+xml' } : { body: feedJson(items) });
    const wrap = await fixture<HTMLDivElement>(html`<div>
      ${items.map((it) => html`<bantin-article feed=${url} article-id=${String(it.id)}></bantin-article>`)}
    </div>`);
    const els = [...wrap.querySelectorAll('bantin-article')];
    for (const el of els) await shown(el);
    // Give failing images, media and timers their chance to fire handlers.
    await new Promise((r) => setTimeout(r, 500));
    return els;
  }

  function dangers(root: ShadowRoot): string[] {
    const found: string[] = [];
    for (const el of root.querySelectorAll('*')) {
      const tag = el.localName;
      if (['script', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'meta', 'base', 'link', 'style', 'svg', 'math', 'template', 'noscript'].includes(tag) && el.closest('[part="body"]')) {
        found.push(`<${tag}>`);
      }
      for (const attr of el.attributes) {
        const name = attr.name.toLowerCase();
        const value = attr.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
        if (name.startsWith('on')) found.push(`${tag}[${name}]`);
        if (['srcdoc', 'formaction', 'action'].includes(name)) found.push(`${tag}[${name}]`);
        if (name === 'style' && el.closest('[part="body"]')) found.push(`${tag}[style]`);
        if (['href', 'src', 'xlink:href', 'srcset', 'data', 'poster'].includes(name) && /^(javascript|vbscript|data):/.test(value)) {
          found.push(`${tag}[${name}=${value.slice(0, 20)}]`);
        }
        if (name === 'id' && el.closest('[part="body"]') && !attr.value.startsWith('user-content-')) found.push(`${tag}#${attr.value}`);
      }
    }
    return found;
  }

  it('renders 39 hostile bodies without running any payload or keeping dangerous markup', async () => {
    const items = HOSTILE_HTML.map(([name, body], i) => item(`x${i}`, { title: name, content_html: `<p>An toàn ${i}</p>${body}` }));
    const els = await renderAll(items);
    expect(sanitizerChoice.used).to.equal(path);
    expect(fired).to.deep.equal([]);
    els.forEach((el, i) => {
      expect(dangers(el.shadowRoot!), HOSTILE_HTML[i][0]).to.deep.equal([]);
      // The harmless part of each body survives: sanitizing is not deleting everything.
      expect(part(el, 'body')!.textContent, HOSTILE_HTML[i][0]).to.contain(`An toàn ${i}`);
    });
    // The page itself is untouched: nothing clobbered, nothing hidden, no overlay.
    expect(typeof document.getElementById).to.equal('function');
    expect((window as unknown as Record<string, unknown>).__bantinClobber).to.equal(undefined);
    expect(getComputedStyle(document.body).display).to.equal('block');
    const external = els[HOSTILE_HTML.findIndex(([n]) => n === 'external link gets noopener')];
    const a = part(external, 'body')!.querySelector('a')!;
    expect(a.rel).to.equal('noopener noreferrer');
    expect(a.target).to.equal('_blank');
  });

  it('renders the same hostile bodies from an RSS feed (escaped HTML in description) just as safely', async () => {
    const items = HOSTILE_HTML.map(([name, body], i) => item(`r${i}`, { title: name, content_html: `<p>An toàn ${i}</p>${body}` }));
    const els = await renderAll(items, true);
    expect(fired).to.deep.equal([]);
    els.forEach((el, i) => {
      expect(dangers(el.shadowRoot!), HOSTILE_HTML[i][0]).to.deep.equal([]);
      expect(part(el, 'body')!.textContent, HOSTILE_HTML[i][0]).to.contain(`An toàn ${i}`);
    });
  });

  it('shows hostile titles, categories and summaries as text, and never links to javascript:', async () => {
    const [el] = await renderAll([item('f1', { ...HOSTILE_FIELDS, tags: [], _bantin: { category: HOSTILE_FIELDS.category } })]);
    expect(fired).to.deep.equal([]);
    expect(part(el, 'title')!.textContent).to.equal(HOSTILE_FIELDS.title);
    expect(part(el, 'title')!.children).to.have.length(0);
    expect(part(el, 'category')!.textContent).to.equal(HOSTILE_FIELDS.category);
    expect(part(el, 'image')).to.equal(null);
    expect(dangers(el.shadowRoot!)).to.deep.equal([]);
  });
});
