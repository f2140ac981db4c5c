/**
 * "One visit per browser session per key": a reload, or another page of the
 * same tab session, does not count again. sessionStorage is exactly that
 * scope. Where it throws (storage blocked, sandboxed frames, quota), a Set
 * for this page keeps at least a page from counting twice.
 */
const PREFIX = 'bantin-counter:';
const memory = new Set<string>();

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null; // a SecurityError on mere access
  }
}

const id = (url: string, key: string) => `${PREFIX}${url}|${key}`;

/** This browser session already recorded a visit to `key` at the counter `url`. */
export function countedThisSession(url: string, key: string): boolean {
  if (memory.has(id(url, key))) return true;
  try {
    return storage()?.getItem(id(url, key)) === '1';
  } catch {
    return false;
  }
}

export function markCounted(url: string, key: string): void {
  memory.add(id(url, key));
  try {
    storage()?.setItem(id(url, key), '1');
  } catch {
    // quota or blocked: the in-page Set still holds it
  }
}
