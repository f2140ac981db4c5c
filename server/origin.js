// Which web pages may use the counter. A browser names the page's origin in
// the Origin header of every cross-origin request and of every POST; the
// server refuses origins that are neither its own nor on the --origin list,
// so another site's page cannot inflate the counts (a "simple" POST needs no
// preflight, so CORS headers alone would not stop the hit being counted).
// Requests without Origin (curl, server-to-server) cannot be told apart from
// a reader anyway and are let through (the rate limit holds them).

/**
 * Normalizes `--origin` (and `--public-origin`) values; `*` allows every origin.
 * @param {string[]} list
 * @param {string} [flag]
 * @returns {string[]}
 */
export function parseOrigins(list, flag = '--origin') {
  return list.map((value) => {
    if (value === '*' && flag === '--origin') return '*';
    let url;
    try {
      url = new URL(value);
    } catch {
      throw new Error(`${flag} ${value}: not a URL (expected like https://quan5.hochiminhcity.gov.vn)`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${flag} ${value}: only http(s) origins`);
    return url.origin;
  });
}

/** @typedef {{ origin: string | null, allowed: boolean, cors: boolean }} OriginVerdict */

/**
 * @param {string[]} allowed normalized origins (see parseOrigins)
 * @param {string[]} [publicOrigins] the origins readers reach this server at (--public-origin)
 * @returns {(req: import('node:http').IncomingMessage) => OriginVerdict}
 */
export function originPolicy(allowed, publicOrigins = []) {
  const any = allowed.includes('*');
  const set = new Set(allowed);
  const own = new Set(publicOrigins);
  return (req) => {
    const origin = req.headers.origin ?? null;
    if (origin === null) return { origin, allowed: true, cors: false };
    // Same origin is the public origin the operator named, or the very address
    // the connection came in on. Never Host or X-Forwarded-Host: a DNS-rebinding
    // page sends Host equal to its own Origin, which would make any site "same".
    if (own.has(origin) || origin === listeningOrigin(req) || origin === loopbackAlias(req)) return { origin, allowed: true, cors: false };
    if (any || set.has(origin)) return { origin, allowed: true, cors: true };
    return { origin, allowed: false, cors: false };
  };
}

/** `http://<address the socket accepted on>:<port>`, as a browser would write it. */
function listeningOrigin(/** @type {import('node:http').IncomingMessage} */ req) {
  const { localAddress, localPort } = req.socket;
  if (!localAddress) return null;
  const host = localAddress.startsWith('::ffff:') ? localAddress.slice(7) : localAddress;
  return `http://${host.includes(':') ? `[${host}]` : host}:${localPort}`;
}

/** A page from http://localhost:<port> when the connection is over loopback (no name to rebind there). */
function loopbackAlias(/** @type {import('node:http').IncomingMessage} */ req) {
  const { localAddress, remoteAddress, localPort } = req.socket;
  const loopback = (/** @type {string | undefined} */ a) => a === '::1' || a?.startsWith('127.') || a?.startsWith('::ffff:127.');
  return loopback(localAddress) && loopback(remoteAddress) ? `http://localhost:${localPort}` : null;
}
