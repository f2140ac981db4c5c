import { expect } from '@open-wc/testing';
import { parseQuery, wordSpans } from '../../src/search/tokenize.js';

describe('parseQuery', () => {
  it('splits what the reader typed into folded words; the last one, still being typed, is a prefix', () => {
    const q = parseQuery('Kiểm  đ');
    expect(q.map((t) => [t.folded, t.typed, t.marked, t.prefix])).to.deep.equal([
      ['kiem', 'kiểm', true, false],
      ['d', 'đ', true, true],
    ]);
  });

  it('a trailing space completes the last word', () => {
    expect(parseQuery('quan uy ').map((t) => t.prefix)).to.deep.equal([false, false]);
  });

  it('punctuation separates words and is not a word', () => {
    expect(parseQuery('«covid-19»').map((t) => t.folded)).to.deep.equal(['covid', '19']);
  });
});

describe('wordSpans', () => {
  it('gives each word with its offsets', () => {
    expect(wordSpans('ban thuong vu').map((s) => [s.word, s.start, s.end])).to.deep.equal([
      ['ban', 0, 3],
      ['thuong', 4, 10],
      ['vu', 11, 13],
    ]);
  });
});

describe('parseQuery limits', () => {
  it('a pasted paragraph searches for its first words only', () => {
    const words = Array.from({ length: 40 }, (_, i) => `tu${i}`).join(' ');
    expect(parseQuery(words)).to.have.length(24);
  });
});
