import { defineElement } from '../elements/define.js';
import { BantinSearch } from '../elements/search.js';

defineElement('bantin-search', BantinSearch);

export { BantinSearch, articleHref, type BantinSelectDetail } from '../elements/search.js';
