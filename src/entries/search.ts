import { defineElement } from '../elements/define.js';
import { BantinSearch } from '../elements/search.js';

defineElement('bantin-search', BantinSearch);

export { BantinSearch, type BantinSelectDetail } from '../elements/search.js';
export { articleHref } from '../elements/links.js';
