// The demo page's own script: load every element, and the English toggle.
import '../src/index.js';

const toggle = document.getElementById('lang-toggle');
toggle?.addEventListener('click', () => {
  const english = document.documentElement.lang !== 'en';
  document.documentElement.lang = english ? 'en' : 'vi';
  toggle.textContent = english ? 'Tiếng Việt' : 'English';
  toggle.setAttribute('aria-pressed', String(english));
});
