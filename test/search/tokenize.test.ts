import { expect } from '@open-wc/testing';
import { eachWord, parseQuery, wordSpans } from '../../src/search/tokenize.js';

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

describe('eachWord', () => {
  const spans = (text: string) => {
    const out: [number, number][] = [];
    eachWord(text, (start, end) => void out.push([start, end]));
    return out;
  };

  it('finds the words wordSpans finds: letters, digits and marks, astral letters too; not punctuation or emoji', () => {
    for (const text of ['ban thuong vu', '«covid-19», e\u0301 ', '𠀀ab 𝐀1 😀x', 'a\u00a0b—c', '', '  ', '\ud800a']) {
      expect(spans(text), text).to.deep.equal(wordSpans(text).map((s) => [s.start, s.end]));
    }
  });

  it('stops at the first word its callback accepts', () => {
    const seen: number[] = [];
    eachWord('mot hai ba', (start) => {
      seen.push(start);
      return start === 4;
    });
    expect(seen).to.deep.equal([0, 4]);
  });
});

describe('parseQuery limits', () => {
  it('a pasted paragraph searches for its first words only', () => {
    const words = Array.from({ length: 40 }, (_, i) => `tu${i}`).join(' ');
    expect(parseQuery(words)).to.have.length(24);
  });
});
