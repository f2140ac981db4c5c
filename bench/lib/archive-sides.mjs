// The two search pages of bench/archive.mjs and how bench/lib/archive-browser.mjs reads them.
// Each probe runs in the page: what the results on screen are for ({ query, busy, hrefs, note }).

/** Whether Pagefind's message ("… for TERM") names exactly `term` at its end. */
const namesTerm = (note, term) => {
  const t = term.trim();
  if (!t || !note) return false;
  const i = note.lastIndexOf(t);
  return i >= 0 && /^["”'’»]?$/.test(note.slice(i + t.length).trim()) && (i === 0 || /[\s"“'‘«]/.test(note[i - 1]));
};

const bantinPage = (index) => `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Tìm kiếm</title><link rel="icon" href="data:,">
<script src="/bantin/bantin.min.js"></script></head>
<body><bantin-search feed="/feed/page-1.json"${index ? ' index="/index/"' : ''} mode="page" label="Tìm trong kho tin"></bantin-search></body></html>
`;

/**
 * bantin: the webmaster's page (one script tag), the search in page mode so that results
 * are links like Pagefind's. With `index`, `<bantin-search index="/index/">`; without,
 * today's search of the feed pages loaded (page 1).
 */
export const bantinSide = ({ index, name = index ? 'bantin' : 'bantin, page 1 only' }) => ({
  name,
  kind: index ? 'bantin-index' : 'bantin-page1',
  path: index ? '/bantin.html' : '/bantin-page1.html',
  input: 'bantin-search >>> input',
  minChars: 2,
  html: bantinPage(index),
  probe: () => {
    const root = document.querySelector('bantin-search')?.shadowRoot;
    const list = root?.querySelector('ol[part~="results"]');
    const note = root?.querySelector('[role="status"]')?.textContent.trim() ?? '';
    if (!list) return { query: null, busy: false, hrefs: [], note };
    return {
      query: list.getAttribute('data-query'),
      busy: list.getAttribute('aria-busy') === 'true',
      hrefs: [...list.querySelectorAll('a[part~="link"]')].map((a) => a.getAttribute('href')),
      note,
    };
  },
  done: (state, value) => state.query != null && state.query.trim() === value.trim() && !state.busy && state.hrefs.length > 0,
  /** The page loaded its feed (the search box then searches). */
  async ready(page) {
    await page.waitForFunction(() => document.querySelector('bantin-search')?.shadowRoot?.querySelector('input'), { timeout: 30_000 });
    await page.waitForFunction(() => window.__bench.loaded, { timeout: 30_000 });
  },
  counts: (path) => path.startsWith('/bantin/') || path.startsWith('/index/'),
  /** What a request was, for the breakdown: code, manifest, or the index's folder (p/ postings, v/ vocabulary, d/ display). */
  part: (path) => (path.startsWith('/bantin/') ? 'code' : path === '/index/index.json' ? 'manifest' : `index ${path.split('/')[2]}/`),
  itemIndex: (href, byUrl) => byUrl.get(new URL(href, 'http://x').href) ?? byUrl.get(href),
});

/** Pagefind: its default UI as its docs set it up (search as you type, 300 ms debounce). */
export const pagefindSide = {
  name: 'Pagefind',
  kind: 'pagefind',
  path: '/pagefind.html',
  input: '.pagefind-ui__search-input',
  minChars: 1,
  debounced: 300,
  html: `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Tìm kiếm</title><link rel="icon" href="data:,">
<link href="/pagefind/pagefind-ui.css" rel="stylesheet">
<script src="/pagefind/pagefind-ui.js"></script></head>
<body><div id="search"></div>
<script>window.addEventListener('DOMContentLoaded', () => new PagefindUI({ element: '#search', showSubResults: false, showImages: false }));</script>
</body></html>
`,
  probe: () => {
    const note = document.querySelector('.pagefind-ui__message')?.textContent.trim() ?? '';
    const results = [...document.querySelectorAll('.pagefind-ui__result')];
    const hrefs = results.map((r) => r.querySelector('a.pagefind-ui__result-link')?.getAttribute('href') ?? null);
    const loading = results.slice(0, 3).some((r) => r.querySelector('.pagefind-ui__loading')) || hrefs.slice(0, 3).includes(null);
    return { query: null, busy: loading, hrefs: hrefs.filter(Boolean), note };
  },
  done: (state, value) => namesTerm(state.note, value) && !state.busy && state.hrefs.length > 0,
  counts: (path) => path.startsWith('/pagefind/'),
  part: (path) =>
    /\.(js|css)$/.test(path) ? 'code' : /wasm/.test(path) ? 'wasm' : /entry\.json|pf_meta/.test(path) ? 'manifest' : /\/fragment\//.test(path) ? 'fragments' : /\/index\//.test(path) ? 'index chunks' : 'other',
  itemIndex: (href) => Number(/\/articles\/(\d+)\.html/.exec(href)?.[1] ?? -1),
};
