import { expect } from '@open-wc/testing';
import { englishReady, errorLabel, label, labelsFor, SHARED_LABELS } from '../../src/format/labels.js';
import { ARTICLE_LABELS } from '../../src/format/labels/article.js';
import { DATE_PICKER_LABELS } from '../../src/format/labels/date-picker.js';
import { SEARCH_LABELS } from '../../src/format/labels/search.js';
import { LABELS } from '../../src/format/labels/all.js';
import { COUNTER_LABELS, counterLabel } from '../../src/format/labels/counter.js';
import { NEWS_LIST_LABELS, newsListLabel } from '../../src/format/labels/news-list.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('labels', () => {
  it('every word is in Vietnamese and in English, with the same placeholders', () => {
    expect(Object.keys(LABELS.en).sort()).to.deep.equal(Object.keys(LABELS.vi).sort());
    for (const key of Object.keys(LABELS.vi) as (keyof typeof LABELS.vi)[]) {
      expect(LABELS.vi[key], key).to.be.a('string').and.not.equal('');
      expect(placeholders(LABELS.en[key]), key).to.deep.equal(placeholders(LABELS.vi[key]));
    }
  });

  it('English words are Vietnamese until they are loaded, on demand, once', async () => {
    expect(label('en', 'retry')).to.equal('Thử lại');
    const loading = englishReady()!;
    expect(englishReady()).to.equal(loading);
    await loading;
    expect(englishReady()).to.equal(null);
    expect(label('en', 'retry')).to.equal('Retry');
  });

  it("an element's label function gives its own words and the shared ones, placeholders filled", async () => {
    await englishReady();
    expect(counterLabel('vi', 'visits')).to.equal('SỐ LƯỢT TRUY CẬP');
    expect(counterLabel('en', 'visitsLabel', { count: '19,467,540' })).to.equal('Visits: 19,467,540');
    expect(newsListLabel('vi', 'loading')).to.equal('Đang tải…');
    expect(newsListLabel('vi', 'emptyDay', {})).to.equal('Không có tin ngày {date}');
    expect(label('en', 'retry')).to.equal('Retry');
    expect(errorLabel('vi', 'http', 404)).to.equal('Máy chủ trả lỗi 404 khi tải bản tin.');
  });

  it('no element table repeats a shared word, and no two element tables share a key (one word, one place)', () => {
    const tables = [SHARED_LABELS, ARTICLE_LABELS, NEWS_LIST_LABELS, COUNTER_LABELS, DATE_PICKER_LABELS, SEARCH_LABELS];
    const keys = tables.flatMap((t) => Object.keys(t.vi));
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).to.deep.equal([]);
    // A table of one's own, for a UI of one's own.
    const own = labelsFor({ vi: { x: 'một' }, en: { x: 'one' } });
    expect(own('en', 'x')).to.equal('one');
    expect(own('vi', 'retry')).to.equal('Thử lại');
  });
});
