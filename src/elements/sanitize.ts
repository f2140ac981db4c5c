
// Here in elements/, beside the one element that uses it, not in format/ (it formats
// nothing) nor in shared/ (which holds what several layers use): it decides what of a
// feed's HTML may reach the article's shadow root, a rendering concern, and needs a DOM
// (the HTML Sanitizer API or DOMPurify), which the layers below elements/ do without.

/**
 * Article bodies come from a feed the page does not control. They pass through
 * a sanitizer with a strict profile before they touch the DOM: HTML only (no SVG,
 * no MathML), no scripts or event handlers, no `javascript:`/`data:` links, no
 * styles (a `position: fixed` overlay would escape the shadow root's box), no
 * forms, no `<iframe srcdoc>`, no legacy URL attributes that fetch or ping on
 * their own (`background`, `lowsrc`, `dynsrc`, `longdesc`, `ping` …); iframes only
 * from an allowlist of https origins; ids and names are prefixed so they cannot
 * clobber globals. Where the browser has the HTML Sanitizer API the same policy runs
 * there (below) and DOMPurify is never downloaded; elsewhere, or for a body with an
 * embed the page allows, DOMPurify is loaded on first use with its configuration
 * (`purify.ts`, one chunk: pages with the API download neither).
 */
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

let purifier: Promise<(html: string) => DocumentFragment> | null = null;
/** The article's URL while a (synchronous) sanitize call runs: the hook resolves against it. */
let currentBase = '';
/** The iframe allowlist of the sanitize call running. */
let currentOrigins: ReadonlySet<string> = new Set(DEFAULT_IFRAME_ORIGINS);

function isHttp(url: URL) {
  return url.protocol === 'https:' || url.protocol === 'http:';
}

/**
 * bantin's own pass over each element either sanitizer kept: URLs resolved against the
 * article and only http(s) (mailto: links, data: images) kept, links to other sites
 * without opener or referrer, lazy images, iframes only from `origins`, sandboxed.
 */
function finishElement(el: Element, base: string, origins: ReadonlySet<string>) {
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
  // Each candidate of a srcset is a URL too: all http(s), resolved, or the attribute goes.
  const srcset = el.getAttribute?.('srcset');
  if (srcset != null) {
    try {
      const candidates = srcset.split(',').map((candidate) => {
        const [url, ...descriptors] = candidate.trim().split(/\s+/);
        const resolved = new URL(url, base);
        if (!isHttp(resolved)) throw new Error('not http(s)');
        return [resolved.href, ...descriptors].join(' ');
      });
      el.setAttribute('srcset', candidates.join(', '));
    } catch {
      el.removeAttribute('srcset');
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
    if (!src || new URL(src).protocol !== 'https:' || !origins.has(origin)) {
      el.remove();
      return;
    }
    // A video embed may run its own scripts; only known players keep their own origin's storage.
    const ownOrigin = NEEDS_OWN_ORIGIN.has(origin) && origin !== location.origin;
    el.setAttribute('sandbox', `allow-scripts allow-popups allow-presentation${ownOrigin ? ' allow-same-origin' : ''}`);
    el.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    el.setAttribute('loading', 'lazy');
  }
}

async function loadPurifier(): Promise<(html: string) => DocumentFragment> {
  const { createPurifier } = await import('./purify.js');
  return createPurifier((el) => finishElement(el, currentBase || document.baseURI, currentOrigins));
}

/**
 * The same policy for the browser's own HTML Sanitizer API (Chrome and Edge 146+): an
 * allowlist of HTML elements and attributes (no SVG, MathML, styles, forms, legacy URL
 * attributes), applied by its safe method, which also removes scripts, event handlers,
 * `javascript:` URLs and every iframe, whatever the list says.
 */
const PLATFORM_ELEMENTS: (string | { name: string; attributes: string[] })[] = [
  'html', 'head', 'body',
  'abbr', 'address', 'article', 'aside', 'b', 'bdi', 'bdo', 'br', 'caption', 'center', 'code', 'dd', 'details', 'dfn',
  'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'i', 'kbd', 'main', 'mark', 'nav', 'p', 'picture', 'pre', 'rp', 'rt', 'ruby', 's', 'samp', 'section', 'small', 'span',
  'strike', 'strong', 'sub', 'summary', 'sup', 'tbody', 'tfoot', 'thead', 'tr', 'tt', 'u', 'ul', 'var', 'wbr',
  { name: 'a', attributes: ['href', 'target', 'hreflang', 'rel'] },
  { name: 'img', attributes: ['src', 'alt', 'width', 'height', 'srcset', 'sizes'] },
  { name: 'video', attributes: ['src', 'poster', 'controls', 'width', 'height', 'preload', 'loop', 'muted', 'playsinline'] },
  { name: 'audio', attributes: ['src', 'controls', 'preload', 'loop', 'muted'] },
  { name: 'source', attributes: ['src', 'type', 'srcset', 'sizes', 'media'] },
  { name: 'track', attributes: ['src', 'kind', 'srclang', 'label', 'default'] },
  { name: 'blockquote', attributes: ['cite'] },
  { name: 'q', attributes: ['cite'] },
  { name: 'del', attributes: ['cite', 'datetime'] },
  { name: 'ins', attributes: ['cite', 'datetime'] },
  { name: 'time', attributes: ['datetime'] },
  { name: 'ol', attributes: ['start', 'reversed', 'type'] },
  { name: 'li', attributes: ['value'] },
  { name: 'table', attributes: ['border', 'cellpadding', 'cellspacing', 'width', 'summary'] },
  { name: 'td', attributes: ['colspan', 'rowspan', 'headers', 'valign', 'width'] },
  { name: 'th', attributes: ['colspan', 'rowspan', 'headers', 'scope', 'valign', 'width'] },
  { name: 'col', attributes: ['span', 'width'] },
  { name: 'colgroup', attributes: ['span', 'width'] },
  { name: 'font', attributes: ['color', 'face', 'size'] },
  { name: 'cite', attributes: [] },
];
// Global attributes; an attribute listed here may not be listed again for an element (the API refuses the whole configuration).
const PLATFORM_ATTRIBUTES = ['id', 'class', 'title', 'lang', 'dir', 'name', 'align'];

interface PlatformSanitizer {
  new (config: object): object;
}
type ParseHTML = (html: string, options: { sanitizer: object }) => Document;

/**
 * `force` picks a sanitizer for tests (each path runs the whole XSS suite); null: the
 * platform's where it has one. `used` says which one sanitized the last body.
 */
export const sanitizerChoice: { force: 'platform' | 'dompurify' | null; used: 'platform' | 'dompurify' | null } = { force: null, used: null };

let platform: { parse: ParseHTML; sanitizer: object } | null | undefined;
function platformSanitizer() {
  if (platform !== undefined) return platform;
  const Sanitizer = (globalThis as { Sanitizer?: PlatformSanitizer }).Sanitizer;
  const parse = (Document as unknown as { parseHTML?: ParseHTML }).parseHTML;
  try {
    platform =
      Sanitizer && parse
        ? { parse: parse.bind(Document), sanitizer: new Sanitizer({ elements: PLATFORM_ELEMENTS, attributes: PLATFORM_ATTRIBUTES, comments: false, dataAttributes: false }) }
        : null;
  } catch (e) {
    platform = null; // an older shape of the API: DOMPurify does it
    console.warn(`bantin: the browser's HTML Sanitizer refused bantin's configuration (${(e as Error)?.message ?? e}); using DOMPurify.`);
  }
  return platform;
}

/** Sanitized article HTML as a fragment; relative URLs resolve against `baseUrl`. */
export async function sanitizeArticleHtml(html: string, baseUrl: string, options: SanitizeOptions = {}): Promise<DocumentFragment> {
  const origins = new Set(options.iframeOrigins ?? DEFAULT_IFRAME_ORIGINS);
  const native = sanitizerChoice.force === 'dompurify' ? null : platformSanitizer();
  // The safe method never keeps an iframe: a body with an embed the page allows needs DOMPurify.
  const needsEmbed = origins.size > 0 && /<iframe\b/i.test(html);
  if (native && (sanitizerChoice.force === 'platform' || !needsEmbed)) {
    // Parsed into a document of its own: inert, nothing loads until it is on the page.
    sanitizerChoice.used = 'platform';
    const doc = native.parse(html, { sanitizer: native.sanitizer });
    for (const el of [...doc.body.querySelectorAll('*')]) {
      finishElement(el, baseUrl, origins);
      // As DOMPurify's SANITIZE_NAMED_PROPS: an article's ids cannot collide with the element's own.
      for (const attr of ['id', 'name']) {
        const value = el.getAttribute(attr);
        if (value && !value.startsWith('user-content-')) el.setAttribute(attr, `user-content-${value}`);
      }
    }
    const fragment = document.createDocumentFragment();
    fragment.append(...[...doc.body.childNodes].map((n) => document.adoptNode(n)));
    return fragment;
  }
  purifier ??= loadPurifier();
  const purify = await purifier;
  sanitizerChoice.used = 'dompurify';
  currentBase = baseUrl;
  currentOrigins = origins;
  try {
    return purify(html);
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
