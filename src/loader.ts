/**
 * dist/bantin.min.js: the one classic script a webmaster pastes. It defines
 * each element on first sight, loading that element's module (and what it
 * needs) from the files beside it, so a page pays only for the elements it uses.
 */
const ELEMENTS: Record<string, string> = {
  'bantin-article': 'article',
  'bantin-news-list': 'news-list',
  'bantin-counter': 'counter',
  'bantin-date-picker': 'date-picker',
  'bantin-search': 'search',
};

interface Loader {
  /** Defines one element now (resolves when defined). */
  load(tag: string): Promise<unknown>;
  /** Defines every element. */
  loadAll(): Promise<unknown>;
}

const w = window as Window & { bantin?: Loader };
if (w.bantin) {
  console.warn('bantin: bantin.min.js is on this page twice; the first copy stays.');
} else {
  // Chunks sit beside this script, wherever the webmaster put it.
  const base = (document.currentScript as HTMLScriptElement | null)?.src || document.baseURI;
  const tags = Object.keys(ELEMENTS);
  const pending = new Map<string, Promise<unknown>>();
  let defined = 0;
  const load = (tag: string): Promise<unknown> => {
    const name = ELEMENTS[tag];
    if (!name) return Promise.reject(new Error(`bantin: no element <${tag}>`));
    let p = pending.get(tag);
    if (!p) {
      p = import(/* @vite-ignore */ new URL(`cdn/${name}.js`, base).href).then(() => {
        // Every element defined: nothing left to watch for.
        if (++defined === tags.length) observer.disconnect();
      }, (e) => {
        // Not marked as loading any more: the next one added to the page tries again.
        pending.delete(tag);
        console.error(`bantin: could not load <${tag}> from ${base}:`, e);
      });
      pending.set(tag, p);
    }
    return p;
  };
  const scan = (root: ParentNode) => {
    // One selector for the tags not loaded yet; most added nodes match none.
    const waiting = tags.filter((tag) => !pending.has(tag));
    if (!waiting.length || !((root as Element).matches?.(waiting.join()) || root.querySelector(waiting.join()))) return;
    for (const tag of waiting) {
      if ((root as Element).localName === tag || root.querySelector(tag)) void load(tag);
    }
  };
  // Elements the parser has not reached yet, and ones added later by scripts.
  const observer = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) scan(n as Element);
  });
  scan(document);
  observer.observe(document, { childList: true, subtree: true });
  w.bantin = { load, loadAll: () => Promise.all(tags.map(load)) };
}

export {};
