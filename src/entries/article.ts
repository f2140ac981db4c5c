import { BantinArticle } from '../elements/article.js';
import { defineElement } from '../elements/define.js';
import { TAGS } from '../elements/tags.js';

defineElement(TAGS.article, BantinArticle);

export { BantinArticle };
export type { BantinArticleChangeDetail } from '../elements/article.js';
