export { FeedStore, type FeedState, type FeedStatus, type FeedListener, type FeedStoreOptions } from './store.js';
export { FeedCache, type CachedFeed } from './cache.js';
export { FeedError, isFeedError, type FeedErrorCode } from './errors.js';
export { parseFeed, parseFeedText, parseFeedDate, safeUrl, type ParseOptions, type ParseResult } from './parse.js';
export { readFeed, detectFormat, type FeedFormat } from './read.js';
export { parseRfc822Date } from './rfc822.js';
export { decodeBody } from './decode.js';
export { openKV, type KV } from './kv.js';
export type { Feed, Article, Attachment, SkippedItem } from './types.js';
