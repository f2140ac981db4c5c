import { expect } from '@open-wc/testing';
import { boxKey, type BoxKeyState } from '../../src/elements/search-keys.js';

const box = (s: Partial<BoxKeyState> = {}): BoxKeyState => ({
  pageMode: false,
  open: true,
  active: -1,
  options: 3,
  busy: false,
  hasAction: false,
  query: 'kiem',
  ...s,
});

describe('the search box\'s keys (boxKey)', () => {
  it('ArrowDown and ArrowUp move through the options and wrap round', () => {
    expect(boxKey('ArrowDown', box())).to.deep.equal({ do: 'move', active: 0 });
    expect(boxKey('ArrowUp', box())).to.deep.equal({ do: 'move', active: 2 });
    expect(boxKey('ArrowDown', box({ active: 2 }))).to.deep.equal({ do: 'move', active: 0 });
    expect(boxKey('ArrowUp', box({ active: 0 }))).to.deep.equal({ do: 'move', active: 2 });
    expect(boxKey('ArrowDown', box({ active: 1 }))).to.deep.equal({ do: 'move', active: 2 });
  });

  it('a closed list opens on its active option before moving', () => {
    expect(boxKey('ArrowDown', box({ open: false, active: 1 }))).to.deep.equal({ do: 'move', active: 1 });
    expect(boxKey('ArrowDown', box({ open: false }))).to.deep.equal({ do: 'move', active: 0 });
  });

  it('arrows are the browser\'s with no options, while searching, and in page mode', () => {
    expect(boxKey('ArrowDown', box({ options: 0 }))).to.equal(null);
    expect(boxKey('ArrowDown', box({ busy: true }))).to.equal(null);
    expect(boxKey('ArrowUp', box({ pageMode: true }))).to.equal(null);
  });

  it('Enter chooses the active option, else goes to the results page, else does nothing', () => {
    expect(boxKey('Enter', box({ active: 1 }))).to.deep.equal({ do: 'choose', index: 1 });
    expect(boxKey('Enter', box({ active: 1, open: false, hasAction: true }))).to.deep.equal({ do: 'go' });
    expect(boxKey('Enter', box({ hasAction: true, query: '  ' }))).to.deep.equal({ do: 'nothing' });
    expect(boxKey('Enter', box())).to.deep.equal({ do: 'nothing' });
    expect(boxKey('Enter', box({ active: 5 }))).to.deep.equal({ do: 'nothing' });
    expect(boxKey('Enter', box({ pageMode: true, active: 1 }))).to.deep.equal({ do: 'search' });
  });

  it('Escape empties the box while it holds something, and is the browser\'s after', () => {
    expect(boxKey('Escape', box())).to.deep.equal({ do: 'clear' });
    expect(boxKey('Escape', box({ query: '', open: true }))).to.deep.equal({ do: 'clear' });
    expect(boxKey('Escape', box({ query: '', open: false }))).to.equal(null);
  });

  it('other keys are the browser\'s', () => {
    expect(boxKey('a', box())).to.equal(null);
    expect(boxKey('Tab', box({ active: 1 }))).to.equal(null);
  });
});
