import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/entries/search.js';
import type { BantinSearch } from '../../src/elements/search.js';
import { fold } from '../../src/search/fold.js';
import { loadFeed } from '../support/feeds.js';
import { resultsFor } from '../support/search.js';

/**
 * `<bantin-search index="…">` over an archive index served by the test server
 * (built from the demo feed's two pages by dist/'s builder, see
 * test/support/plugins/archive-index.mjs) while the page loads the first page only.
 */

const root = (el: BantinSearch) => el.shadowRoot!;
const titles = (el: BantinSearch) => [...root(el).querySelectorAll('[role="option"] [part="title"]')].map((t) => t.textContent!.trim());

async function mount(attrs: string) {
  const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
  wrap.innerHTML = `<bantin-search feed="/demo/feed.json" ${attrs}></bantin-search>`;
  const el = wrap.firstElementChild as BantinSearch;
  await el.updateComplete;
  return el;
}

/** Types `text` into an empty box and waits for its final results. */
async function search(el: BantinSearch, text: string) {
  const input = root(el).querySelector('input')!;
  input.focus();
  input.select();
  await sendKeys({ press: 'Backspace' });
  await sendKeys({ type: text });
  await resultsFor(el, text);
  return titles(el);
}

/** Console warnings while `fn` runs. */
async function warnings(fn: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => void seen.push(args.join(' '));
  try {
    await fn();
  } finally {
    console.warn = warn;
  }
  return seen;
}

describe('<bantin-search index>', () => {
  let last: { title: string };
  before(async () => {
    last = (await loadFeed('/demo/feed-2.json')).items.at(-1)!;
  });

  it('finds an article that is only on the last feed page, which the page never loaded; the worker fetches the index files', async () => {
    const plain = await mount('');
    expect(await search(plain, last.title)).to.not.include(last.title);
    const since = (await (await fetch('/__served')).json()).count;
    const el = await mount('index="/__archive/demo/"');
    expect((await search(el, last.title))[0]).to.equal(last.title);
    const { paths } = (await (await fetch(`/__served?since=${since}`)).json()) as { paths: string[] };
    const files = paths.filter((p) => /^\/__archive\/demo\/[pd]\//.test(p));
    expect(files.length, paths.join(' ')).to.be.greaterThan(0);
    // Not the page: its own fetches are in its resource timing.
    const onPage = performance.getEntriesByType('resource').filter((e) => /__archive\/demo\/[pd]\//.test(e.name));
    expect(onPage).to.deep.equal([]);
  });

  it('takes the index from <meta name="bantin:search-index"> when it has no attribute', async () => {
    const meta = Object.assign(document.createElement('meta'), { name: 'bantin:search-index', content: '/__archive/demo/index.json' });
    document.head.append(meta);
    try {
      const el = await mount('');
      expect((await search(el, last.title))[0]).to.equal(last.title);
    } finally {
      meta.remove();
    }
  });

  it('highlights as today: the matched words of titles and excerpts, as written (the typo too)', async () => {
    const el = await mount('index="/__archive/demo/"');
    await search(el, 'kiem diemm');
    const marks = [...root(el).querySelectorAll('[role="option"] [part~="mark"]')].map((m) => m.textContent!);
    expect(marks).to.include.members(['kiểm', 'điểm']);
    for (const m of marks) expect(['kiem', 'diem']).to.include(fold(m));
  });

  it('finds articles published since the index was built, among the archive results', async () => {
    // The index was built before the feed's first two articles.
    const [newest] = (await loadFeed('/demo/feed.json')).items;
    const el = await mount('index="/__archive/demo-stale/"');
    expect((await search(el, newest.title))[0]).to.equal(newest.title);
    expect((await search(el, last.title))[0]).to.equal(last.title);
  });

  for (const [what, set] of [
    ['an index rebuilt while the page had its old manifest: reads the new one and searches on', 'demo-rebuilt'],
    // Its folder gone for a moment at the second look (between the rebuild's two renames).
    ['an index caught mid-rebuild: reads the new one a moment later and searches on', 'demo-swapping'],
  ]) {
    it(`${what}, without a warning`, async () => {
      let shown: string[] = [];
      const warned = await warnings(async () => {
        const el = await mount(`index="/__archive/${set}/"`);
        shown = await search(el, last.title);
      });
      expect(warned.filter((w) => w.includes('search index'))).to.deep.equal([]);
      expect(shown[0]).to.equal(last.title);
    });
  }

  for (const [what, set] of [
    ['a missing index (404)', 'nothing-here'],
    ['an index of another format', 'demo-format-1'],
    ['a corrupt posting file', 'demo-corrupt'],
    ['a corrupt display file', 'demo-corrupt-display'],
  ]) {
    it(`${what}: today's search of the loaded feed, with one console warning`, async () => {
      const plain = await mount('');
      const today = await search(plain, 'kiem diem');
      expect(today.length).to.be.greaterThan(0);
      let shown: string[] = [];
      const warned = await warnings(async () => {
        const el = await mount(`index="/__archive/${set}/"`);
        shown = await search(el, 'kiem diem');
        await search(el, 'quan uy');
      });
      expect(shown).to.deep.equal(today);
      expect(warned.filter((w) => w.includes('search index'))).to.have.length(1);
      expect(warned[0]).to.include(`/__archive/${set}/`);
    });
  }
});
