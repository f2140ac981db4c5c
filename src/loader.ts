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
  const pending = new Map<string, Promise<unknown>>();
  const load = (tag: string): Promise<unknown> => {
    const name = ELEMENTS[tag];
    if (!name) return Promise.reject(new Error(`bantin: no element <${tag}>`));
    let p = pending.get(tag);
    if (!p) {
      p = import(/* @vite-ignore */ new URL(`cdn/${name}.js`, base).href).catch((e) => {
        pending.delete(tag);
        console.error(`bantin: could not load <${tag}> from ${base}:`, e);
      });
      pending.set(tag, p);
    }
    return p;
  };
  const scan = (root: ParentNode) => {
    for (const tag in ELEMENTS) {
      if (!pending.has(tag) && ((root as Element).localName === tag || root.querySelector(tag))) void load(tag);
    }
  };
  scan(document);
  // Elements the parser has not reached yet, and ones added later by scripts.
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) scan(n as Element);
  }).observe(document, { childList: true, subtree: true });
  w.bantin = { load, loadAll: () => Promise.all(Object.keys(ELEMENTS).map(load)) };
}

export {};
