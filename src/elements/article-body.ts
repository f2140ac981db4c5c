import type { ReactiveControllerHost } from 'lit';
import type { Article } from '../feed/types.js';
import { parseOrigins, sanitizeArticleHtml, textParagraphs } from './sanitize.js';

/** Top-level blocks of a body laid out at once: the first batch shows at once, the rest one per frame. */
const BODY_BATCH = 60;

/**
 * `<bantin-article>`'s HTML body: sanitized off the render (the sanitizer is
 * loaded on demand), the text alone if it cannot load, and a long body laid
 * out a batch per frame. Work for an article no longer shown is dropped. The
 * element asks for it in update, after its controllers' hostUpdate, so the
 * body is the one of the article that update renders.
 */
export class ArticleBody {
  /** What the body is for (article, the address its links resolve against, allowed iframe origins, HTML). */
  private key: string | null = null;
  /** The sanitized body of that, or null while it is being prepared. Read only. */
  node: Element | null = null;

  constructor(private readonly host: ReactiveControllerHost) {}

  /**
   * Prepares `article`'s `content_html` unless it is prepared already; links in
   * it resolve against `base`. Called before each render (update), which
   * shows a placeholder until the body is ready.
   */
  sync(article: Article | null, iframeOrigins: string | null, base: string) {
    const html = article?.contentHtml;
    const key = `${article?.id}\u0000${base}\u0000${iframeOrigins ?? ''}\u0000${html}`;
    if (html == null || this.key === key) return;
    this.key = key;
    this.node = null;
    let rest: ChildNode[] = [];
    sanitizeArticleHtml(html, base, { iframeOrigins: parseOrigins(iframeOrigins) })
      .then((fragment) => {
        const div = document.createElement('div');
        const nodes = [...fragment.childNodes];
        div.append(...nodes.slice(0, BODY_BATCH));
        rest = nodes.slice(BODY_BATCH);
        return div;
      })
      .catch(() => {
        // The sanitizer could not load (offline, blocked chunk): show the text, never raw HTML.
        const text = new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
        const div = document.createElement('div');
        for (const lines of textParagraphs(text)) {
          const p = document.createElement('p');
          p.textContent = lines.join(' ');
          div.append(p);
        }
        return div;
      })
      .then((node) => {
        if (this.key !== key) return;
        this.node = node;
        this.host.requestUpdate();
        void this.appendRest(key, node, rest);
      });
  }

  /**
   * A long article's later blocks join the body a batch per frame: laying out
   * 1,000 paragraphs at once is seconds on a cheap phone, a batch a few ms.
   */
  private async appendRest(key: string, node: Element, rest: ChildNode[]) {
    for (let i = 0; i < rest.length; i += BODY_BATCH) {
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      if (this.key !== key) return;
      node.append(...rest.slice(i, i + BODY_BATCH));
    }
  }
}
