import { expect } from '@open-wc/testing';
import { defineElement } from '../../src/elements/define.js';

describe('defineElement', () => {
  it('defines once; a second copy warns once and defers to the first', () => {
    class First extends HTMLElement {}
    class Second extends HTMLElement {}
    const warnings: string[] = [];
    const realWarn = console.warn;
    console.warn = (...a: unknown[]) => warnings.push(a.join(' '));
    try {
      defineElement('test-define-twice', First);
      expect(() => defineElement('test-define-twice', Second)).not.to.throw();
      defineElement('test-define-twice', Second);
      defineElement('test-define-twice', First);
    } finally {
      console.warn = realWarn;
    }
    expect(customElements.get('test-define-twice')).to.equal(First);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<test-define-twice> is already defined');
  });
});
