import type FuseType from 'fuse.js/basic';

export type Fuse<T> = FuseType<T>;
export type FuseClass = typeof FuseType;

let loading: Promise<FuseClass> | null = null;

/**
 * fuse.js, fetched the first time a search box is used and never with the
 * page (the basic build: fuzzy search is all bantin asks of it). A failed
 * load (offline before the chunk was cached) may be retried.
 */
export function loadFuse(): Promise<FuseClass> {
  loading ??= import('fuse.js/basic').then(
    (m) => m.default,
    (e) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}
