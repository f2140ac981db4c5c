/**
 * The page's main thread and workers: giving the thread back between steps of
 * a long job, and starting the workers that take such jobs off it (one module,
 * so that both workers' clients share it with the page instead of a chunk of its own).
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
 * Starts a module worker from `url`. A script on another origin (a CDN) cannot
 * be a worker's script; a same-origin blob that imports it can (module
 * imports are fetched with CORS). Throws where workers cannot start at all.
 */
export function spawnWorker(url: URL, viaBlob = url.origin !== location.origin): Worker {
  if (!viaBlob) return new Worker(url, { type: 'module' });
  const blob = URL.createObjectURL(new Blob([`import ${JSON.stringify(url.href)};`], { type: 'text/javascript' }));
  try {
    return new Worker(blob, { type: 'module' });
  } finally {
    // The worker fetches the blob after the constructor returns: revoke it once that has surely happened.
    setTimeout(() => URL.revokeObjectURL(blob), 60_000);
  }
}
