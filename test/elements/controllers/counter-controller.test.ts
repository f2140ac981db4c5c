import { expect, fixture, html as fhtml } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { CounterController } from '../../../src/elements/controllers/counter-controller.js';
import { cachedCountIs, directEndpoint, proxyEndpoint, serviceCount, serviceHit } from '../../support/counter.js';
import { uniqueId } from '../../support/mock.js';
import { until } from '../../support/until.js';

/** What <bantin-article> does with it: the views of one article, counted once per session. */
class ViewsProbe extends LitElement {
  @property() endpoint: string | null = null;
  @property() articleId: string | null = null;
  views = new CounterController(this, () => ({
    endpoint: this.endpoint,
    key: this.articleId ? `article:${this.articleId}` : null,
    count: true,
  }));
  override render() {
    const v = this.views;
    return html`${v.status}:${v.count ?? '-'}:${v.fromCache ? 'cache' : 'live'}`;
  }
}
customElements.define('test-views-probe', ViewsProbe);

const text = (el: Element) => el.shadowRoot!.textContent!.trim();

describe('CounterController', () => {
  it('idle without a key; counts and shows the article’s views once the key is known; follows key changes', async () => {
    const endpoint = await directEndpoint();
    const el = await fixture<ViewsProbe>(fhtml`<test-views-probe .endpoint=${endpoint}></test-views-probe>`);
    expect(text(el)).to.equal('idle:-:live');
    const a = uniqueId('a');
    const b = uniqueId('b');
    await serviceHit(`article:${b}`);
    el.articleId = a;
    await until(() => text(el) === 'ready:1:live', 10_000, 'a counted');
    el.articleId = b;
    await until(() => text(el) === 'ready:2:live', 10_000, 'b counted');
    el.articleId = a;
    await until(() => text(el) === 'ready:1:live', 10_000, 'a again, not counted again');
    expect(await serviceCount(`article:${a}`)).to.equal(1);
    expect(await serviceCount(`article:${b}`)).to.equal(2);
  });

  it('falls back to the last known count, marked fromCache, and fires bantin-error once', async () => {
    const id = uniqueId('p');
    const endpoint = await proxyEndpoint(id);
    const article = uniqueId('art');
    const first = await fixture<ViewsProbe>(fhtml`<test-views-probe .endpoint=${endpoint} .articleId=${article}></test-views-probe>`);
    await until(() => text(first) === 'ready:1:live', 10_000, 'counted');
    // The cache is written in the background.
    await cachedCountIs(endpoint, `article:${article}`, 1);
    await proxyEndpoint(id, { down: true });
    const errors: CustomEvent[] = [];
    const listener = (e: Event) => errors.push(e as CustomEvent);
    document.body.addEventListener('bantin-error', listener);
    const second = await fixture<ViewsProbe>(fhtml`<test-views-probe .endpoint=${endpoint} .articleId=${article}></test-views-probe>`);
    await until(() => text(second) === 'error:1:cache', 10_000, 'cached count on error');
    document.body.removeEventListener('bantin-error', listener);
    expect(errors.map((e) => e.detail.error.code)).to.deep.equal(['network']);
    expect(second.views.error?.code).to.equal('network');
    await proxyEndpoint(id, {});
    await second.views.refresh();
    expect(text(second)).to.equal('ready:1:live');
  });
});
