import { expect } from '@open-wc/testing';
import {
  buildIndexData,
  editDistance,
  FIELD_BODY,
  FIELD_TITLE,
  NO_POSITION,
  POSITION_UNIT,
  TokenIndex,
  type IndexSource,
} from '../../src/search/token-index.js';
import { parseQuery } from '../../src/search/tokenize.js';
import { TimeSlicer } from '../../src/search/yield.js';

const doc = (title: string, body = '', summary = ''): IndexSource => ({ title, summary, category: '', body, bodyIsHtml: true });

const DOCS = [
  doc('Hội nghị Ban Chấp hành', '<p>Góp ý kiểm điểm của Ban Thường vụ Quận ủy.</p>'),
  doc('Đường hoa Tết', '<p>Phố Hải Thượng Lãn Ông.</p>'),
  doc('Khám sức khỏe', '<p>Người cao tuổi phường 1 được kiểm tra.</p>'),
  doc('Kiểm điểm cuối năm', '<p>Tổng kết.</p>'),
  doc('Dương lịch', '<p>Lịch nghỉ.</p>'),
];

async function index(docs = DOCS) {
  return new TokenIndex(await buildIndexData(docs.length, (i) => docs[i], new TimeSlicer()));
}

describe('TokenIndex', () => {
  it('keeps every folded word, sorted, with its documents and fields', async () => {
    const ix = await index();
    const terms = ix.terms;
    expect([...terms].sort()).to.deep.equal(terms);
    const kiem = ix.find('kiem');
    expect(kiem).to.be.at.least(0);
    const { offsets, docs, fields } = ix.data;
    const postings = [...docs.subarray(offsets[kiem], offsets[kiem + 1])];
    expect(postings).to.deep.equal([0, 2, 3]);
    const f = [...fields.subarray(offsets[kiem], offsets[kiem + 1])];
    expect(f).to.deep.equal([FIELD_BODY, FIELD_BODY, FIELD_TITLE]);
  });

  it('remembers where a word first occurs in the body source', async () => {
    const ix = await index();
    const t = ix.find('thuong');
    const { offsets, positions } = ix.data;
    const at = positions[offsets[t]] * POSITION_UNIT;
    expect(DOCS[0].body.slice(at, at + 12)).to.contain('Thường');
    const title = ix.find('hoi');
    expect(positions[offsets[title]]).to.equal(NO_POSITION);
  });

  it('every word must match; a title match ranks above a body match', async () => {
    const ix = await index();
    const m = ix.match(parseQuery('kiem diem '));
    expect(m.docs).to.deep.equal([3, 0]);
    expect(m.matched).to.equal(2);
  });

  it('the word being typed matches as a prefix', async () => {
    const ix = await index();
    expect(ix.match(parseQuery('kie')).docs.sort()).to.deep.equal([0, 2, 3]);
    expect(ix.match(parseQuery('kiem d')).docs.sort()).to.deep.equal([0, 2, 3]);
    expect(ix.match(parseQuery('kiem di')).docs.sort()).to.deep.equal([0, 3]);
  });

  it('a typo finds the word it is one edit away from', async () => {
    const ix = await index();
    const m = ix.match(parseQuery('kiem diemm '));
    expect(m.docs).to.include(0);
    expect(m.docs).to.include(3);
    expect([...m.words[1]]).to.include('diem');
  });

  it('duong matches both đường and dương; with no match at all, nothing', async () => {
    const ix = await index();
    expect(ix.match(parseQuery('duong ')).docs.sort()).to.deep.equal([1, 4]);
    expect(ix.match(parseQuery('xyzzyq ')).docs).to.deep.equal([]);
  });

  it('when no document has every word, the ones with the most are returned', async () => {
    const ix = await index();
    const m = ix.match(parseQuery('kiem xyzzyq '));
    expect(m.matched).to.equal(1);
    expect(m.docs.sort()).to.deep.equal([0, 2, 3]);
  });
});

describe('TokenIndex ordering', () => {
  it('orders the best `head` documents by score and still counts every match', async () => {
    // Titles repeat "tin" 1 to 3 times; bodies all mention it once.
    const docs = Array.from({ length: 300 }, (_, i) =>
      doc(i % 7 === 0 ? 'Tin nóng' : `Bài ${i}`, `<p>Tin số ${i}</p>`, i % 3 === 0 ? 'Tin tóm tắt' : ''),
    );
    const ix = await index(docs);
    const m = ix.match(parseQuery('tin '), 5);
    expect(m.docs).to.have.length(300);
    expect(new Set(m.docs).size).to.equal(300);
    const head = m.scores.slice(0, 5);
    expect([...head].sort((a, b) => b - a)).to.deep.equal(head);
    expect(Math.min(...head)).to.be.at.least(Math.max(...m.scores.slice(5)));
    // Ties keep feed order: the first five are the first five documents with the best fields.
    expect(m.docs.slice(0, 5)).to.deep.equal([0, 21, 42, 63, 84]);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions, up to a bound', () => {
    expect(editDistance('diem', 'diem', 1)).to.equal(0);
    expect(editDistance('diem', 'dime', 1)).to.equal(1);
    expect(editDistance('diem', 'diemm', 1)).to.equal(1);
    expect(editDistance('kawasaky', 'kawasaki', 2)).to.equal(1);
    expect(editDistance('abc', 'xyz', 1)).to.equal(2);
  });
});
