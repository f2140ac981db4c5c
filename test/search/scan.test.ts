import { expect } from '@open-wc/testing';
import { scanWords } from '../../src/search/scan.js';

function words(text: string, html: boolean) {
  const out: [string, number][] = [];
  scanWords(text, html, {
    word(buffer, length, _hash, start) {
      out.push([String.fromCharCode(...buffer.subarray(0, length)), start]);
    },
  });
  return out;
}

describe('scanWords', () => {
  it('finds the folded words of HTML with their offsets in the source', () => {
    const html = '<p class="x">Kiểm <i>điểm</i></p><p>Quận ủy</p>';
    expect(words(html, true)).to.deep.equal([
      ['kiem', 13],
      ['diem', 21],
      ['quan', 36],
      ['uy', 41],
    ]);
  });

  it('agrees with stripHtml: inline tags join, block tags separate, entities are letters', () => {
    expect(words('ki<b>ể</b>m<br>đi&#7875;m', true).map(([w]) => w)).to.deep.equal(['kiem', 'diem']);
  });

  it('skips scripts, styles and comments', () => {
    expect(words('<script>var kiem = 1</script><!-- diem --><style>.a{}</style>ok', true).map(([w]) => w)).to.deep.equal(['ok']);
  });

  it('reads plain text as text: a < b is not a tag', () => {
    expect(words('a < b & c', false).map(([w]) => w)).to.deep.equal(['a', 'b', 'c']);
  });

  it('treats decomposed marks as part of the word', () => {
    expect(words('Kie\u0302\u0309m tra', false).map(([w]) => w)).to.deep.equal(['kiem', 'tra']);
  });

  it('skips runs longer than a word (URLs, base64)', () => {
    expect(words(`x ${'a'.repeat(60)} y`, false).map(([w]) => w)).to.deep.equal(['x', 'y']);
  });
});
