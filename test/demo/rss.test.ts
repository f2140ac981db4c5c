import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { BantinArticle } from '../../src/elements/article.js';
import type { BantinNewsList } from '../../src/elements/news-list.js';
import type { BantinDatePicker } from '../../src/elements/date-picker.js';
import type { BantinSearch } from '../../src/elements/search.js';
import { until } from '../support/until.js';

// demo/rss.html: the demo's news as RSS 2.0 (demo/rss.xml, written by scripts/demo-feed.mjs
// beside demo/feed.json). Every element must show on it what it shows on the JSON Feed.

const JSON_FEED = '/demo/feed.json';
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** demo/rss.xml as a portal serves it: a static file, its next page beside it. */
const RSS_FEED = '/demo/rss.xml';
const rssFeed = async () => RSS_FEED;

async function page(feed: string) {
  const wrap = await fixture<HTMLDivElement>(html`<div lang="vi"></div>`);
  wrap.innerHTML = `
    <bantin-article feed="${feed}" article-id="5142"></bantin-article>
    <bantin-news-list feed="${feed}" direction="older" relative-to="5142" limit="5"></bantin-news-list>
    <bantin-news-list feed="${feed}" category="Kinh tế" limit="20"></bantin-news-list>
    <bantin-date-picker feed="${feed}" value="2017-02-27" inline for="by-day"></bantin-date-picker>
    <bantin-news-list feed="${feed}" id="by-day" date="2017-02-27"></bantin-news-list>
    <bantin-search feed="${feed}"></bantin-search>`;
  const [article, older, category, picker, byDay, search] = [...wrap.children] as [
    BantinArticle, BantinNewsList, BantinNewsList, BantinDatePicker, BantinNewsList, BantinSearch,
  ];
  await until(() => $(article, '[part="title"]') && $$(older, 'li').length && $$(category, 'li').length && $$(picker, 'td[part~="day-news"]').length, 10_000, 'elements ready');
  return { wrap, article, older, category, picker, byDay, search };
}

const listTitles = (list: Element) => $$(list, 'li a').map(text);

describe('the demo on its RSS feed (demo/rss.xml)', () => {
  it('the article, the lists and the date picker show what they show on the JSON Feed', async () => {
    const rss = await page(await rssFeed());
    const json = await page(JSON_FEED);
    expect(text($(rss.article, '[part="title"]'))).to.equal('Hội nghị Ban Chấp hành Đảng bộ Quận khóa XI');
    expect(text($(rss.article, '[part="title"]'))).to.equal(text($(json.article, '[part="title"]')));
    expect(text($(rss.article, '[part="date"]'))).to.equal(text($(json.article, '[part="date"]')));
    expect(text($(rss.article, '[part="category"]'))).to.equal('Tin tức sự kiện');
    await until(() => $(rss.article, '[part="body"] p'), 10_000, 'article body');
    await until(() => $(json.article, '[part="body"] p'), 10_000, 'article body');
    expect(text($(rss.article, '[part="body"]'))).to.equal(text($(json.article, '[part="body"]')));
    // The seed's video enclosure is a player, as in the JSON Feed.
    expect($(rss.article, 'video')?.getAttribute('src')).to.match(/\/demo\/video\/video-demo\.webm$/);

    expect(listTitles(rss.older)).to.have.length(5);
    expect(listTitles(rss.older)).to.deep.equal(listTitles(json.older));
    // The category list fills itself from the next page, on each feed in its own time: compare once both settled.
    await until(() => listTitles(rss.category).length === 7 && listTitles(json.category).length === 7, 10_000, 'both category lists filled');
    expect(listTitles(rss.category)).to.deep.equal(listTitles(json.category));
    const days = (p: Element) => $$(p, 'td[part~="day-news"]').map((c) => c.dataset.day);
    expect(days(rss.picker)).to.deep.equal(days(json.picker));
    await until(() => listTitles(rss.byDay).length, 10_000, 'news of the day');
    expect(listTitles(rss.byDay)).to.deep.equal(['Hội nghị Ban Chấp hành Đảng bộ Quận khóa XI', 'Họp mặt kỷ niệm 62 năm Ngày Thầy thuốc Việt Nam']);
  });

  it('an image enclosure is the article picture, not also a download', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
    wrap.innerHTML = `<bantin-article feed="${await rssFeed()}" article-id="5160"></bantin-article>`;
    const article = wrap.firstElementChild as BantinArticle;
    await until(() => $(article, '[part="image"]'), 10_000, 'image');
    expect($(article, '[part="image"]')!.getAttribute('src')).to.match(/\/demo\/images\/tin-2\.svg$/);
    expect($(article, '[part="attachments"]')).to.equal(null);
  });

  it('"Xem tiếp" follows the RSS atom:link rel="next" to the second page', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
    wrap.innerHTML = `<bantin-news-list feed="${await rssFeed()}" limit="20"></bantin-news-list>`;
    const list = wrap.firstElementChild as BantinNewsList;
    await until(() => listTitles(list).length === 20, 10_000, 'first twenty');
    expect(listTitles(list)).to.not.include('Sơ kết học kỳ I năm học 2016–2017');
    $(list, '[part~="more"]')!.click();
    await until(() => listTitles(list).length === 40, 10_000, 'second page');
    expect(listTitles(list)).to.include('Sơ kết học kỳ I năm học 2016–2017');
  });

  it('search finds the seed article by "kiem diem" on the RSS feed', async () => {
    const { search } = await page(await rssFeed());
    const input = $(search, 'input') as HTMLInputElement;
    input.focus();
    await sendKeys({ type: 'kiem diem' });
    await until(() => $$(search, '[role="option"]').length, 15_000, 'results');
    const titles = $$(search, '[role="option"] [part="title"]').map(text);
    expect(titles.slice(0, 3)).to.include('Hội nghị Ban Chấp hành Đảng bộ Quận khóa XI');
  });
});
