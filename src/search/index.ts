/**
 * The search layer: plain TypeScript, no rendering. `<bantin-search>` is one
 * user; a page can build its own search UI on `searchEngineFor(feed)`.
 */
export { fold, hasMarks, marksAgree } from './fold.js';
export { stripHtml, decodeEntities } from './text.js';
export { parseQuery, type QueryToken } from './tokenize.js';
export type { Highlighted } from './highlight.js';
export { SearchIndexCache } from './index-cache.js';
export {
  SearchEngine,
  searchEngineFor,
  FUSE_CANDIDATES,
  type SearchHit,
  type SearchResults,
  type SearchOptions,
  type EngineStats,
} from './engine.js';
export { feedVersion } from './version.js';
export { loadFuse } from './fuse.js';
