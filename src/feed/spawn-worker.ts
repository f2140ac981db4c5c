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
