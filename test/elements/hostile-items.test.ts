// Every element, fed every hostile item shape: each data path ends, within a
// second, in content, "not found" (or an empty list), or an error with retry,
// and nothing is thrown uncaught on the way.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import { mockFeed, uniqueId } from '../support/mock.js';
import { until } from '../support/until.js';

const BIG = 'Nội dung rất dài. '.repeat(16_000); // about 300 KB
/** A long article: 300 paragraphs of about 1 KB. (One such paragraph of 1 MB is beyond Chromium: see TEXT_LIMITS.) */
const LONG_BODY = `<p>${'Nội dung rất dài. '.repeat(55)}</p>`.repeat(300);
const OK = { content_html: '<p>x</p>', date_published: '2017-02-27T13:35:00+07:00' };

/** [name, the item (or a whole document with `doc`)] */
const SHAPES: [string, { item?: unknown; doc?: unknown }][] = [
  ['malformed escapes in every URL', { item: { id: 'h1', ...OK, url: '/tin/%E0%A4%A', image: '%zz', external_url: 'http://%', attachments: [{ url: '/Th%F4ng%20b%E1o.pdf', mime_type: 'application/pdf' }, { url: '%', mime_type: 'video/mp4' }] } }],
  ['malformed escapes in the id', { item: { id: '%E0%A4%A', ...OK } }],
  ['a lone surrogate and control characters in the title', { item: { id: 'h3', ...OK, title: 'Tin \uD800 \u0000\u0007\u202E lỗi' } }],
  ['wrong types everywhere', { item: { id: 'h4', title: 123, summary: {}, content_html: '<p>x</p>', content_text: [], url: 7, image: [], date_published: '2017-02-27T13:35:00+07:00', date_modified: 5, tags: 'x', attachments: { url: 1 }, _bantin: [] } }],
  ['wrong types in required fields', { item: { id: {}, title: 'x', content_html: 5, date_published: 20170227 } }],
  ['numbers as ids, negative and huge counts', { item: { id: 42, ...OK, _bantin: { views: -1, category: {} } } }],
  ['views that are not numbers', { item: { id: 'h7', ...OK, _bantin: { views: '5', category: '' } } }],
  ['an empty object', { item: {} }],
  ['only an id', { item: { id: 'h9' } }],
  ['no title, no date', { item: { id: 'h10', content_text: 'Chỉ có chữ' } }],
  ['null, a number, an array as items', { doc: { version: 'https://jsonfeed.org/version/1.1', title: 'T', items: [null, 5, ['x'], 'tin'] } }],
  ['dates out of every range', { item: { id: 'h12', content_html: '<p>x</p>', date_published: '+275760-09-13T00:00:00Z' } }],
  ['dates that look like dates but are not', { item: { id: 'h13', content_html: '<p>x</p>', date_published: '0000-00-00T99:99:99Z' } }],
  ['year 0001', { item: { id: 'h14', content_html: '<p>x</p>', date_published: '0001-01-01T00:00:00Z' } }],
  ['attachments that are nulls, numbers and scripts', { item: { id: 'h15', ...OK, attachments: [null, 5, { url: 'javascript:alert(1)', mime_type: 'video/mp4' }, { url: 'https://x.vn/a', mime_type: 7, size_in_bytes: 'lớn', title: {} }] } }],
  ['tags that are not strings', { item: { id: 'h16', ...OK, tags: [null, 5, {}, '   '] } }],
  ['a 300 KB title, summary and category, a 300 KB body (a 1.2 MB document)', { item: { id: 'h17', title: BIG, summary: BIG, tags: [BIG], content_html: LONG_BODY, date_published: OK.date_published } }],
  ['deeply nested markup', { item: { id: 'h18', title: 'Lồng sâu', content_html: '<div>'.repeat(5000) + 'x' + '</div>'.repeat(5000), date_published: OK.date_published } }],
  ['items that is not an array', { doc: { version: 'https://jsonfeed.org/version/1.1', title: 'T', items: 'x' } }],
  ['a version that is not a string', { doc: { version: 1.1, items: [] } }],
  ['visits and next_url of the wrong type', { doc: { version: 'https://jsonfeed.org/version/1.1', title: ['T'], next_url: {}, home_page_url: '%', _bantin: { visits: 'nhiều', time_zone: 'Mars/Olympus' }, items: [{ id: 'h21', ...OK }] } }],
];

const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);

/** What each element shows once its data path has ended: content, "not found"/empty, or an error with retry. */
const SETTLED: Record<string, (el: Element) => boolean> = {
  'bantin-article': (el) =>
    (!!part(el, 'article') && !part(el, 'body')!.querySelector('.skeleton-line')) || !!part(el, 'not-found') || !!part(el, 'retry'),
  'bantin-news-list': (el) => !!part(el, 'items') || !!part(el, 'empty') || !!part(el, 'retry'),
  // The counter is quiet about feed trouble: the number, or the "unavailable" dash.
  'bantin-counter': (el) => !!part(el, 'digits') || (!!part(el, 'placeholder') && !part(el, 'placeholder')!.classList.contains('skeleton-line')),
  'bantin-date-picker': (el) => !!part(el, 'grid') && ((el as Element & { __done?: boolean }).__done === true || !!part(el, 'retry')),
  'bantin-search': (el) => !!part(el, 'results') || /kết quả/.test(part(el, 'status')?.textContent ?? '') || !!part(el, 'retry'),
};

describe('every element, every hostile item shape', () => {
  const uncaught: string[] = [];
  const onError = (e: ErrorEvent) => uncaught.push(`error: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) => uncaught.push(`unhandledrejection: ${String(e.reason)}`);
  let startUrl: string;
  before(async () => {
    // Warm up: the first page of elements loads DOMPurify, the search worker and fuse.js, once.
    const feed = await mockFeed(uniqueId('warm'), { body: JSON.stringify({ version: '1.1', items: [{ id: 'w', title: 'Tin', ...OK }] }) });
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <bantin-article feed=${feed}></bantin-article><bantin-search feed=${feed} mode="page"></bantin-search>
    </div>`);
    await until(() => part(wrap.children[0], 'article') && part(wrap.children[1], 'status'), 10_000, 'warm-up');
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    startUrl = location.href;
    // The results page searches for the URL's ?q=.
    history.replaceState(null, '', `${location.pathname}?q=tin`);
  });
  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    history.replaceState(null, "", startUrl);
  });

  // Each shape answers for its own uncaught errors.
  beforeEach(() => {
    uncaught.length = 0;
  });

  for (const [name, shape] of SHAPES) {
    it(`${name}: content, not found or an error with retry, promptly`, async () => {
      const doc = shape.doc ?? { version: 'https://jsonfeed.org/version/1.1', title: 'Quận 5', items: [shape.item] };
      const feed = await mockFeed(uniqueId('hostile'), { body: JSON.stringify(doc) });
      // Listening from the start: a feed that answers before fixture() returns has loaded already.
      const done = (e: Event) => ((e.currentTarget as Element & { __done?: boolean }).__done = true);
      const rawId = (shape.item as { id?: unknown } | undefined)?.id;
      const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : 'khong-co';
      const wrap = await fixture<HTMLDivElement>(html`<div>
        <bantin-article feed=${feed} article-id=${id}></bantin-article>
        <bantin-article feed=${feed}></bantin-article>
        <bantin-news-list feed=${feed}></bantin-news-list>
        <bantin-news-list feed=${feed} layout="summary" direction="older" relative-to=${id}></bantin-news-list>
        <bantin-counter feed=${feed}></bantin-counter>
        <bantin-date-picker feed=${feed} inline value="2017-02-27" @bantin-load=${done} @bantin-error=${done}></bantin-date-picker>
        <bantin-search feed=${feed} mode="page"></bantin-search>
      </div>`);
      const start = performance.now();
      const els = [...wrap.children];
      const at = new Map<Element, number>();
      await until(() => {
        for (const el of els) if (!at.has(el) && SETTLED[el.localName](el)) at.set(el, Math.round(performance.now() - start));
        return at.size === els.length;
      }, 5000, `${name}: every element settled`).catch((e) => {
        throw new Error(`${(e as Error).message}; still waiting: ${els.filter((el) => !at.has(el)).map((el) => el.localName).join(', ')}`);
      });
      const times = els.map((el) => `${el.localName} ${at.get(el)} ms`).join(', ');
      // About a second on a quiet machine (the feed's own round trip included); the bound is 3 s so a busy
      // 2-core CI does not fail it, and still catches the freezes this guards against (5 s and more on
      // 300 KB strings). Speed itself is measured by npm run bench -- big-feed, not here.
      expect(Math.max(...at.values()), `time to a final state (${times})`).to.be.below(3000);
      expect(uncaught).to.deep.equal([]);
    });
  }
});
