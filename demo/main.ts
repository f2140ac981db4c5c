// The demo pages' own script: the article view opens on the seed article, then every element
// is loaded; and the English toggle. It never rewrites the page's URL: what the reader sees
// there is what they can share.
const SEED_ARTICLE = '5142';
const params = new URL(location.href).searchParams;

// The article view without ?id=: the seed article, named on the element, not in the URL.
const article = document.querySelector('bantin-article');
if (article && !article.hasAttribute('article-id') && !params.has(article.getAttribute('id-param') || 'id')) {
  article.setAttribute('article-id', SEED_ARTICLE);
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
