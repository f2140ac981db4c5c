import { expect } from '@open-wc/testing';
import { decodeBody, charsetOf } from '../../src/feed/decode.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

describe('decodeBody', () => {
  it('reads UTF-8, and drops a UTF-8 byte-order mark', () => {
    expect(decodeBody(utf8('Quận ủy'))).to.equal('Quận ủy');
    expect(decodeBody(concat(Uint8Array.of(0xef, 0xbb, 0xbf), utf8('{"a":"đường"}')))).to.equal('{"a":"đường"}');
  });

  it('reads UTF-16 by its byte-order mark', () => {
    const le = Uint8Array.of(0xff, 0xfe, 0x51, 0x00, 0xed, 0x1e);
    expect(decodeBody(le)).to.equal('Q\u1eed');
    const be = Uint8Array.of(0xfe, 0xff, 0x00, 0x51, 0x1e, 0xed);
    expect(decodeBody(be)).to.equal('Q\u1eed');
  });

  it('follows the HTTP charset before the XML declaration', () => {
    const body = latin1('<?xml version="1.0" encoding="utf-8"?><t>Notícias</t>');
    expect(decodeBody(body, 'application/rss+xml; charset=ISO-8859-1')).to.contain('Notícias');
    expect(charsetOf('text/xml; charset="windows-1252"')).to.equal('windows-1252');
    expect(charsetOf('application/json')).to.equal(null);
  });

  it('follows the XML declaration when HTTP names no charset', () => {
    expect(decodeBody(latin1('<?xml version="1.0" encoding="ISO-8859-1"?><t>Últimas</t>'), 'text/xml')).to.contain('Últimas');
    // 中文 in GB2312
    const gb = concat(utf8('<?xml version="1.0" encoding="gb2312"?><t>'), Uint8Array.of(0xd6, 0xd0, 0xce, 0xc4), utf8('</t>'));
    expect(decodeBody(gb)).to.contain('中文');
  });

  it('reads windows-1258, the old Vietnamese code page, into composed (NFC) text', () => {
    // "Quận ủy" in windows-1258: ậ is â (0xE2) + combining dot below (0xF2), ủ is u + combining hook (0xD2).
    const bytes = concat(utf8('<?xml version="1.0" encoding="windows-1258"?><t>Qu'), Uint8Array.of(0xe2, 0xf2), utf8('n u'), Uint8Array.of(0xd2), utf8('y</t>'));
    expect(decodeBody(bytes)).to.equal('<?xml version="1.0" encoding="windows-1258"?><t>Quận ủy</t>');
  });

  it('falls back to windows-1252 when bytes said or assumed to be UTF-8 are not', () => {
    expect(decodeBody(latin1('<rss><title>simulações</title></rss>'))).to.contain('simulações');
    expect(decodeBody(latin1('<t>ação</t>'), 'text/xml; charset=utf-8')).to.contain('ação');
  });

  it('ignores a charset label the platform does not know', () => {
    expect(decodeBody(utf8('Tin tức'), 'text/xml; charset=x-made-up')).to.equal('Tin tức');
  });
});
