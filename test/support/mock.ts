/** Browser-side helpers for the test server's programmable feeds (test/support/plugins/mock-feeds.mjs). */

export interface MockConfig {
  status?: number;
  body?: string;
  /** A file served as the body: a path in the repository, e.g. `test/fixtures/feeds/rss-parser/guardian.rss`. */
  file?: string;
  /** With `file`: send ETag/Last-Modified (default true). */
  validators?: boolean;
  etag?: string;
  lastModified?: string;
  headers?: Record<string, string>;
  contentType?: string;
  delayMs?: number;
  /** Destroy the connection: what an offline reader gets. */
  drop?: boolean;
}

export interface MockRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  at: number;
}

let n = 0;
/** A mock id no other test (or earlier run sharing this IndexedDB) has used. */
export function uniqueId(prefix = 'feed'): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}-${n++}`;
}

export async function mockFeed(id: string, config: MockConfig): Promise<string> {
  const res = await fetch(`/__mock/${encodeURIComponent(id)}`, { method: 'POST', body: JSON.stringify(config) });
  if (!res.ok) throw new Error(`mock setup failed: ${res.status}`);
  return new URL(`/mock/${encodeURIComponent(id)}`, location.href).href;
}

export async function mockRequests(id: string): Promise<MockRequest[]> {
  const res = await fetch(`/__mock/${encodeURIComponent(id)}`);
  return (await res.json()).requests;
}

/** A JSON Feed document as text. */
export function feedJson(items: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Test', items, ...extra });
}

/** A minimal valid item. */
export function item(id: string | number, extra: Record<string, unknown> = {}) {
  return { id, title: `Tin ${id}`, content_html: `<p>Nội dung ${id}</p>`, date_published: '2017-02-27T13:35:00+07:00', ...extra };
}

/**
 * What the test server has served from now on: `served.paths()` lists the
 * paths requested since `servedFrom()` was called, workers' requests included.
 */
export async function servedFrom(): Promise<{ paths(): Promise<string[]> }> {
  const { count } = await (await fetch('/__served?since=0')).json();
  return {
    async paths() {
      return (await (await fetch(`/__served?since=${count}`)).json()).paths;
    },
  };
}
