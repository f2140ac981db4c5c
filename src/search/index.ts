/**
 * The search layer: plain TypeScript, no rendering. `<bantin-search>` is one
 * user; a page can build its own search UI on `searchFor(feed)` (the engine in
 * a worker, else on the page), `searchEngineFor(feed)` (on the page) or
 * `searchThroughIndex(feed, '/search/')` (a whole archive through the index
 * `buildArchive` / `bantin-index` wrote; docs/search-index.md).
 */
export { fold, hasMarks, marksAgree } from './fold.js';
export { stripHtml, decodeEntities } from '../shared/text.js';
export { parseQuery, type QueryToken } from './tokenize.js';
export type { Highlighted } from './highlight.js';
export { SearchIndexCache } from './index-cache.js';
export {
  SearchEngine,
  searchEngineFor,
  FUSE_CANDIDATES,
  type SearchHit,
  type SearchItem,
  type SearchResults,
  type SearchOptions,
  type EngineStats,
} from './engine.js';
export { searchFor, WorkerSearchEngine, type Searcher } from './worker-client.js';
export { searchThroughIndex } from './archive/searcher.js';
export { ArchiveEngine, type ArchiveSource } from './archive/engine.js';
export { buildArchive, type ArchiveFile, type ArchiveBuildOptions } from './archive/build.js';
export type { ArchiveManifest, DisplayRecord } from './archive/format.js';
export { feedVersion } from './version.js';
export { loadFuse } from './fuse.js';
