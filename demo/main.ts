// The demo pages' own script: the article view opens on the seed article, ?category= lists one
// category instead, then every element is loaded; and the English toggle. It never rewrites
// the page's URL: what the reader sees there is what they can share.
const SEED_ARTICLE = '5142';
const params = new URL(location.href).searchParams;
const category = params.get('category')?.trim();
const categoryView = document.querySelector<HTMLTemplateElement>('template#category-view');
const main = document.getElementById('main');

if (category && categoryView && main) {
  // The news of one category where the article was: the article (its view count, its
  // title in the tab) and the lists around it are not on this page at all.
  const view = categoryView.content.cloneNode(true) as DocumentFragment;
  const list = view.querySelector('bantin-news-list');
  list?.setAttribute('category', category);
  list?.setAttribute('heading', category);
  main.replaceChildren(view);
  document.title = `${category} — ${document.title}`;
} else {
  // The article view without ?id=: the seed article, named on the element, not in the URL.
  const article = document.querySelector('bantin-article');
  if (article && !article.hasAttribute('article-id') && !params.has(article.getAttribute('id-param') || 'id')) {
    article.setAttribute('article-id', SEED_ARTICLE);
  }
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
