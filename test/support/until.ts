/** Polling helpers for tests: wait for what a reader would see, never for a fixed time. */

/** Resolves when `predicate` holds (it may be async), polling each frame; rejects after `timeoutMs`. */
export async function until<T>(
  predicate: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const start = performance.now();
  for (;;) {
    const v = await predicate();
    if (v) return v;
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 16));
  }
}

/** A pause, for tests whose point is time passing (a debounce, a late answer). */
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
