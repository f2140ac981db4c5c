// The demo page's own script: open on the seed article, load every element, and the English toggle.
const SEED_ARTICLE = '5142';
if (!new URL(location.href).searchParams.has('id')) {
  const url = new URL(location.href);
  url.searchParams.set('id', SEED_ARTICLE);
  history.replaceState(null, '', url);
}
await import('../src/index.js');

const toggle = document.getElementById('lang-toggle');
toggle?.addEventListener('click', () => {
  const english = document.documentElement.lang !== 'en';
  document.documentElement.lang = english ? 'en' : 'vi';
  toggle.textContent = english ? 'Tiếng Việt' : 'English';
  toggle.setAttribute('aria-pressed', String(english));
});
export {};
