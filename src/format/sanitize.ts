import type { DOMPurify as DOMPurifyInstance, Config } from 'dompurify';

/**
 * Article bodies come from a feed the page does not control. They pass through
 * DOMPurify with a strict profile before they touch the DOM: HTML only (no SVG,
 * no MathML), no scripts or event handlers, no `javascript:`/`data:` links, no
 * styles (a `position: fixed` overlay would escape the shadow root's box), no
 * forms, no `<iframe srcdoc>`, no legacy URL attributes that fetch or ping on
 * their own (`background`, `lowsrc`, `dynsrc`, `longdesc`, `ping` …); iframes only
 * from an allowlist of https origins; ids and names are prefixed so they cannot
 * clobber globals. DOMPurify is loaded on first use, so pages without an article
 * body never download it.
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
  FORBID_ATTR: [
    'style', 'srcdoc', 'formaction', 'action', 'autofocus', 'slot', 'part', 'popover', 'popovertarget',
    // Legacy URL attributes: each fetches (or pings) a third party with no reader asking, and none
    // is needed to read an article. `poster` stays: it is the player's image, checked like `src`.
    'ping', 'background', 'lowsrc', 'dynsrc', 'longdesc', 'icon', 'manifest', 'codebase', 'archive', 'classid', 'profile', 'datasrc',
  ],
  SANITIZE_NAMED_PROPS: true,
  ALLOW_DATA_ATTR: false,
};

/** Video players whose embeds an article keeps unless the page says otherwise (`iframe-origins`). */
export const DEFAULT_IFRAME_ORIGINS: readonly string[] = [
  'https://www.youtube.com',
  'https://www.youtube-nocookie.com',
  'https://player.vimeo.com',
];
/**
 * Players that do not play without storage of their own: they keep
 * `allow-same-origin` (their own origin, never the page's). Any other allowed
 * origin runs its scripts in an opaque origin.
 */
const NEEDS_OWN_ORIGIN = new Set(DEFAULT_IFRAME_ORIGINS);

export interface SanitizeOptions {
  /** https origins whose iframes are kept; default `DEFAULT_IFRAME_ORIGINS`. */
  iframeOrigins?: readonly string[];
}

/** An `iframe-origins` attribute value (origins separated by spaces or commas) as origins; null gives the default. */
export function parseOrigins(value: string | null | undefined): string[] {
  if (value == null) return [...DEFAULT_IFRAME_ORIGINS];
  const out: string[] = [];
  for (const word of value.split(/[\s,]+/)) {
    try {
      if (word) out.push(new URL(word).origin);
    } catch {
      // not a URL: left out
    }
  }
  return out;
}

let purifier: Promise<DOMPurifyInstance> | null = null;
/** The article's URL while a (synchronous) sanitize call runs: the hook resolves against it. */
let currentBase = '';
/** The iframe allowlist of the sanitize call running. */
let currentOrigins: ReadonlySet<string> = new Set(DEFAULT_IFRAME_ORIGINS);

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
      const origin = src ? new URL(src).origin : '';
      if (!src || new URL(src).protocol !== 'https:' || !currentOrigins.has(origin)) {
        el.remove();
        return;
      }
      // A video embed may run its own scripts; only known players keep their own origin's storage.
      const ownOrigin = NEEDS_OWN_ORIGIN.has(origin) && origin !== location.origin;
      el.setAttribute('sandbox', `allow-scripts allow-popups allow-presentation${ownOrigin ? ' allow-same-origin' : ''}`);
      el.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
      el.setAttribute('loading', 'lazy');
    }
  });
  return purify;
}

/** Sanitized article HTML as a fragment; relative URLs resolve against `baseUrl`. */
export async function sanitizeArticleHtml(html: string, baseUrl: string, options: SanitizeOptions = {}): Promise<DocumentFragment> {
  purifier ??= loadPurifier();
  const purify = await purifier;
  currentBase = baseUrl;
  currentOrigins = new Set(options.iframeOrigins ?? DEFAULT_IFRAME_ORIGINS);
  try {
    return purify.sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true });
  } finally {
    currentBase = '';
    currentOrigins = new Set(DEFAULT_IFRAME_ORIGINS);
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
