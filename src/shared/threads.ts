/**
 * The page's main thread: giving it back between steps of a long job, and putting
 * off work until the page is idle. Starting the workers that take such jobs off it
 * is `workers.ts`, apart, so pages that start none (most) do not download it.
 */

interface Scheduler {
  yield?: () => Promise<void>;
}

/** Lets the browser paint and handle input, then resumes: `scheduler.yield()`, else a MessageChannel task. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs `fn` once the page is idle, at the latest after `timeoutMs`; where there is no
 * `requestIdleCallback` (Safari), after `fallbackMs`.
 */
export function whenIdle(fn: () => void, timeoutMs: number, fallbackMs: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: timeoutMs });
  else setTimeout(fn, fallbackMs);
}
