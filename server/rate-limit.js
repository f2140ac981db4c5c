// Hits per client: a token bucket per address (`rate` tokens a second, at most
// `burst` saved up), so a reader's page views always count and one client
// cannot pour thousands of hits or new keys a second into the store.
import { isIPv6 } from 'node:net';

/**
 * The client a request counts against. X-Forwarded-For is read only when the
 * operator says a proxy sets it (--trust-proxy): otherwise any client could
 * name a fresh address per request. Its last entry is the one the proxy
 * appended; earlier ones are whatever the client sent. IPv6 clients are one
 * client per /64, the block a single host or home is given.
 * @param {import('node:http').IncomingMessage} req
 * @param {boolean} trustProxy
 * @returns {string}
 */
export function clientAddress(req, trustProxy) {
  let address = req.socket.remoteAddress ?? '';
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const last = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded)?.split(',').pop()?.trim();
    if (last) address = last;
  }
  if (address.startsWith('::ffff:') && address.includes('.')) return address.slice(7);
  if (isIPv6(address)) return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
  return address;
}

/** @param {string} address an IPv6 address, possibly with `::` */
function expandIPv6(address) {
  const [head, tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return groups.map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''));
}

/** Token buckets per client, in a Map bounded to `maxClients` (the least recently seen go first). */
export class ClientBuckets {
  /**
   * @param {{ rate: number, burst: number, maxClients?: number, now?: () => number }} options
   *   rate: tokens per second; burst: the most a client can save up
   */
  constructor({ rate, burst, maxClients = 100_000, now = () => performance.now() }) {
    this.rate = rate;
    this.burst = Math.max(1, burst);
    this.maxClients = maxClients;
    this.now = now;
    /** @type {Map<string, { tokens: number, at: number }>} */
    this.buckets = new Map();
  }

  get size() {
    return this.buckets.size;
  }

  /**
   * Takes a token for `client`: 0 when it may go on, else the seconds until it may.
   * @param {string} client
   * @returns {number}
   */
  take(client) {
    const now = this.now();
    let bucket = this.buckets.get(client);
    if (bucket) {
      this.buckets.delete(client); // re-inserted below: the Map's order is the order last seen
      bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.rate);
      bucket.at = now;
    } else {
      bucket = { tokens: this.burst, at: now };
      if (this.buckets.size >= this.maxClients) {
        // Forget the client seen longest ago: at worst it gets a full bucket back.
        const oldest = this.buckets.keys().next().value;
        if (oldest !== undefined) this.buckets.delete(oldest);
      }
    }
    this.buckets.set(client, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return (1 - bucket.tokens) / this.rate;
  }
}
