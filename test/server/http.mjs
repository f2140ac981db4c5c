// For the Node tests of bantin-server: raw HTTP requests (the path is sent
// exactly as given, so `/../` reaches the server) and a temp folder per test file.
import { request as httpRequest, Agent } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * @returns {Promise<{ status: number, headers: import('node:http').IncomingHttpHeaders, text: string, json: any }>}
 */
export function request(base, path, { method = 'GET', headers = {}, body, agent } = {}) {
  const url = new URL(base);
  if (body !== undefined && !headers['Transfer-Encoding']) headers = { 'Content-Length': Buffer.byteLength(body), ...headers };
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path, method, headers, agent },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json = null;
          try {
            json = JSON.parse(text);
          } catch {
            // not JSON: tests look at text
          }
          resolve({ status: res.statusCode, headers: res.headers, text, json });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** POST /counter {"key": key}. */
export const hit = (base, key, options = {}) =>
  request(base, '/counter', { method: 'POST', body: JSON.stringify({ key }), ...options });

export const countOf = async (base, key) => (await request(base, `/counter?key=${encodeURIComponent(key)}`)).json.count;

/** A keep-alive agent with a bounded number of sockets: load stays modest on a shared machine. */
export const boundedAgent = (maxSockets = 64) => new Agent({ keepAlive: true, maxSockets });

export async function tempDir() {
  const dir = await mkdtemp(join(tmpdir(), 'bantin-server-test-'));
  return { dir, file: (name) => join(dir, name), remove: () => rm(dir, { recursive: true, force: true }) };
}
