/**
 * dist/bantin.min.js: the one classic script a webmaster pastes. It defines
 * each element on first sight, loading that element's module (and what it
 * needs) from the files beside it, so a page pays only for the elements it uses.
 */
import { TAGS } from '../elements/tags.js';

/** The tags, and (at the same index) the module of each, `cdn/<name>.js`. */
const tags: string[] = Object.values(TAGS);
const names = Object.keys(TAGS);
/**
 * The box each element takes before its module arrives, as tall as its loading state,
 * so nothing of the page moves when the element is defined (the article's is set below).
 * `flow-root`: the margins of a fallback inside (`<p>…</p>`) stay inside the box, as they
 * will inside the element's own.
 */
const BOXES = `:not(:defined):is(${tags}){display:flow-root}bantin-news-list:not(:defined){min-height:15rem}bantin-counter:not(:defined){min-height:3.5rem}bantin-date-picker:not(:defined){min-height:2.5rem}bantin-date-picker[inline]:not(:defined){min-height:26rem}bantin-search:not(:defined){min-height:4.35rem}`;
/** The key of an element's height last time on this page: the rule of pageHeightKey() in shared/heights.ts. */
const pageKey = (tag: string, index: number) => `bantin:h:page:${location.pathname}${location.search}|${tag}#${index}|${Math.round(innerWidth / 40)}`;

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
  let defined = 0;
  const load = (tag: string): Promise<unknown> => {
    const name = names[tags.indexOf(tag)];
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
  // Undefined elements are blocks of their loading height; then, per element, the height it
  // had last time on this page (the element remembers it), so not even its content moves the page.
  const style = document.createElement('style');
  style.textContent = BOXES;
  document.head.append(style);
  const sized = new WeakSet<Element>();
  /** Gives each element not sized yet the height it had here last time, if it had one. */
  const size = () => {
    for (const tag of tags) {
      if (customElements.get(tag)) continue;
      const all = document.getElementsByTagName(tag);
      for (let i = 0; i < all.length; i++) {
        const el = all[i] as HTMLElement & Record<symbol, boolean>;
        if (sized.has(el)) continue;
        sized.add(el);
        let height = 0;
        try {
          height = Number(localStorage.getItem(pageKey(tag, i)));
        } catch {
          // storage disabled: the default box
        }
        // An article never seen here gets a screenful: whatever follows it starts below the
        // fold, where its content arriving moves nothing a reader sees.
        const box = height > 0 ? `${height}px` : tag === TAGS.article ? '100vh' : '';
        if (box) {
          el.style.minHeight = box;
          el[Symbol.for('bantin.loader-reserved')] = true;
        }
      }
    }
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
    size();
    for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) scan(n as Element);
  });
  size();
  scan(document);
  observer.observe(document, { childList: true, subtree: true });
  w.bantin = { load, loadAll: () => Promise.all(tags.map(load)) };
}

export {};
