import { expect, fixture, html as fhtml } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { FeedController } from '../../../src/elements/controllers/feed-controller.js';
import { LocaleController } from '../../../src/elements/controllers/locale-controller.js';
import { mockFeed, mockRequests, uniqueId, feedJson, item } from '../../support/mock.js';
import { until } from '../../support/until.js';

/** A minimal consumer: shows the item count, or the error code. */
class ProbeElement extends LitElement {
  @property() feed: string | null = null;
  data = new FeedController(this);
  localeCtl = new LocaleController(this);
  override render() {
    const s = this.data.state;
    return html`<span lang=${this.localeCtl.lang}
      >${s.feed ? s.feed.items.length : s.error ? s.error.code : s.status}</span
    >`;
  }
}
customElements.define('test-feed-probe', ProbeElement);

const text = (el: Element) => el.shadowRoot!.textContent!.trim();

describe('FeedController', () => {
  afterEach(() => document.head.querySelectorAll('meta[name="bantin:feed"]').forEach((m) => m.remove()));

  it('five elements on one feed: one request, all render it', async () => {
    const id = uniqueId();
    const url = await mockFeed(id, { body: feedJson([item(1), item(2), item(3)]), delayMs: 50 });
    const wrap = await fixture<HTMLDivElement>(fhtml`<div>
      ${[0, 1, 2, 3, 4].map(() => fhtml`<test-feed-probe feed=${url}></test-feed-probe>`)}
    </div>`);
    const probes = [...wrap.querySelectorAll('test-feed-probe')];
    await until(() => probes.every((p) => text(p) === '3'), 10_000, 'all rendered');
    expect((await mockRequests(id)).length).to.equal(1);
  });

  it('reads the feed URL from <meta name="bantin:feed"> when there is no attribute', async () => {
    const id = uniqueId();
    const url = await mockFeed(id, { body: feedJson([item(1)]) });
    const meta = document.createElement('meta');
    meta.name = 'bantin:feed';
    meta.content = new URL(url).pathname;
    document.head.append(meta);
    const el = await fixture<ProbeElement>(fhtml`<test-feed-probe></test-feed-probe>`);
    await until(() => text(el) === '1', 10_000, 'rendered');
  });

  it('without any feed URL: a no-feed error event, not an exception', async () => {
    const events: CustomEvent[] = [];
    const wrap = document.createElement('div');
    wrap.addEventListener('bantin-error', (e) => events.push(e as CustomEvent));
    document.body.append(wrap);
    wrap.innerHTML = '<test-feed-probe></test-feed-probe>';
    const el = wrap.firstElementChild as ProbeElement;
    await el.updateComplete;
    expect(text(el)).to.equal('no-feed');
    await until(() => events.length, 2000, 'event');
    expect(events[0].detail.error.code).to.equal('no-feed');
    expect(events[0].detail.error.message).to.contain('meta name="bantin:feed"');
    wrap.remove();
  });

  it('fires bantin-load (bubbling, composed) when data is shown, and bantin-error on failure', async () => {
    const okId = uniqueId();
    const okUrl = await mockFeed(okId, { body: feedJson([item(1)]) });
    const badId = uniqueId();
    const badUrl = await mockFeed(badId, { status: 500, body: 'x' });
    const seen: string[] = [];
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    document.body.append(host);
    // Listening outside a shadow root proves the events are composed.
    host.addEventListener('bantin-load', (e) => seen.push(`load:${(e as CustomEvent).detail.feed.items.length}`));
    host.addEventListener('bantin-error', (e) => seen.push(`error:${(e as CustomEvent).detail.error.code}`));
    root.innerHTML = `<test-feed-probe feed="${okUrl}"></test-feed-probe><test-feed-probe feed="${badUrl}"></test-feed-probe>`;
    await until(() => seen.length === 2, 10_000, 'events');
    expect(seen.sort()).to.deep.equal(['error:http', 'load:1']);
    host.remove();
  });

  it('switches feeds when the attribute changes', async () => {
    const a = await mockFeed(uniqueId(), { body: feedJson([item(1)]) });
    const b = await mockFeed(uniqueId(), { body: feedJson([item(1), item(2)]) });
    const el = await fixture<ProbeElement>(fhtml`<test-feed-probe feed=${a}></test-feed-probe>`);
    await until(() => text(el) === '1', 10_000, 'a');
    el.feed = b;
    await until(() => text(el) === '2', 10_000, 'b');
  });
});

describe('LocaleController', () => {
  it('takes the nearest lang, across shadow roots, and follows changes', async () => {
    const outer = await fixture<HTMLDivElement>(fhtml`<div lang="en"><section><test-feed-probe></test-feed-probe></section></div>`);
    const el = outer.querySelector('test-feed-probe') as ProbeElement;
    await el.updateComplete;
    expect(el.localeCtl.lang).to.equal('en');
    outer.setAttribute('lang', 'vi-VN');
    await until(() => el.localeCtl.lang === 'vi', 2000, 'vi');
    el.setAttribute('lang', 'en-GB');
    await until(() => el.localeCtl.locale.tag === 'en-GB', 2000, 'en-GB');
    // Inside another component's shadow root, the host's lang applies.
    const host = document.createElement('div');
    host.lang = 'en';
    host.attachShadow({ mode: 'open' }).innerHTML = '<test-feed-probe></test-feed-probe>';
    document.body.append(host);
    const inner = host.shadowRoot!.querySelector('test-feed-probe') as ProbeElement;
    await inner.updateComplete;
    expect(inner.localeCtl.lang).to.equal('en');
    host.remove();
  });

  it('defaults to Vietnamese for an unknown or missing language', async () => {
    const el = await fixture<ProbeElement>(fhtml`<test-feed-probe lang="fr"></test-feed-probe>`);
    expect(el.localeCtl.lang).to.equal('vi');
  });
});
