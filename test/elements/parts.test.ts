// Every part an element renders is in the Custom Elements Manifest (so in the docs and in
// editors): a page author can only style what is documented.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import { mockFeed, uniqueId } from '../support/mock.js';
import { until } from '../support/until.js';

const DEMO = '/demo/feed.json';
interface Manifest {
  modules: { declarations?: { tagName?: string; cssParts?: { name: string }[] }[] }[];
}

/** The part names a shadow root uses now. */
const partsIn = (el: Element) =>
  new Set([...el.shadowRoot!.querySelectorAll('[part]')].flatMap((n) => n.getAttribute('part')!.split(/\s+/).filter(Boolean)));

describe('parts', () => {
  let documented: Map<string, Set<string>>;
  before(async () => {
    const manifest = (await (await fetch('/custom-elements.json')).json()) as Manifest;
    documented = new Map(
      manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName!, new Set((d.cssParts ?? []).map((p) => p.name))]),
    );
  });

  const start = location.href;
  after(() => history.replaceState(null, '', start));

  /** Every element in its usual states (the date picker in both modes, its dialog open). */
  async function renderAll() {
    // The results page searches for the URL's ?q=.
    history.replaceState(null, '', `${location.pathname}?q=kiem%20diem`);
    const broken = await mockFeed(uniqueId('parts'), { status: 500, body: 'x' });
    const wrap = await fixture<HTMLDivElement>(html`<div lang="vi">
      <bantin-article feed=${DEMO} article-id="5142"></bantin-article>
      <bantin-article feed=${DEMO} article-id="khong-co"></bantin-article>
      <bantin-article feed=${broken}></bantin-article>
      <bantin-news-list feed=${DEMO} date="2017-02-27" layout="summary"></bantin-news-list>
      <bantin-news-list feed=${broken}></bantin-news-list>
      <bantin-counter feed=${DEMO} separators></bantin-counter>
      <bantin-date-picker feed=${DEMO} inline value="2017-02-27" min="2017-02-01"></bantin-date-picker>
      <bantin-search feed=${DEMO} mode="page"></bantin-search>
      <bantin-date-picker feed=${DEMO} value="2017-02-27"></bantin-date-picker>
      <bantin-search feed=${DEMO}></bantin-search>
    </div>`);
    const els = [...wrap.children];
    const has = (i: number, selector: string) => els[i].shadowRoot?.querySelector(selector);
    await until(
      () =>
        has(0, '[part~="body"] p') && has(1, '[part~="not-found"]') && has(2, '[part~="error"]') && has(3, '[part~="item"]') &&
        has(4, '[part~="error"]') && has(5, '[part~="digit"]') && has(6, 'td[part~="day-news"], td[part~="day"]') && has(7, '[part~="result"]'),
      10_000,
      'every element in its state',
    );
    await (els[8] as HTMLElementTagNameMap['bantin-date-picker']).show();
    await until(() => has(8, 'dialog[open] td[part~="day"]'), 10_000, 'the dialog open');
    return els;
  }

  it('every part rendered in the usual states is documented in the manifest', async () => {
    const els = await renderAll();
    const undocumented: string[] = [];
    for (const el of els) {
      const known = documented.get(el.localName)!;
      for (const part of partsIn(el)) if (!known.has(part)) undocumented.push(`<${el.localName}> ${part}`);
    }
    expect([...new Set(undocumented)]).to.deep.equal([]);
  });

  it('each element has one root part, base, and every other part is inside it', async () => {
    const els = await renderAll();
    const wrong: string[] = [];
    for (const el of els) {
      const root = el.shadowRoot!;
      const bases = root.querySelectorAll('[part~="base"]');
      if (bases.length !== 1) wrong.push(`<${el.localName}> has ${bases.length} base parts`);
      else if (bases[0].parentNode !== root) wrong.push(`<${el.localName}>'s base is not at the root`);
      for (const n of root.querySelectorAll('[part]')) {
        if (bases[0] && !bases[0].contains(n)) wrong.push(`<${el.localName}> ${n.getAttribute('part')} is outside base`);
      }
    }
    expect(wrong).to.deep.equal([]);
  });
});
