import { html, type TemplateResult } from 'lit';

/**
 * A heading of the level an attribute asks for, `<h1>`–`<h6>`, its class, part and id all
 * `name` (the news list's `heading`, the article's `title`). Six plain templates instead of
 * lit's static-html (`unsafeStatic`), which every page with a list would download for this alone.
 */
export function heading(level: number, fallback: number, name: string, content: unknown): TemplateResult {
  switch (Math.min(6, Math.max(1, Math.round(level) || fallback))) {
    case 1:
      return html`<h1 class=${name} part=${name} id=${name}>${content}</h1>`;
    case 2:
      return html`<h2 class=${name} part=${name} id=${name}>${content}</h2>`;
    case 3:
      return html`<h3 class=${name} part=${name} id=${name}>${content}</h3>`;
    case 4:
      return html`<h4 class=${name} part=${name} id=${name}>${content}</h4>`;
    case 5:
      return html`<h5 class=${name} part=${name} id=${name}>${content}</h5>`;
    default:
      return html`<h6 class=${name} part=${name} id=${name}>${content}</h6>`;
  }
}
