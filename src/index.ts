/**
 * bantin: every element, and the data layers they stand on.
 * Importing this module defines all the elements.
 */
export * from './feed/index.js';
export * from './format/index.js';
export * from './counter/index.js';
export { FeedController, feedUrlOf, type FeedHost, type BantinLoadDetail, type BantinErrorDetail } from './elements/controllers/feed-controller.js';
export { LocaleController, langOf } from './elements/controllers/locale-controller.js';
export * from './elements/controllers/counter-controller.js';
export { BantinElement } from './elements/base.js';
export { defineElement } from './elements/define.js';

// Elements: each entry defines its tag (see src/entries/).
import './entries/article.js';
import './entries/news-list.js';
import './entries/date-picker.js';
import './entries/counter.js';
export { BantinArticle, type BantinArticleChangeDetail } from './entries/article.js';
export { BantinNewsList } from './entries/news-list.js';
export * from './entries/date-picker.js';
export * from './format/calendar.js';
export { newestFirst, neighbours, matchesFilter, type Direction, type ListFilter } from './feed/select.js';
export { findArticle, latestArticle } from './feed/find.js';
export { newsDays } from './feed/days.js';
export * from './entries/counter.js';
import './entries/search.js';
export * from './entries/search.js';
// The search layer is not re-exported here: <bantin-search> loads it on first
// focus, and a static export would put it in every page's first download.
// It is the `bantin/search-engine` entry.
