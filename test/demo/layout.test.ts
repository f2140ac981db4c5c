import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/index.js';
import type { BantinNewsList } from '../../src/elements/news-list.js';
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
