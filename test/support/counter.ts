/** Browser-side helpers for the real counter service the test run starts (test/support/plugins/counter-service.mjs). */
import { executeServerCommand } from '@web/test-runner-commands';
import { lastKnownCount } from '../../src/counter/index.js';
import { until } from './until.js';

let direct: string | null = null;

/** The service's own URL (another origin than the test page): `http://127.0.0.1:PORT`. */
export async function counterServiceUrl(): Promise<string> {
  direct ??= ((await executeServerCommand('counter-service')) as { url: string }).url;
  return direct;
}

/** The endpoint to give an element for the service, cross-origin. */
export const directEndpoint = async () => `${await counterServiceUrl()}/counter`;

export interface ProxyBehaviour {
  /** Drop every connection: a dead service. */
  down?: boolean;
  /** Answer this late (the client gives up after 5 s). */
  delayMs?: number;
}

/** A same-origin endpoint in front of the service, which a test can make dead or slow. */
export async function proxyEndpoint(id: string, behaviour: ProxyBehaviour = {}): Promise<string> {
  const res = await fetch(`/__counter-proxy/${encodeURIComponent(id)}`, { method: 'POST', body: JSON.stringify(behaviour) });
  if (!res.ok) throw new Error(`counter proxy setup failed: ${res.status}`);
  return new URL(`/counter-proxy/${encodeURIComponent(id)}/counter`, location.href).href;
}

/** The count the service holds now, asked directly (not through any element). */
export async function serviceCount(key: string): Promise<number> {
  const res = await fetch(`${await counterServiceUrl()}/counter?key=${encodeURIComponent(key)}`, { cache: 'no-store' });
  return (await res.json()).count;
}

/** Records a hit as another reader would. */
export async function serviceHit(key: string): Promise<number> {
  const res = await fetch(`${await counterServiceUrl()}/counter`, { method: 'POST', body: JSON.stringify({ key }) });
  return (await res.json()).count;
}

/** Resolves once the last known count of `key` at `endpoint` is `count` (it is written in the background). */
export async function cachedCountIs(endpoint: string, key: string, count: number, timeoutMs = 10_000): Promise<void> {
  await until(async () => (await lastKnownCount(endpoint, key))?.count === count, timeoutMs, `the cached count ${count} of ${key}`);
}
