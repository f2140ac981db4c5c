import { expect } from '@open-wc/testing';
import { sanitizeArticleHtml, sanitizerChoice, textParagraphs } from '../../src/elements/sanitize.js';

const BASE = 'https://quan5.example.vn/tin-tuc/bai-viet.html';
const toHtml = (f: DocumentFragment) => {
  const div = document.createElement('div');
  div.append(f);
  return div;
};

// Every rule holds on both paths: the browser's HTML Sanitizer API where it exists (DOMPurify
// only for a body with an embed the page allows), and DOMPurify where it does not.
for (const path of ['auto', 'dompurify'] as const) describe(`sanitizeArticleHtml (${path === 'auto' ? 'the platform\'s sanitizer, DOMPurify for embeds' : 'DOMPurify'})`, () => {
  before(() => (sanitizerChoice.force = path === 'auto' ? null : path));
  after(() => (sanitizerChoice.force = null));

  it('keeps ordinary article markup', async () => {
    const div = toHtml(await sanitizeArticleHtml('<h2>Tiêu đề</h2><p>Đoạn <strong>đậm</strong>, <em>nghiêng</em>.</p><ul><li>một</li></ul><table><tr><td>ô</td></tr></table>', BASE));
    expect(div.querySelector('h2')!.textContent).to.equal('Tiêu đề');
    expect(div.querySelector('strong')!.textContent).to.equal('đậm');
    expect(div.querySelector('td')!.textContent).to.equal('ô');
  });

  it('resolves relative links and images against the article, not the page', async () => {
    const div = toHtml(await sanitizeArticleHtml('<a href="../van-ban/48.pdf">KH 48</a><img src="anh.jpg" alt="Hội nghị">', BASE));
    expect(div.querySelector('a')!.getAttribute('href')).to.equal('https://quan5.example.vn/van-ban/48.pdf');
    const img = div.querySelector('img')!;
    expect(img.getAttribute('src')).to.equal('https://quan5.example.vn/tin-tuc/anh.jpg');
    expect(img.getAttribute('alt')).to.equal('Hội nghị');
    expect(img.getAttribute('loading')).to.equal('lazy');
  });

  it('marks links to other sites noopener noreferrer, and keeps same-site links plain', async () => {
    const div = toHtml(await sanitizeArticleHtml(`<a href="https://other.example/">a</a><a href="${location.origin}/x">b</a><a href="mailto:ubnd@quan5.vn">c</a>`, BASE));
    const [a, b, c] = div.querySelectorAll('a');
    expect(a.rel).to.equal('noopener noreferrer');
    expect(b.hasAttribute('rel')).to.equal(false);
    expect(c.getAttribute('href')).to.equal('mailto:ubnd@quan5.vn');
  });

  it('keeps video embeds from YouTube and Vimeo by default, sandboxed, and drops every other iframe', async () => {
    const div = toHtml(
      await sanitizeArticleHtml(
        [
          '<iframe src="https://www.youtube.com/embed/abc" allowfullscreen></iframe>',
          '<iframe src="https://www.youtube-nocookie.com/embed/abc"></iframe>',
          '<iframe src="https://player.vimeo.com/video/1"></iframe>',
          '<iframe src="https://evil.example/x"></iframe>',
          '<iframe src="http://www.youtube.com/embed/abc"></iframe>',
          '<iframe src="http://insecure.example/"></iframe>',
          '<iframe srcdoc="<p>x</p>"></iframe>',
        ].join(''),
        BASE,
      ),
    );
    const frames = [...div.querySelectorAll('iframe')];
    expect(frames.map((f) => new URL(f.src).host)).to.deep.equal(['www.youtube.com', 'www.youtube-nocookie.com', 'player.vimeo.com']);
    // These players keep their own storage (their origin, never the page's).
    for (const f of frames) expect(f.getAttribute('sandbox')).to.equal('allow-scripts allow-popups allow-presentation allow-same-origin');
    expect(frames[0].hasAttribute('srcdoc')).to.equal(false);
  });

  it('takes the iframe allowlist the page sets; other origins get no allow-same-origin', async () => {
    const html = '<iframe src="https://www.youtube.com/embed/abc"></iframe><iframe src="https://maps.example.vn/embed?q=1"></iframe>';
    const div = toHtml(await sanitizeArticleHtml(html, BASE, { iframeOrigins: ['https://maps.example.vn'] }));
    const frames = [...div.querySelectorAll('iframe')];
    expect(frames.map((f) => new URL(f.src).host)).to.deep.equal(['maps.example.vn']);
    expect(frames[0].getAttribute('sandbox')).to.equal('allow-scripts allow-popups allow-presentation');
    // An empty list means no iframes at all.
    expect(toHtml(await sanitizeArticleHtml(html, BASE, { iframeOrigins: [] })).querySelectorAll('iframe')).to.have.length(0);
  });

  it('strips legacy URL attributes that fetch or ping without a reader asking', async () => {
    const div = toHtml(
      await sanitizeArticleHtml(
        [
          '<table background="https://tracker.example/t.gif"><tr><td background="https://tracker.example/c.gif">ô</td></tr></table>',
          '<body background="https://tracker.example/b.gif"><p>x</p>',
          '<img src="anh.jpg" lowsrc="https://tracker.example/l.gif" dynsrc="https://tracker.example/d.avi" longdesc="https://tracker.example/ld">',
          '<a href="/x" ping="https://tracker.example/p">a</a>',
          '<video src="v.webm" poster="https://cdn.example/p.jpg"></video><video src="v.webm" poster="javascript:alert(1)"></video>',
        ].join(''),
        BASE,
      ),
    );
    for (const attr of ['background', 'lowsrc', 'dynsrc', 'longdesc', 'ping']) {
      expect(div.querySelectorAll(`[${attr}]`), attr).to.have.length(0);
    }
    expect(div.querySelector('td')!.textContent).to.equal('ô');
    expect(div.querySelector('img')!.getAttribute('src')).to.equal('https://quan5.example.vn/tin-tuc/anh.jpg');
    // poster is an image the player shows, like <img src>: kept when it is http(s).
    const [v1, v2] = div.querySelectorAll('video');
    expect(v1.getAttribute('poster')).to.equal('https://cdn.example/p.jpg');
    expect(v2.hasAttribute('poster')).to.equal(false);
  });

  it('prefixes ids and names so they cannot clobber the page', async () => {
    const div = toHtml(await sanitizeArticleHtml('<p id="muc-1">x</p><a name="top">y</a>', BASE));
    expect(div.querySelector('p')!.id).to.equal('user-content-muc-1');
  });
});

describe('sanitizeArticleHtml: which sanitizer', () => {
  afterEach(() => (sanitizerChoice.force = null));

  it('this browser has the HTML Sanitizer API: an ordinary body goes through it, a body with an allowed embed through DOMPurify', async () => {
    expect(typeof (globalThis as { Sanitizer?: unknown }).Sanitizer).to.equal('function');
    const div = toHtml(await sanitizeArticleHtml('<p id="a" style="position:fixed" onclick="x()">Tin <img src="javascript:alert(1)"><a href="javascript:alert(1)">l</a></p><svg><script>1</script></svg>', BASE));
    expect(sanitizerChoice.used).to.equal('platform');
    expect(div.innerHTML).to.equal('<p id="user-content-a">Tin <img loading="lazy" decoding="async"><a>l</a></p>');
    await sanitizeArticleHtml('<p>x</p><iframe src="https://www.youtube.com/embed/abc"></iframe>', BASE);
    expect(sanitizerChoice.used).to.equal('dompurify');
    await sanitizeArticleHtml('<p>x</p><iframe src="https://www.youtube.com/embed/abc"></iframe>', BASE, { iframeOrigins: [] });
    expect(sanitizerChoice.used).to.equal('platform');
  });

  it('the two paths give the same article from the demo body', async () => {
    const demo = await (await fetch('/demo/feed.json')).json();
    const bodies = demo.items.map((i: { content_html?: string }) => i.content_html).filter(Boolean).slice(0, 8) as string[];
    expect(bodies.length).to.be.above(3);
    for (const body of bodies) {
      sanitizerChoice.force = 'platform';
      const native = toHtml(await sanitizeArticleHtml(body, BASE));
      expect(sanitizerChoice.used).to.equal('platform');
      sanitizerChoice.force = 'dompurify';
      const purified = toHtml(await sanitizeArticleHtml(body, BASE));
      expect(native.textContent).to.equal(purified.textContent);
      const shape = (d: HTMLElement) => [...d.querySelectorAll('*')].map((e) => `${e.localName}${e.getAttribute('src') ? `[${e.getAttribute('src')}]` : ''}${e.getAttribute('href') ? `[${e.getAttribute('href')}]` : ''}`);
      expect(shape(native)).to.deep.equal(shape(purified));
    }
  });
});

describe('textParagraphs', () => {
  it('splits on blank lines and keeps line breaks inside a paragraph', () => {
    expect(textParagraphs('Một\nhai\r\n\r\n\n  Ba  \n\n')).to.deep.equal([['Một', 'hai'], ['Ba']]);
    expect(textParagraphs('')).to.deep.equal([]);
  });
});
