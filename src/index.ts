/**
 * bantin: every element, and the data layers they stand on.
 * Importing this module defines all the elements.
 */
export * from './feed/index.js';
export * from './format/index.js';
export { FeedController, feedUrlOf, type FeedHost, type BantinLoadDetail, type BantinErrorDetail } from './elements/controllers/feed-controller.js';
export { LocaleController, langOf } from './elements/controllers/locale-controller.js';
export { BantinElement } from './elements/base.js';
export { defineElement } from './elements/define.js';

// Elements: each entry defines its tag (see src/entries/).
import './entries/search.js';
export * from './entries/search.js';
export * from './search/index.js';
