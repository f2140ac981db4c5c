import { expect } from '@open-wc/testing';
import { sanitizeArticleHtml, textParagraphs } from '../../src/format/sanitize.js';

const BASE = 'https://quan5.example.vn/tin-tuc/bai-viet.html';
const toHtml = (f: DocumentFragment) => {
  const div = document.createElement('div');
  div.append(f);
  return div;
};

describe('sanitizeArticleHtml', () => {
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

describe('textParagraphs', () => {
  it('splits on blank lines and keeps line breaks inside a paragraph', () => {
    expect(textParagraphs('Một\nhai\r\n\r\n\n  Ba  \n\n')).to.deep.equal([['Một', 'hai'], ['Ba']]);
    expect(textParagraphs('')).to.deep.equal([]);
  });
});
