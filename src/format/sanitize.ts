import type { DOMPurify as DOMPurifyInstance, Config } from 'dompurify';

/**
 * Article bodies come from a feed the page does not control. They pass through
 * DOMPurify with a strict profile before they touch the DOM: HTML only (no SVG,
 * no MathML), no scripts or event handlers, no `javascript:`/`data:` links, no
 * styles (a `position: fixed` overlay would escape the shadow root's box), no
 * forms, no `<iframe srcdoc>`; ids and names are prefixed so they cannot clobber
 * globals. DOMPurify is loaded on first use, so pages without an article body
 * never download it.
 */
const CONFIG: Config = {
  USE_PROFILES: { html: true },
  ADD_TAGS: ['iframe'],
  ADD_ATTR: ['target', 'allowfullscreen'],
  FORBID_TAGS: [
    'style', 'form', 'input', 'button', 'select', 'textarea', 'option', 'optgroup', 'datalist',
    'fieldset', 'output', 'dialog', 'template', 'slot', 'link', 'meta', 'base', 'object',
    'embed', 'frame', 'frameset', 'noscript', 'portal',
  ],
  FORBID_ATTR: ['style', 'srcdoc', 'formaction', 'action', 'autofocus', 'slot', 'part', 'popover', 'popovertarget', 'ping'],
  SANITIZE_NAMED_PROPS: true,
  ALLOW_DATA_ATTR: false,
};

let purifier: Promise<DOMPurifyInstance> | null = null;
/** The article's URL while a (synchronous) sanitize call runs: the hook resolves against it. */
let currentBase = '';

function isHttp(url: URL) {
  return url.protocol === 'https:' || url.protocol === 'http:';
}

async function loadPurifier(): Promise<DOMPurifyInstance> {
  const { default: createDOMPurify } = await import('dompurify');
  // Our own instance: hooks must not leak into a DOMPurify the page uses itself.
  const purify = createDOMPurify(window);
  purify.addHook('afterSanitizeAttributes', (el) => {
    const base = currentBase || document.baseURI;
    for (const attr of ['href', 'src', 'poster', 'cite'] as const) {
      const value = el.getAttribute?.(attr);
      if (value == null) continue;
      try {
        const url = new URL(value, base);
        // Resolved against the article, as JSON Feed asks; anything not http(s) goes.
        if (!isHttp(url) && !(attr === 'href' && url.protocol === 'mailto:') && !(attr === 'src' && url.protocol === 'data:' && el.localName === 'img')) {
          el.removeAttribute(attr);
        } else {
          el.setAttribute(attr, url.href);
        }
      } catch {
        el.removeAttribute(attr);
      }
    }
    if (el.localName === 'a' && el.hasAttribute('href')) {
      const url = new URL(el.getAttribute('href')!);
      if (url.origin !== location.origin) el.setAttribute('rel', 'noopener noreferrer');
      if (el.getAttribute('target') !== '_blank') el.removeAttribute('target');
    } else if (el.localName === 'img') {
      el.setAttribute('loading', 'lazy');
      el.setAttribute('decoding', 'async');
    } else if (el.localName === 'iframe') {
      const src = el.getAttribute('src');
      if (!src || new URL(src).protocol !== 'https:') {
        el.remove();
        return;
      }
      // A video embed may run its own scripts, in its own origin only.
      const crossOrigin = new URL(src).origin !== location.origin;
      el.setAttribute('sandbox', `allow-scripts allow-popups allow-presentation${crossOrigin ? ' allow-same-origin' : ''}`);
      el.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
      el.setAttribute('loading', 'lazy');
    }
  });
  return purify;
}

/** Sanitized article HTML as a fragment; relative URLs resolve against `baseUrl`. */
export async function sanitizeArticleHtml(html: string, baseUrl: string): Promise<DocumentFragment> {
  purifier ??= loadPurifier();
  const purify = await purifier;
  currentBase = baseUrl;
  try {
    return purify.sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true });
  } finally {
    currentBase = '';
  }
}

/** `content_text` as paragraphs: blank lines separate them, single newlines stay line breaks. */
export function textParagraphs(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) => p.split('\n').map((line) => line.trim()))
    .filter((lines) => lines.some(Boolean));
}
