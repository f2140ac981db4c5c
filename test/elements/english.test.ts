// English words load on demand (src/format/labels/en.ts): a file of its own, so this page
// has not loaded them when the first English element arrives.
import { expect } from '@open-wc/testing';
import '../../src/entries/news-list.js';
import '../../src/entries/counter.js';
import { feedJson, item, mockFeed, uniqueId } from '../support/mock.js';
import { until } from '../support/until.js';

describe('English on demand', () => {
  it('a page in English renders English from its first render, never Vietnamese first; Vietnamese beside it stays Vietnamese', async () => {
    const feed = await mockFeed(uniqueId(), { body: feedJson([item(1), item(2)]), delayMs: 100 });
    const box = document.createElement('div');
    box.lang = 'en';
    box.innerHTML = `<bantin-news-list feed="${feed}"></bantin-news-list><bantin-counter feed="${feed}"></bantin-counter>`;
    const vi = document.createElement('bantin-news-list');
    vi.setAttribute('feed', feed);
    const [list, counter] = [...box.children] as HTMLElement[];
    document.body.append(box, vi);
    // Every text the English elements ever showed, from the moment they had a shadow root.
    const texts: string[] = [];
    for (const el of [list, counter]) {
      const record = () => texts.push(el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim());
      new MutationObserver(record).observe(el.shadowRoot!, { childList: true, subtree: true, characterData: true });
    }
    await until(() => list.shadowRoot!.querySelectorAll('a[part="link"]').length === 2, 10_000, 'the English list shown');
    expect(list.shadowRoot!.querySelector('[part="heading"]')!.textContent).to.equal('LATEST NEWS');
    expect(counter.shadowRoot!.querySelector('[part="label"]')!.textContent).to.equal('VISITS');
    expect(texts.length).to.be.greaterThan(0);
    expect(texts.filter((t) => /TIN MỚI|Đang tải|SỐ LƯỢT/.test(t))).to.deep.equal([]);
    await until(() => vi.shadowRoot!.querySelectorAll('a[part="link"]').length === 2, 10_000, 'the Vietnamese list shown');
    expect(vi.shadowRoot!.querySelector('[part="heading"]')!.textContent).to.equal('TIN MỚI');
    box.remove();
    vi.remove();
  });
});
