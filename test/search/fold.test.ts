import { expect } from '@open-wc/testing';
import { fold, hasMarks, marksAgree } from '../../src/search/fold.js';

describe('fold', () => {
  it('strips tone and vowel marks, folds đ/Đ to d, lower-cases', () => {
    expect(fold('Kiểm điểm Ban Thường vụ Quận ủy ĐƯỜNG Đắk Lắk')).to.equal('kiem diem ban thuong vu quan uy duong dak lak');
  });

  it('keeps the length, so an offset in the folded text is the same offset in the original', () => {
    const text = 'Hội nghị Ban Chấp hành Đảng bộ Quận khóa XI — «tự diễn biến», 2017…';
    const folded = fold(text);
    expect(folded.length).to.equal(text.length);
    const at = folded.indexOf('dang bo');
    expect(text.slice(at, at + 'dang bo'.length)).to.equal('Đảng bộ');
  });

  it('leaves text without marks unchanged', () => {
    expect(fold('covid-19 2021')).to.equal('covid-19 2021');
  });

  it('tells whether a query carries marks', () => {
    expect(hasMarks('duong')).to.equal(false);
    expect(hasMarks('Duong')).to.equal(false);
    expect(hasMarks('đường')).to.equal(true);
    expect(hasMarks('quận')).to.equal(true);
  });

  it('compares marks the way a reader means them: plain letters match any mark, marked ones only themselves', () => {
    expect(marksAgree('đường', 'đường')).to.equal(true);
    expect(marksAgree('đường', 'Đường')).to.equal(true);
    expect(marksAgree('đường', 'dương')).to.equal(false);
    expect(marksAgree('duờng', 'đường')).to.equal(true);
    expect(marksAgree('duờng', 'dưỡng')).to.equal(false);
    expect(marksAgree('kiểm', 'kiểm')).to.equal(true);
    expect(marksAgree('kiểm', 'kiếm')).to.equal(false);
  });
});
