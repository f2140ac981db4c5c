import createDOMPurify, { type Config } from 'dompurify';

/**
 * DOMPurify with bantin's policy (see sanitize.ts): loaded with DOMPurify itself, only where
 * the browser has no HTML Sanitizer API or for a body with an embed the page allows.
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

/** A sanitizer of its own (hooks must not leak into a DOMPurify the page uses itself), `finish` run on each element it kept. */
export function createPurifier(finish: (el: Element) => void): (html: string) => DocumentFragment {
  const purify = createDOMPurify(window);
  purify.addHook('afterSanitizeAttributes', (el) => finish(el as Element));
  return (html) => purify.sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true });
}
