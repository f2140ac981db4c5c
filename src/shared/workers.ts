/**
 * Starting the workers that take long jobs off the page (the feed worker, the search
 * worker). Apart from `threads.ts` so pages that start no worker do not download it:
 * both workers' clients, themselves loaded on use, share it (a chunk of its own in
 * the CDN build, see scripts/build.mjs).
 */

/** A worker script: its URL and the options its bundler gave it (webpack's are a classic script). */
export interface WorkerScript {
  url: URL;
  options: WorkerOptions;
}

/**
 * The worker script as the bundler wrote it. `start` is written as
 * `() => new Worker(new URL('./x.ts', import.meta.url), { type: 'module' })` with the global
 * `Worker`: the form Vite and webpack recognise in a package to bundle a worker (and its
 * imports) and rewrite its URL. It runs here against a stand-in `Worker` that only keeps
 * its arguments; `spawnWorker` starts the real one, also from another origin (a CDN),
 * where `new Worker(url)` would throw.
 */
export function workerScript(start: () => unknown): WorkerScript {
  const real = globalThis.Worker;
  let script: WorkerScript | null = null;
  globalThis.Worker = class {
    constructor(url: URL | string, options: WorkerOptions = {}) {
      script = { url: new URL(url, location.href), options };
    }
  } as unknown as typeof Worker;
  try {
    start();
  } finally {
    globalThis.Worker = real;
  }
  return script!;
}

/**
 * Starts a worker from `script`. A script on another origin (a CDN) cannot be a
 * worker's script; a same-origin blob that loads it can (a module worker's imports
 * and a classic worker's importScripts are both fetched across origins). Throws
 * where workers cannot start at all.
 */
export function spawnWorker({ url, options }: WorkerScript, viaBlob = url.origin !== location.origin): Worker {
  if (!viaBlob) return new Worker(url, options);
  const module = options.type === 'module';
  const source = module ? `import ${JSON.stringify(url.href)};` : `importScripts(${JSON.stringify(url.href)});`;
  const blob = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  try {
    return new Worker(blob, options);
  } finally {
    // The worker fetches the blob after the constructor returns: revoke it once that has surely happened.
    setTimeout(() => URL.revokeObjectURL(blob), 60_000);
  }
}
