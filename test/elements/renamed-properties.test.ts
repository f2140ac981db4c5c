// Custom properties renamed by the one rule (an element's own are --bantin-<element>-*): a page
// that still sets an old name keeps its look until the next release and is told once per
// element type on the console. The note is given at an element type's first connection,
// so this file's first test is the first to put each element on its page.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import { renamesIn } from '../../src/elements/renamed-properties.js';
import { until } from '../support/until.js';

const DEMO = '/demo/feed.json';
const shadow = (el: Element, selector: string) => el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;

describe('renamed custom properties', () => {
  const notes: string[] = [];
  const realWarn = console.warn;
  before(() => {
    console.warn = (...a: unknown[]) => {
      notes.push(a.join(' '));
      realWarn.apply(console, a);
    };
  });
  after(() => {
    console.warn = realWarn;
  });

  it('an old name still colours the element, and the page is told once per element type', async () => {
    // The article and the list by their old names only; the search by both (the new one wins);
    // the date picker by its new name only (no note for it).
    const wrap = await fixture<HTMLDivElement>(html`<div
      lang="vi"
      style="--bantin-title-color: rgb(1, 2, 3); --bantin-heading-color: rgb(4, 5, 6);
        --bantin-input-background: rgb(7, 8, 9); --bantin-search-input-background: rgb(10, 11, 12);
        --bantin-date-picker-disabled-color: rgb(13, 14, 15)"
    >
      <bantin-article feed=${DEMO} article-id="5142"></bantin-article>
      <bantin-news-list feed=${DEMO}></bantin-news-list>
      <bantin-news-list feed=${DEMO}></bantin-news-list>
      <bantin-search feed=${DEMO}></bantin-search>
      <bantin-date-picker feed=${DEMO} inline value="2017-02-27" min="2017-02-10"></bantin-date-picker>
    </div>`);
    const [article, list, , search, picker] = [...wrap.children];
    const title = await until(() => shadow(article, '[part~="title"]'), 10_000, 'the title');
    const heading = await until(() => shadow(list, '[part~="item"]') && shadow(list, '[part~="heading"]'), 10_000, 'the list');
    const input = await until(() => shadow(search, 'input'), 10_000, 'the search box');
    const disabled = await until(() => shadow(picker, 'td[aria-disabled="true"]'), 10_000, 'a day before min');
    expect(getComputedStyle(title).color).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(heading).color).to.equal('rgb(4, 5, 6)');
    expect(getComputedStyle(input).backgroundColor).to.equal('rgb(10, 11, 12)');
    expect(getComputedStyle(disabled).color).to.equal('rgb(13, 14, 15)');

    // The note comes when the page is idle (it reads computed style).
    await until(() => notes.filter((n) => n.includes(' is now ')).length >= 3, 5_000, 'the notes');
    const renamed = notes.filter((n) => n.includes(' is now ')).sort();
    expect(renamed).to.deep.equal([
      'bantin: --bantin-heading-color is now --bantin-news-list-heading-color on <bantin-news-list>; the old name works until the next release.',
      'bantin: --bantin-input-background is now --bantin-search-input-background on <bantin-search>; the old name works until the next release.',
      'bantin: --bantin-title-color is now --bantin-article-title-color on <bantin-article>; the old name works until the next release.',
    ]);
  });

  it('every old name the CHANGELOG lists is still read, after the new one', () => {
    const renamed = {
      'bantin-article': ['title-size', 'title-color', 'body-align'],
      'bantin-news-list': ['heading-color', 'heading-background'],
      'bantin-date-picker': ['news-dot', 'day-hover', 'disabled-color', 'dialog-background', 'backdrop'],
      'bantin-search': ['mark-background', 'mark-color', 'active-background', 'input-background', 'popup-background', 'popup-shadow', 'popup-z-index'],
      'bantin-counter': [],
    };
    for (const [tag, names] of Object.entries(renamed)) {
      const styles = (customElements.get(tag) as unknown as { elementStyles: CSSStyleSheet[] }).elementStyles;
      const expected = names.map((n) => [`--bantin-${tag.slice(7)}-${n}`, `--bantin-${n}`]);
      expect(renamesIn(styles).sort(), tag).to.deep.equal(expected.sort());
    }
  });
});
