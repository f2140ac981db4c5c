import { defineElement } from '../elements/define.js';
import { TAGS } from '../elements/tags.js';
import { BantinSearch } from '../elements/search.js';

defineElement(TAGS.search, BantinSearch);

export { BantinSearch, type BantinSelectDetail } from '../elements/search.js';
export { articleHref } from '../elements/links.js';
