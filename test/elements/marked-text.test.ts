import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { markedText } from '../../src/elements/marked-text.js';
import type { Highlighted } from '../../src/search/highlight.js';

const show = (host: HTMLElement, h: Highlighted) => {
  render(html`<span ${markedText(h)}></span>`, host);
  return host.querySelector('span')!;
};
const shape = (span: Element) => [...span.childNodes].map((n) => (n.nodeName === 'MARK' ? `[${n.textContent}]` : n.textContent));

describe('markedText', () => {
  it('wraps the ranges in <mark part="mark">, as text: markup in the text stays text', () => {
    const host = document.createElement('div');
    const span = show(host, { text: 'Kiểm <b>điểm</b> tiếp', ranges: [[0, 4], [8, 12]] });
    expect(shape(span)).to.deep.equal(['[Kiểm]', ' <b>', '[điểm]', '</b> tiếp']);
    expect(span.querySelectorAll('b')).to.have.length(0);
    expect([...span.querySelectorAll('mark')].every((m) => m.getAttribute('part') === 'mark')).to.equal(true);
  });

  it('reuses the nodes it made for the next text, and drops the ones left over', () => {
    const host = document.createElement('div');
    const span = show(host, { text: 'a kiem b diem c', ranges: [[2, 6], [9, 13]] });
    const [firstText, firstMark] = [...span.childNodes];
    show(host, { text: 'x quan y', ranges: [[2, 6]] });
    expect(shape(span)).to.deep.equal(['x ', '[quan]', ' y']);
    expect(span.childNodes[0]).to.equal(firstText);
    expect(span.childNodes[1]).to.equal(firstMark);
    show(host, { text: 'duong', ranges: [[0, 5]] });
    expect(shape(span)).to.deep.equal(['[duong]']);
    show(host, { text: 'no match', ranges: [] });
    expect(shape(span)).to.deep.equal(['no match']);
  });

  it('leaves the element alone when the same text and ranges come again', () => {
    const host = document.createElement('div');
    const span = show(host, { text: 'kiem diem', ranges: [[0, 4]] });
    const mark = span.querySelector('mark')!;
    mark.setAttribute('data-seen', '');
    show(host, { text: 'kiem diem', ranges: [[0, 4]] });
    expect(span.querySelector('mark')).to.equal(mark);
    expect(mark.hasAttribute('data-seen')).to.equal(true);
  });

  it('goes on an element only', () => {
    const host = document.createElement('div');
    expect(() => render(html`<p>${markedText({ text: 'x', ranges: [] })}</p>`, host)).to.throw(/goes on an element/);
  });
});
