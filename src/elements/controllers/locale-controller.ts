import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { resolveLocale, type Locale } from '../../format/lang.js';

/** The nearest `lang` up the tree, crossing shadow roots, else the document's. */
export function langOf(el: Element): string | null {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang');
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return document.documentElement.getAttribute('lang');
}

const live = new Set<LocaleController>();
let observer: MutationObserver | null = null;

/**
 * Keeps a host's language in step with its own `lang` or the nearest
 * ancestor's: one page-wide observer of `lang` attributes, so an English
 * toggle on `<html>` relabels every widget.
 */
export class LocaleController implements ReactiveController {
  locale: Locale;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    this.locale = resolveLocale(null);
    host.addController(this);
  }

  get lang() {
    return this.locale.lang;
  }

  hostConnected() {
    live.add(this);
    if (!observer) {
      observer = new MutationObserver(() => live.forEach((c) => c.sync()));
      observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    }
    this.sync();
  }

  hostDisconnected() {
    live.delete(this);
    if (!live.size && observer) {
      observer.disconnect();
      observer = null;
    }
  }

  sync() {
    const next = resolveLocale(langOf(this.host));
    if (next.tag !== this.locale.tag) {
      this.locale = next;
      this.host.requestUpdate();
    }
  }
}
