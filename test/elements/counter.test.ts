import { expect, fixture, html } from '@open-wc/testing';
import { a11ySnapshot, executeServerCommand } from '@web/test-runner-commands';
import '../../src/entries/counter.js';
import type { BantinCounter } from '../../src/elements/counter.js';
import { cachedCountIs, directEndpoint, proxyEndpoint, serviceCount, serviceHit } from '../support/counter.js';
import { feedJson, item, mockFeed, uniqueId } from '../support/mock.js';
import { sleep, until } from '../support/until.js';
import { openFrame } from '../support/frames.js';

/** The digit boxes in reading order on screen (top to bottom, left to right), whatever the DOM order. */
const inReadingOrder = <T extends Element>(nodes: T[]) =>
  nodes
    .map((n) => ({ n, r: n.getBoundingClientRect() }))
    .sort((a, b) => Math.round(a.r.top - b.r.top) || a.r.left - b.r.left)
    .map((x) => x.n);
const boxes = (el: BantinCounter) => inReadingOrder([...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="digit"]')]);

/** The digit a reader sees in each box: what is painted at the box's centre. */
function visibleDigits(el: BantinCounter): string[] {
  return boxes(el).map((box) => {
    const r = box.getBoundingClientRect();
    return el.shadowRoot!.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.textContent ?? '';
  });
}

/** The text assistive technology gets: everything not aria-hidden. */
function spokenText(root: Node): string {
  let out = '';
  const walk = (node: Node) => {
    if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return;
    if (node instanceof HTMLSlotElement) {
      const assigned = node.assignedNodes();
      (assigned.length ? assigned : [...node.childNodes]).forEach(walk);
      return;
    }
    if (node.nodeType === Node.TEXT_NODE) out += node.textContent;
    node.childNodes.forEach(walk);
  };
  walk(root);
  return out.replace(/\s+/g, ' ').trim();
}
const spoken = (el: BantinCounter) => spokenText(el.shadowRoot!);

interface AXNode {
  role: string;
  name: string;
  children?: AXNode[];
}
/** Every text Chromium's accessibility tree holds for the page (what a screen reader can reach). */
async function accessibleTexts(): Promise<string[]> {
  const out: string[] = [];
  const walk = (n: AXNode) => {
    if (n.name) out.push(n.name);
    n.children?.forEach(walk);
  };
  walk((await a11ySnapshot({})) as unknown as AXNode);
  return out;
}

const shows = (el: BantinCounter, digits: string) => () => boxes(el).map((b) => b.dataset.value).join('') === digits;

function errorsOf(el: Element): CustomEvent[] {
  const seen: CustomEvent[] = [];
  el.addEventListener('bantin-error', (e) => seen.push(e as CustomEvent));
  return seen;
}

/** A counter created in a wrapper that listens for bantin-error before the element exists. */
function mount(attrs: Record<string, string | boolean>, inner = '') {
  const wrap = document.createElement('div');
  document.body.append(wrap);
  const errors = errorsOf(wrap);
  const el = document.createElement('bantin-counter');
  for (const [k, v] of Object.entries(attrs)) if (v !== false) el.setAttribute(k, v === true ? '' : v);
  el.innerHTML = inner;
  wrap.append(el);
  return { el, errors, remove: () => wrap.remove() };
}


describe('<bantin-counter>', () => {
  it('shows the seed count as the 8 boxes 1 9 4 6 7 5 4 0 under SỐ LƯỢT TRUY CẬP, read as one label', async () => {
    const endpoint = await directEndpoint();
    const el = await fixture<BantinCounter>(html`<bantin-counter endpoint=${endpoint}></bantin-counter>`);
    await until(shows(el, '19467540'), 10_000, 'digits');
    expect(visibleDigits(el)).to.deep.equal(['1', '9', '4', '6', '7', '5', '4', '0']);
    expect(el.shadowRoot!.querySelector('[part="label"]')!.textContent).to.equal('SỐ LƯỢT TRUY CẬP');
    expect(spoken(el)).to.equal('Số lượt truy cập: 19.467.540');
    // In Chromium's accessibility tree: the one phrase, neither the shouted label nor loose digits.
    const texts = await accessibleTexts();
    expect(texts).to.include('Số lượt truy cập: 19.467.540');
    expect(texts).to.not.include('SỐ LƯỢT TRUY CẬP');
    expect(texts.filter((t) => /^\d$/.test(t))).to.deep.equal([]);
    expect(el.value).to.equal(19467540);
    // Without `count` it only reads.
    expect(await serviceCount('site')).to.equal(19467540);
    await expect(el).to.be.accessible();
  });

  it('min-digits="10" pads with zeros; the spoken number stays unpadded', async () => {
    const el = await fixture<BantinCounter>(html`<bantin-counter endpoint=${await directEndpoint()} min-digits="10"></bantin-counter>`);
    await until(shows(el, '0019467540'), 10_000, 'digits');
    expect(visibleDigits(el)).to.deep.equal(['0', '0', '1', '9', '4', '6', '7', '5', '4', '0']);
    expect(spoken(el)).to.equal('Số lượt truy cập: 19.467.540');
  });

  it('separators groups the digits in the reader’s language; English says VISITS', async () => {
    const endpoint = await directEndpoint();
    const vi = await fixture<BantinCounter>(html`<bantin-counter endpoint=${endpoint} separators></bantin-counter>`);
    await until(shows(vi, '19467540'), 10_000, 'digits');
    const seps = [...vi.shadowRoot!.querySelectorAll('[part="separator"]')].map((s) => s.textContent);
    expect(seps).to.deep.equal(['.', '.']);
    expect(vi.shadowRoot!.querySelector('[part="digits"]')!.textContent!.replace(/\s/g, '').length).to.be.greaterThan(0);

    const en = await fixture<BantinCounter>(html`<bantin-counter lang="en" endpoint=${endpoint} separators></bantin-counter>`);
    await until(shows(en, '19467540'), 10_000, 'digits');
    expect(en.shadowRoot!.querySelector('[part="label"]')!.textContent).to.equal('VISITS');
    expect([...en.shadowRoot!.querySelectorAll('[part="separator"]')].map((s) => s.textContent)).to.deep.equal([',', ',']);
    expect(spoken(en)).to.equal('Visits: 19,467,540');
    await expect(en).to.be.accessible();

    // Without `separators`: no separator boxes.
    const plain = await fixture<BantinCounter>(html`<bantin-counter endpoint=${endpoint}></bantin-counter>`);
    await until(shows(plain, '19467540'), 10_000, 'digits');
    expect(plain.shadowRoot!.querySelectorAll('[part="separator"]')).to.have.length(0);
  });

  it('wrapped in a narrow column, the digits still read in order, units last', async () => {
    const wrap = await fixture<HTMLDivElement>(
      html`<div style="width: 7em"><bantin-counter endpoint=${await directEndpoint()} min-digits="12"></bantin-counter></div>`,
    );
    const el = wrap.querySelector('bantin-counter')!;
    await until(shows(el, '000019467540'), 10_000, 'digits');
    const tops = new Set(boxes(el).map((b) => Math.round(b.getBoundingClientRect().top)));
    expect(tops.size).to.be.greaterThan(1);
    expect(visibleDigits(el).join('')).to.equal('000019467540');
  });

  it('a custom label is shown and spoken', async () => {
    const el = await fixture<BantinCounter>(
      html`<bantin-counter endpoint=${await directEndpoint()} label="Lượt truy cập"></bantin-counter>`,
    );
    await until(shows(el, '19467540'), 10_000, 'digits');
    expect(el.shadowRoot!.querySelector('[part="label"]')!.textContent).to.equal('Lượt truy cập');
    expect(spoken(el)).to.equal('Lượt truy cập: 19.467.540');
  });

  it('with only a feed, shows its _bantin.visits; with only an endpoint, no no-feed error', async () => {
    const feed = await mockFeed(uniqueId(), { body: feedJson([item(1)], { _bantin: { visits: 770 } }) });
    const fromFeed = mount({ feed });
    await until(shows(fromFeed.el, '770'), 10_000, 'feed digits');
    expect(spoken(fromFeed.el)).to.equal('Số lượt truy cập: 770');
    expect(fromFeed.errors).to.have.length(0);
    fromFeed.remove();

    const onlyEndpoint = mount({ endpoint: await directEndpoint() });
    await until(shows(onlyEndpoint.el, '19467540'), 10_000, 'digits');
    await sleep(100);
    expect(onlyEndpoint.errors).to.have.length(0);
    onlyEndpoint.remove();
  });

  it('switched to another feed already loaded on the page, shows that feed\'s count', async () => {
    const a = await mockFeed(uniqueId('a'), { body: feedJson([item(1)], { _bantin: { visits: 770 } }) });
    const b = await mockFeed(uniqueId('b'), { body: feedJson([item(1)], { _bantin: { visits: 19467540 } }) });
    const first = mount({ feed: a });
    const second = mount({ feed: b });
    await until(() => shows(first.el, '770')() && shows(second.el, '19467540')(), 10_000, 'both counts');
    first.el.feed = b;
    await first.el.updateComplete;
    expect(shows(first.el, '19467540')()).to.equal(true);
    expect(spoken(first.el)).to.equal('Số lượt truy cập: 19.467.540');
    first.remove();
    second.remove();
  });

  it('counts a visit once per browser session: two counters at once, a later one, and a second page', async () => {
    const endpoint = await directEndpoint();
    const key = uniqueId('visits');
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <bantin-counter endpoint=${endpoint} key=${key} count></bantin-counter>
      <bantin-counter endpoint=${endpoint} key=${key} count></bantin-counter>
    </div>`);
    const [a, b] = [...wrap.querySelectorAll('bantin-counter')];
    await until(() => shows(a, '1')() && shows(b, '1')(), 10_000, 'both show 1');
    expect(await serviceCount(key)).to.equal(1);

    const later = await fixture<BantinCounter>(html`<bantin-counter endpoint=${endpoint} key=${key} count></bantin-counter>`);
    await until(shows(later, '1'), 10_000, 'later shows 1');
    expect(await serviceCount(key)).to.equal(1);

    // Another page of the same tab session (an iframe shares sessionStorage, not our modules).
    const { frame, doc } = await openFrame(
      `/test/fixtures/counter-page.html?endpoint=${encodeURIComponent(endpoint)}&key=${encodeURIComponent(key)}`,
      { ready: (win) => win.document.querySelector('bantin-counter') },
    );
    try {
      const inner = doc.querySelector('bantin-counter') as BantinCounter;
      await until(shows(inner, '1'), 10_000, 'second page shows 1');
      expect(await serviceCount(key)).to.equal(1);
      // A visitor from another session still counts.
      await serviceHit(key);
      expect(await serviceCount(key)).to.equal(2);
    } finally {
      frame.remove();
    }
  });

  it('shows its light-DOM children until there is a number, then the digits', async () => {
    const id = uniqueId('slow');
    const endpoint = await proxyEndpoint(id, { delayMs: 1200 });
    const { el, remove } = mount({ endpoint, key: uniqueId('k') }, '<span class="fallback">SỐ LƯỢT TRUY CẬP</span>');
    const fallback = el.querySelector('.fallback')!;
    await el.updateComplete;
    expect(fallback.getClientRects().length).to.be.greaterThan(0);
    expect(boxes(el)).to.have.length(0);
    await until(shows(el, '0'), 10_000, 'digits');
    expect(fallback.getClientRects().length).to.equal(0);
    remove();
  });

  it('service down: the last known count stays on screen and bantin-error fires', async () => {
    const id = uniqueId('down');
    const key = uniqueId('k');
    const endpoint = await proxyEndpoint(id);
    for (let i = 0; i < 3; i++) await serviceHit(key);
    const first = mount({ endpoint, key });
    await until(shows(first.el, '3'), 10_000, 'first visit');
    await cachedCountIs(endpoint, key, 3);
    first.remove();

    await proxyEndpoint(id, { down: true });
    const next = mount({ endpoint, key, count: true });
    await until(() => next.errors.length, 10_000, 'bantin-error');
    expect(next.errors[0].detail.error.code).to.equal('network');
    expect(next.errors[0].bubbles && next.errors[0].composed).to.equal(true);
    expect(visibleDigits(next.el)).to.deep.equal(['3']);
    expect(spoken(next.el)).to.equal('Số lượt truy cập: 3');
    expect(next.el.shadowRoot!.textContent).to.not.contain('NaN');
    expect(next.el.shadowRoot!.querySelector('.skeleton-line')).to.equal(null);
    next.remove();
  });

  it('service down with nothing cached: a plain “no figure” state, never NaN, an empty box or a spinner', async () => {
    const endpoint = await proxyEndpoint(uniqueId('dead'), { down: true });
    const { el, errors, remove } = mount({ endpoint, key: uniqueId('never'), count: true });
    await until(() => errors.length, 10_000, 'bantin-error');
    await el.updateComplete;
    expect(boxes(el)).to.have.length(0);
    expect(el.shadowRoot!.querySelector('.skeleton-line')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part="placeholder"]')!.textContent).to.equal('–');
    expect(spoken(el)).to.equal('Số lượt truy cập: chưa có số liệu');
    expect(el.shadowRoot!.textContent).to.not.contain('NaN');
    await expect(el).to.be.accessible();
    remove();
  });

  it('a service slower than its timeout: the cached count stays, then a timeout bantin-error', async () => {
    const id = uniqueId('slow');
    const key = uniqueId('k');
    const endpoint = await proxyEndpoint(id);
    await serviceHit(key);
    const first = mount({ endpoint, key });
    await until(shows(first.el, '1'), 10_000, 'first visit');
    await cachedCountIs(endpoint, key, 1);
    first.remove();

    // timeout="800" instead of the default 5 s (COUNTER_TIMEOUT_MS, checked in test/counter/client.test.ts):
    // the same path, without waiting it out.
    await proxyEndpoint(id, { delayMs: 3000 });
    const t0 = performance.now();
    const next = mount({ endpoint, key, count: true, timeout: '800' });
    await until(shows(next.el, '1'), 2000, 'cached count at once');
    expect(next.errors).to.have.length(0);
    await until(() => next.errors.length, 5000, 'timeout');
    expect(performance.now() - t0).to.be.greaterThan(780);
    expect(next.errors[0].detail.error.code).to.equal('timeout');
    expect(next.errors[0].detail.error.message).to.contain('0.8 s');
    expect(visibleDigits(next.el)).to.deep.equal(['1']);
    next.remove();
  });

  describe('motion', () => {
    // wtr's built-in emulate-media command (it answers before test/support/plugins/commands.mjs) takes { reducedMotion }.
    afterEach(() => executeServerCommand('emulate-media', { reducedMotion: 'no-preference' }));

    async function changed(): Promise<{ el: BantinCounter; strip: HTMLElement }> {
      const key = uniqueId('roll');
      await serviceHit(key);
      const el = await fixture<BantinCounter>(html`<bantin-counter endpoint=${await directEndpoint()} key=${key}></bantin-counter>`);
      await until(shows(el, '1'), 10_000, '1');
      await serviceHit(key);
      await el.refresh();
      await el.updateComplete;
      expect(boxes(el).map((b) => b.dataset.value)).to.deep.equal(['2']);
      return { el, strip: boxes(el)[0].querySelector<HTMLElement>('.strip')! };
    }

    it('digits roll to a new value', async () => {
      await executeServerCommand('emulate-media', { reducedMotion: 'no-preference' });
      expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(false);
      const { el, strip } = await changed();
      const rolling = strip.getAnimations();
      expect(rolling.length).to.equal(1);
      expect((rolling[0] as CSSTransition).transitionProperty).to.equal('transform');
      await Promise.all(rolling.map((a) => a.finished));
      expect(visibleDigits(el)).to.deep.equal(['2']);
    });

    it('a number that grows keeps each box in its place: 9 → 10 rolls the units box and adds a tens box', async () => {
      await executeServerCommand('emulate-media', { reducedMotion: 'no-preference' });
      const key = uniqueId('grow');
      for (let i = 0; i < 9; i++) await serviceHit(key);
      const el = await fixture<BantinCounter>(html`<bantin-counter endpoint=${await directEndpoint()} key=${key}></bantin-counter>`);
      await until(shows(el, '9'), 10_000, '9');
      const units = boxes(el)[0];
      await serviceHit(key);
      await el.refresh();
      await el.updateComplete;
      const [tens, unitsAfter] = boxes(el);
      expect(unitsAfter).to.equal(units);
      expect(unitsAfter.querySelector('.strip')!.getAnimations()).to.have.length(1);
      expect(tens.dataset.value).to.equal('1');
      await Promise.all(unitsAfter.querySelector('.strip')!.getAnimations().map((a) => a.finished));
      expect(visibleDigits(el)).to.deep.equal(['1', '0']);
    });

    it('with prefers-reduced-motion: reduce, the new value shows at once', async () => {
      await executeServerCommand('emulate-media', { reducedMotion: 'reduce' });
      expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(true);
      const { el, strip } = await changed();
      expect(strip.getAnimations()).to.have.length(0);
      expect(visibleDigits(el)).to.deep.equal(['2']);
    });
  });
});
