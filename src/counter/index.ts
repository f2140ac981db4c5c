export { BantinError } from '../shared/errors.js';
export { CounterError, type CounterErrorCode } from './errors.js';
export {
  getCount,
  getCounts,
  recordHit,
  counterUrl,
  isCount,
  isCounterKey,
  COUNTER_KEY_PATTERN,
  COUNTER_TIMEOUT_MS,
  type CounterRequestOptions,
} from './client.js';
export { loadCount, lastKnownCount, type LoadCountOptions } from './load.js';
export { readCachedCount, writeCachedCount, type CachedCount } from './cache.js';
export { countedThisSession, markCounted } from './session.js';
export { articleCounterKey } from './keys.js';
