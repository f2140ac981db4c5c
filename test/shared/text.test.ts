import { expect } from '@open-wc/testing';
import { bodyText, decodeEntities, stripHtml } from '../../src/shared/text.js';

describe('stripHtml', () => {
  it('keeps the text, drops tags, scripts, styles and comments, and spaces block tags apart', () => {
    const html =
      '<p>Kiểm&nbsp;điểm</p><script>alert("x")</script><style>p{}</style><!-- ghi chú --><div>Ban <b>Thường</b> vụ</div><br>Quận ủy';
    expect(stripHtml(html)).to.equal('Kiểm điểm Ban Thường vụ Quận ủy');
  });

  it('decodes numeric and named entities, including the Latin-1 letters old CMSs write', () => {
    expect(decodeEntities('ki&#7875;m &#x111;i&#x1EC3;m &amp; &agrave; &Ecirc; &laquo;x&raquo; &bogus;')).to.equal(
      'kiểm điểm & à Ê «x» &bogus;',
    );
  });

  it('normalizes to NFC, so decomposed marks become one character', () => {
    const decomposed = 'Kie\u0302\u0309m'.normalize('NFD');
    expect(stripHtml(`<p>${decomposed}</p>`)).to.equal('Kiểm');
  });

  it('reads content_text as it is and content_html stripped', () => {
    expect(bodyText({ contentText: '  a\n\n b ', contentHtml: '<p>x</p>' })).to.equal('a b');
    expect(bodyText({ contentText: null, contentHtml: '<p>x</p><p>y</p>' })).to.equal('x y');
    expect(bodyText({ contentText: null, contentHtml: null })).to.equal('');
  });
});
