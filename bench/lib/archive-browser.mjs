// Drives one search page of bench/archive.mjs in Chromium as a reader does: a fresh
// browser context (profile) per session, queries typed key by key, and for each query
// what the page fetched (from the site's log), when its results showed, long tasks.
//
// A side is { name, path (the page), input (selector of the search box),
// probe (a function, run in the page, returning { query, busy, hrefs, note }: what the
// results on screen are for), done(state, value) (those results are the final ones for
// what was typed), counts(path) (the request is search's, not the page's own) }.
import { now } from './archive-site.mjs';
import { cpuByWindow } from './trace.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Installed before the page's own scripts: records input events, what the probe sees after each DOM change (at the next frame), and long tasks. */
function recorder(probeSource) {
  const probe = new Function(`return (${probeSource})`)();
  const clock = () => performance.timeOrigin + performance.now();
  const rec = (window.__bench = { inputs: [], states: [], longTasks: [], loaded: false });
  document.addEventListener('bantin-load', () => (rec.loaded = true), true);
  document.addEventListener(
    'input',
    (e) => {
      const target = e.composedPath()[0];
      if (target && 'value' in target) rec.inputs.push({ t: clock(), value: target.value });
    },
    true,
  );
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) rec.longTasks.push({ t: performance.timeOrigin + e.startTime, ms: e.duration });
  }).observe({ type: 'longtask' });
  let last = '';
  const check = () => {
    let state;
    try {
      state = probe();
    } catch {
      return;
    }
    const key = JSON.stringify(state);
    if (key === last) return;
    last = key;
    // On screen: the frame after the DOM changed.
    requestAnimationFrame(() => rec.states.push({ ...state, t: clock() }));
  };
  const observer = new MutationObserver(check);
  const options = { subtree: true, childList: true, attributes: true, characterData: true };
  const roots = new WeakSet();
  const attach = () => {
    for (const root of [document.documentElement, ...[...document.querySelectorAll('*')].map((e) => e.shadowRoot).filter(Boolean)]) {
      if (root && !roots.has(root)) {
        roots.add(root);
        observer.observe(root, options);
      }
    }
  };
  // Shadow roots appear when elements upgrade: look for new ones now and then.
  setInterval(attach, 100);
  document.addEventListener('DOMContentLoaded', attach);
}

/** Bytes of search requests that arrived in [from, to). */
const bytesBetween = (log, counts, from, to) => log.filter((r) => r.t >= from && r.t < to && counts(r.path)).reduce((n, r) => n + r.bytes, 0);

/** Waits until the probe shows the final results for `value` (or `timeout` ms pass); returns that state or null. */
async function waitDone(page, side, value, since, timeout = 8000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    const states = await page.evaluate(() => window.__bench.states);
    const hit = states.find((s) => s.t >= since && side.done(s, value));
    if (hit) return hit;
    await sleep(25);
  }
  return null;
}

/** Waits until no search request arrived for `quiet` ms (what the results pull in after they show). */
async function settle(log, quiet = 400, max = 5000) {
  const start = Date.now();
  while (Date.now() - start < max) {
    const last = log.length ? log[log.length - 1].t : 0;
    if (now() - last >= quiet) return;
    await sleep(50);
  }
}

async function clear(page, side) {
  await page.focus(side.input);
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  await sleep(400);
}

/** Types `query` a key every `delay` ms; returns the key times and values, the final state and the states seen. */
async function typeQuery(page, side, query, delay) {
  await clear(page, side);
  const start = now();
  const input = await page.$(side.input);
  await input.type(query, { delay });
  const done = await waitDone(page, side, query, start);
  const rec = await page.evaluate(() => window.__bench);
  const inputs = rec.inputs.filter((i) => i.t >= start);
  return { start, inputs, done, states: rec.states.filter((s) => s.t >= start), longTasks: rec.longTasks.filter((l) => l.t >= start) };
}

/** A fresh page of the side in `context`, its feed loaded and its first requests done; `loaded` is when it started loading. */
async function open(context, site, side, out) {
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  page.on('pageerror', (e) => out.notes.push(`${side.name}: page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn') out.notes.push(`${side.name}: console ${m.type()}: ${m.text()}`);
  });
  await page.evaluateOnNewDocument(recorder, side.probe.toString());
  site.log.length = 0;
  const loaded = now();
  await page.goto(site.origin + side.path, { waitUntil: 'load' });
  await page.waitForSelector(side.input, { timeout: 30_000 });
  if (side.ready) await side.ready(page);
  await settle(site.log);
  const missing = site.log.filter((r) => r.status === 404).map((r) => r.path);
  if (missing.length) out.notes.push(`${side.name}: 404 for ${[...new Set(missing)].join(', ')}`);
  return { page, loaded };
}

/** Enters `query` whole (as pasted) and waits for its results; the state shown, or null. */
async function paste(page, side, query, timeout) {
  await clear(page, side);
  const start = now();
  await page.keyboard.sendCharacter(query);
  return waitDone(page, side, query, start, timeout);
}

/**
 * Runs the sessions of one side.
 * @returns {Promise<{ cold: object[], next: object[], perKey: number[], missedKeys: number, keys: number, longTasks: object[], top: Map<string, string[]> | null, notes: string[] }>}
 */
export async function runSide({ browser, site, side, timed, relevance, sessions, delay = 120, minChars = 1 }) {
  const out = { cold: [], next: [], perKey: [], missedKeys: 0, keys: 0, longTasks: [], cpuTasks: { longest: 0, over50: 0 }, pasted: [], top: null, notes: [] };
  for (let s = 0; s < sessions; s++) {
    const context = await browser.createBrowserContext();
    try {
      const { page, loaded } = await open(context, site, side, out);
      // Each session starts its typed queries at another one, so the cold figures are of three queries.
      const order = timed.map((_, i) => timed[(i + s) % timed.length]);
      // Main-thread tasks while typing, in thread CPU time too: what the page's work cost, whatever else the machine runs.
      await page.tracing.start({ categories: ['disabled-by-default-devtools.timeline', 'blink.user_timing'] });
      let windows = 0;
      const typing = async (query) => {
        const label = `typing-${windows++}`;
        await page.evaluate((l) => performance.mark(`${l}:start`), label);
        const typed = await typeQuery(page, side, query, delay);
        await page.evaluate((l) => performance.mark(`${l}:end`), label);
        return typed;
      };
      for (const [i, q] of order.entries()) {
        const typed = await typing(q.query);
        const last = typed.inputs.at(-1)?.t ?? typed.start;
        await settle(site.log);
        const first = typed.states.find((st) => st.hrefs?.length);
        const from = i ? typed.start : loaded;
        const parts = {};
        for (const r of site.log.filter((r) => r.t >= from && side.counts(r.path))) {
          const part = (parts[side.part(r.path)] ??= { bytes: 0, files: 0 });
          part.bytes += r.bytes;
          part.files++;
        }
        // What each key of the query cost (index files only; the code arrives with the first).
        const keys = typed.inputs.map((key, k) => ({
          value: key.value,
          bytes: bytesBetween(site.log, side.counts, k ? key.t : from, typed.inputs[k + 1]?.t ?? now()),
        }));
        const row = {
          parts,
          keys,
          session: s + 1,
          query: q.query,
          firstResults: first ? bytesBetween(site.log, side.counts, from, first.t) : null,
          endOfQuery: bytesBetween(site.log, side.counts, from, now()),
          lastKeyToResults: typed.done ? typed.done.t - last : null,
          longTasks: typed.longTasks.filter((l) => l.ms > 50 && l.t <= (typed.done?.t ?? now())),
        };
        (i ? out.next : out.cold).push(row);
        out.longTasks.push(...row.longTasks);
        if (!typed.done) out.notes.push(`${side.name}: session ${s + 1}: no final results for «${q.query}» within 8 s`);
      }
      // The same queries again, shards cached: time from each key to its own results.
      for (const q of order) {
        const typed = await typing(q.query);
        for (const [k, key] of typed.inputs.entries()) {
          // Too short to search, or the same words as the key before (a space): no new query.
          if (key.value.trim().length < minChars || key.value.trim() === typed.inputs[k - 1]?.value.trim()) continue;
          const until = typed.inputs[k + 1]?.t ?? Infinity;
          const own = typed.states.find((st) => st.t >= key.t && st.t < until && side.done(st, key.value));
          out.keys++;
          if (own) out.perKey.push(own.t - key.t);
          else out.missedKeys++;
        }
        out.longTasks.push(...typed.longTasks.filter((l) => l.ms > 50));
      }
      for (const w of Object.values(cpuByWindow(JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8'))))) {
        out.cpuTasks.longest = Math.max(out.cpuTasks.longest, w.longestCpu);
        out.cpuTasks.over50 += w.longCpuTasks;
      }
      // Relevance, once: each query entered whole (as pasted), its top 3.
      if (s === 0 && relevance.length) {
        out.top = new Map();
        for (const q of relevance) {
          const done = await paste(page, side, q.query, 4000);
          out.top.set(q.query, done ? done.hrefs.slice(0, 3) : []);
        }
      }
    } finally {
      await context.close();
    }
  }
  // The same cold first query entered whole (pasted), on a fresh profile each: the least a first query costs.
  for (let s = 0; s < sessions; s++) {
    const q = timed[s % timed.length];
    const context = await browser.createBrowserContext();
    try {
      const { page, loaded } = await open(context, site, side, out);
      const done = await paste(page, side, q.query, 8000);
      await settle(site.log);
      out.pasted.push({ query: q.query, firstResults: done ? bytesBetween(site.log, side.counts, loaded, done.t) : null, endOfQuery: bytesBetween(site.log, side.counts, loaded, now()) });
    } finally {
      await context.close();
    }
  }
  return out;
}
