import { openKV } from '../shared/kv.js';
import { isCount } from './values.js';

/** The last count the service gave, per endpoint and key, so the next visit paints a number at once. */
export interface CachedCount {
  count: number;
  /** When it was fetched (ms since epoch). */
  at: number;
}

const kv = () => openKV('bantin-counter');
const id = (url: string, key: string) => `${url}|${key}`;

/** Never throws: a broken or garbled cache is just no cache. */
export async function readCachedCount(url: string, key: string): Promise<CachedCount | null> {
  try {
    const value = await kv().get<CachedCount>(id(url, key));
    return value && isCount(value.count) ? value : null;
  } catch {
    return null;
  }
}

export async function writeCachedCount(url: string, key: string, count: number): Promise<void> {
  try {
    await kv().set(id(url, key), { count, at: Date.now() } satisfies CachedCount);
  } catch {
    // a full or closed IndexedDB costs only the instant number on the next visit
  }
}
