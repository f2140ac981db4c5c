import { BantinNewsList } from '../elements/news-list.js';
import { defineElement } from '../elements/define.js';

defineElement('bantin-news-list', BantinNewsList);

export { BantinNewsList };
