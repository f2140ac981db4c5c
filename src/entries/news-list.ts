import { BantinNewsList } from '../elements/news-list.js';
import { defineElement } from '../elements/define.js';
import { TAGS } from '../elements/tags.js';

defineElement(TAGS['news-list'], BantinNewsList);

export { BantinNewsList };
