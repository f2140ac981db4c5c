import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import type { Highlighted } from '../search/highlight.js';

const sameHighlight = (a: Highlighted, b: Highlighted) =>
  a.text === b.text && a.ranges.length === b.ranges.length && a.ranges.every((r, i) => r[0] === b.ranges[i][0] && r[1] === b.ranges[i][1]);

/** The node at `at` if it can show `text` as asked (a text node, or a `<mark>` holding one), with its text set; else null. */
function reuse(at: ChildNode | null, text: string, mark: boolean): ChildNode | null {
  if (!at) return null;
  if (!mark) {
    if (at.nodeType !== Node.TEXT_NODE) return null;
    if ((at as Text).data !== text) (at as Text).data = text;
    return at;
  }
  if (at.nodeName !== 'MARK') return null;
  const t = at.firstChild;
  if (t && t.nodeType === Node.TEXT_NODE && !t.nextSibling) {
    if ((t as Text).data !== text) (t as Text).data = text;
  } else {
    at.textContent = text;
  }
  return at;
}

/**
 * `<span ${markedText(h)}></span>`: fills the element with `h.text`, its
 * ranges wrapped in `<mark part="mark">`, as text nodes (never HTML). The
 * nodes already there are reused, their text replaced: search results change
 * on every key, and removing and inserting nodes (or a Lit part per word,
 * with its markers) cost more than the text itself.
 */
class MarkedText extends Directive {
  private shown: Highlighted | null = null;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('markedText() goes on an element: <span ${markedText(h)}></span>');
  }

  render(_h: Highlighted) {
    return noChange;
  }

  override update(part: ElementPart, [h]: [Highlighted]) {
    if (this.shown && sameHighlight(this.shown, h)) return noChange;
    this.shown = h;
    const el = part.element;
    let next = el.firstChild;
    const put = (text: string, mark: boolean) => {
      const kept = reuse(next, text, mark);
      if (kept) {
        next = kept.nextSibling;
        return;
      }
      let node: Node = document.createTextNode(text);
      if (mark) {
        const m = document.createElement('mark');
        m.setAttribute('part', 'mark');
        m.append(node);
        node = m;
      }
      el.insertBefore(node, next);
    };
    let p = 0;
    for (const [a, b] of h.ranges) {
      if (a > p) put(h.text.slice(p, a), false);
      put(h.text.slice(a, b), true);
      p = b;
    }
    if (p < h.text.length) put(h.text.slice(p), false);
    while (next) {
      const after: ChildNode | null = next.nextSibling;
      next.remove();
      next = after;
    }
    return noChange;
  }
}

export const markedText = directive(MarkedText);
