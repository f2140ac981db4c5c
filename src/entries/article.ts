import { BantinArticle } from '../elements/article.js';
import { defineElement } from '../elements/define.js';

defineElement('bantin-article', BantinArticle);

export { BantinArticle };
export type { BantinArticleChangeDetail } from '../elements/article.js';
