import { css } from 'lit';

/**
 * Styles every element starts from. Shadow DOM keeps page CSS out; only
 * inherited properties (font, color) and our `--bantin-*` custom properties
 * come in, so a webmaster themes without being able to break the layout.
 */
export const baseStyles = css`
  :host {
    /* flow-root: the margins of what is inside (a slotted fallback, the first paragraph) stay
       inside, in every state, so the element's box does not move when its content changes. */
    display: flow-root;
    box-sizing: border-box;
    font-family: var(--bantin-font, inherit);
    font-size: var(--bantin-font-size, 1rem);
    line-height: var(--bantin-line-height, 1.5);
    color: var(--bantin-color, inherit);
    --_accent: var(--bantin-accent, #0b5cad);
    --_muted: var(--bantin-muted-color, #5b6472);
    --_border: var(--bantin-border-color, #d5dbe3);
    --_surface: var(--bantin-surface, transparent);
    --_radius: var(--bantin-radius, 4px);
    --_gap: var(--bantin-gap, 0.75rem);
    --_error: var(--bantin-error-color, #a4000f);
    --_focus: var(--bantin-focus-ring, 2px solid #0b5cad);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  a {
    color: var(--bantin-link-color, var(--_accent));
  }
  :focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    cursor: pointer;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .skeleton-line {
    display: block;
    height: 1em;
    margin: 0.4em 0;
    border-radius: var(--_radius);
    background: var(--bantin-skeleton-color, #e8ecf1);
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton-line {
      animation: bantin-pulse 1.4s ease-in-out infinite;
    }
  }
  @keyframes bantin-pulse {
    50% {
      opacity: 0.55;
    }
  }
  .error {
    color: var(--_error);
    border-left: 3px solid currentColor;
    padding: 0.25rem 0.75rem;
  }
  .stale {
    color: var(--_muted);
    font-size: 0.875em;
  }
`;
