import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/index.js';
import type { BantinNewsList } from '../../src/elements/news-list.js';
import { openFrame } from '../support/frames.js';
import { until } from '../support/until.js';

// What was seen on the demo (issue #18), measured where a reader would see it.

const FEED = '/demo/feed.json';
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];

/** The left edge of an element's content box, in viewport pixels. */
function contentLeft(el: HTMLElement): number {
  const style = getComputedStyle(el);
  return el.getBoundingClientRect().left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft);
}
function contentWidth(el: HTMLElement): number {
  const style = getComputedStyle(el);
  return el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
}

describe('news list, layout="summary"', () => {
  before(() => executeServerCommand('set-viewport', { width: 800, height: 600 }));

  it('an item without an image puts its text at the content edge, across the whole width (800 px)', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width: 600px"></div>`);
    wrap.innerHTML = `<bantin-news-list feed="${FEED}" layout="summary" limit="5"></bantin-news-list>`;
    const list = wrap.firstElementChild as BantinNewsList;
    const items = await until(() => ($$(list, 'li[part~="item"]').length === 5 ? $$(list, 'li[part~="item"]') : null), 10_000, 'five items');
    const plain = items.find((li) => !li.querySelector('[part="image"]'))!;
    const pictured = items.find((li) => li.querySelector('[part="image"]'))!;
    expect(plain, 'an item without an image').to.exist;
    expect(pictured, 'an item with an image').to.exist;

    // The item with an image: the picture at the content edge, the text in the column beside it.
    const image = pictured.querySelector<HTMLElement>('[part="image"]')!;
    expect(image.getBoundingClientRect().left).to.be.closeTo(contentLeft(pictured), 0.5);
    const besideText = pictured.querySelector<HTMLElement>('a[part="link"]')!.parentElement!;
    expect(besideText.getBoundingClientRect().left).to.be.greaterThan(image.getBoundingClientRect().right);

    // The item without: its text where the picture would be, as wide as the item.
    const text = plain.querySelector<HTMLElement>('a[part="link"]')!.parentElement!;
    expect(text.getBoundingClientRect().left).to.be.closeTo(contentLeft(plain), 0.5);
    expect(text.getBoundingClientRect().width).to.be.closeTo(contentWidth(plain), 0.5);
  });
});

describe('demo pages: the search box', () => {
  const frames: HTMLIFrameElement[] = [];
  afterEach(() => frames.splice(0).forEach((f) => f.remove()));

  /** A demo page in a frame `width` px wide, once its article's body is on it. */
  async function page(name: string, width: number) {
    const { frame, doc } = await openFrame(`/demo/${name}`, {
      style: `width: ${width}px; height: 800px; border: 0`,
      ready: (win) => win.customElements.get('bantin-article'),
    });
    frames.push(frame);
    const article = doc.querySelector('bantin-article')!;
    await until(() => article.shadowRoot?.querySelector('[part="body"] p'), 10_000, 'the article body');
    const box = (el: Element) => el.getBoundingClientRect();
    return { box, main: doc.querySelector('main')!, search: doc.querySelector('bantin-search')!, picker: doc.querySelector('bantin-date-picker')! };
  }

  for (const name of ['index.html', 'themed.html', 'rss.html']) {
    it(`${name} at 360 px: the search box is in the first 800 px, before the long article`, async () => {
      const { box, main, search } = await page(name, 360);
      // The article is long on a phone: what comes after it is thousands of pixels down.
      expect(box(main).height).to.be.greaterThan(2000);
      expect(box(search).top).to.be.lessThan(800);
      expect(box(search).bottom).to.be.lessThan(box(main).top);
    });

    it(`${name} at 1280 px: the search box heads the column beside the article, the date picker under it`, async () => {
      const { box, main, search, picker } = await page(name, 1280);
      expect(box(search).left).to.be.greaterThan(box(main).right);
      expect(box(search).top).to.be.closeTo(box(main).top, 30);
      expect(box(picker).left).to.be.greaterThan(box(main).right);
      expect(box(picker).top).to.be.greaterThan(box(search).bottom);
      expect(box(picker).top - box(search).bottom).to.be.lessThan(80);
    });
  }
});
