import { expect } from '@open-wc/testing';
import { fold } from '../../src/search/fold.js';
import { excerpt, markedWordPattern, WordMatcher } from '../../src/search/highlight.js';
import { parseQuery } from '../../src/search/tokenize.js';

const matcher = (query: string, words: string[][]) => {
  const q = parseQuery(query);
  return new WordMatcher(q, words.map((w) => new Set(w)), q.map(() => true));
};

describe('WordMatcher', () => {
  it('finds the matched words of a text, exactly those words, as ranges on the original text', () => {
    const text = 'Góp ý kiểm điểm của Ban Thường vụ Quận ủy, kiểm tra';
    const m = matcher('kiem diem', [['kiem'], []]);
    const hits = m.hits(fold(text));
    expect(hits.map((h) => text.slice(h.start, h.end))).to.deep.equal(['kiểm', 'điểm', 'kiểm']);
  });

  it('a word being typed matches the words it begins, whole', () => {
    const text = 'Đường hoa, dương lịch, đương nhiên';
    const m = matcher('duo', [[]]);
    expect(m.hits(fold(text)).map((h) => text.slice(h.start, h.end))).to.deep.equal(['Đường', 'dương', 'đương']);
  });

  it('counts the marked query words a text matches with the reader’s marks', () => {
    const m = matcher('đường ', [['duong']]);
    const a = 'Đường hoa';
    const b = 'Dương lịch';
    const exact = new Set<number>();
    m.exactMarks(b, m.hits(fold(b)), exact);
    expect(exact.size).to.equal(0);
    m.exactMarks(a, m.hits(fold(a)), exact);
    expect(exact.size).to.equal(1);
  });
});

describe('markedWordPattern', () => {
  it('finds a marked word in raw text, any case, as a whole word', () => {
    const [t] = parseQuery('đường ');
    const re = markedWordPattern(t);
    expect(re.test('<p>ĐƯỜNG phố</p>')).to.equal(true);
    expect(re.test('dương lịch')).to.equal(false);
    expect(re.test('đườngx')).to.equal(false);
  });

  it('plain letters in a partly marked word stand for any mark', () => {
    const [t] = parseQuery('duờng ');
    expect(markedWordPattern(t).test('con đường')).to.equal(true);
    expect(markedWordPattern(t).test('dưỡng')).to.equal(false);
  });
});

describe('excerpt', () => {
  const text =
    'Ngày 22 tháng 02 năm 2017, Quận ủy Quận 5 đã tổ chức Hội nghị Ban Chấp hành Đảng bộ quận (bất thường) khóa XI nhằm thảo luận, góp ý kiểm điểm của Ban Thường vụ Quận ủy. Đồng chí Võ Tiến Sĩ chủ trì.';

  it('cuts about `width` characters around the words, with … where it cuts, and shifts the ranges', () => {
    const m = matcher('kiem diem', [['kiem'], []]);
    const e = excerpt(text, m.hits(fold(text)), 80);
    expect(e.text.startsWith('… ')).to.equal(true);
    expect(e.text.length).to.be.at.most(84);
    expect(e.ranges.map(([a, b]) => e.text.slice(a, b))).to.deep.equal(['kiểm', 'điểm']);
  });

  it('a short text stays whole', () => {
    const e = excerpt('Quận ủy', [{ start: 5, end: 7, token: 0 }], 80);
    expect(e).to.deep.equal({ text: 'Quận ủy', ranges: [[5, 7]] });
  });
});
