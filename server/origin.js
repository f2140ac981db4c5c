// Which web pages may use the counter. A browser names the page's origin in
// the Origin header of every cross-origin request and of every POST; the
// server refuses origins that are neither its own nor on the --origin list,
// so another site's page cannot inflate the counts (a "simple" POST needs no
// preflight, so CORS headers alone would not stop the hit being counted).
// Requests without Origin (curl, server-to-server) cannot be told apart from
// a reader anyway and are let through.

/** Normalizes `--origin` values; `*` allows every origin. */
export function parseOrigins(list) {
  return list.map((value) => {
    if (value === '*') return '*';
    let url;
    try {
      url = new URL(value);
    } catch {
      throw new Error(`--origin ${value}: not a URL (expected like https://quan5.hochiminhcity.gov.vn)`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`--origin ${value}: only http(s) origins`);
    return url.origin;
  });
}

/**
 * @param {string[]} allowed normalized origins (see parseOrigins)
 * @returns {(req: import('node:http').IncomingMessage) => { origin: string | null, allowed: boolean, cors: boolean }}
 */
export function originPolicy(allowed) {
  const any = allowed.includes('*');
  const set = new Set(allowed);
  return (req) => {
    const origin = req.headers.origin ?? null;
    if (origin === null) return { origin, allowed: true, cors: false };
    if (any || set.has(origin)) return { origin, allowed: true, cors: true };
    let host;
    try {
      host = new URL(origin).host;
    } catch {
      return { origin, allowed: false, cors: false }; // "null" (sandboxed frames, file:) and junk
    }
    // Same origin: the page came from this server, or from the proxy in front
    // of it (which keeps Host, or names it in X-Forwarded-Host; a page cannot
    // set that header cross-origin without a preflight we refuse).
    const forwarded = String(req.headers['x-forwarded-host'] ?? '').split(',')[0].trim() || undefined;
    const same = host === req.headers.host || (forwarded !== undefined && host === forwarded);
    return { origin, allowed: same, cors: false };
  };
}
