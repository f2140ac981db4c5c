import { css } from 'lit';

/** `<bantin-search>`'s own styles, on top of `baseStyles`: the box and its popup, then the results page. */
export const searchStyles = css`
  :host {
    --_mark-bg: var(--bantin-search-mark-background, var(--bantin-mark-background, #ffe58a));
    --_mark-color: var(--bantin-search-mark-color, var(--bantin-mark-color, inherit));
    --_active-bg: var(--bantin-search-active-background, var(--bantin-active-background, #e6effa));
    position: relative;
  }
  .label {
    display: block;
    font-weight: bold;
    margin-bottom: 0.35rem;
  }
  .field {
    display: flex;
    gap: 0.5rem;
  }
  input {
    flex: 1;
    min-width: 0;
    min-height: 2.5rem;
    font: inherit;
    color: inherit;
    padding: 0.4rem 0.6rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--bantin-search-input-background, var(--bantin-input-background, #fff));
  }
  input:focus-visible {
    outline: var(--_focus);
    outline-offset: 1px;
  }
  .popup {
    position: absolute;
    left: 0;
    right: 0;
    z-index: var(--bantin-search-popup-z-index, var(--bantin-popup-z-index, 20));
    margin-top: 0.25rem;
    /* Not a scroll box: options are not focusable (aria-activedescendant),
       so the page scrolls instead, and arrow keys bring the active one into view. */
    background: var(--bantin-search-popup-background, var(--bantin-popup-background, #fff));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--bantin-search-popup-shadow, var(--bantin-popup-shadow, 0 6px 18px rgb(0 0 0 / 0.15)));
    /* Results change on every key: keep their layout from touching the page's. */
    contain: content;
  }
  .popup[hidden] {
    display: none;
  }
  [role='listbox'],
  .results {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [role='option'] {
    display: block;
    padding: 0.5rem 0.75rem;
    cursor: pointer;
    border-bottom: 1px solid var(--_border);
  }
  [role='option']:last-child {
    border-bottom: 0;
  }
  [role='option'][aria-selected='true'] {
    background: var(--_active-bg);
    box-shadow: inset 3px 0 0 var(--_accent);
  }
  .title {
    display: block;
    font-weight: bold;
    color: var(--_accent);
  }
  .meta {
    display: block;
    font-size: 0.8125em;
    color: var(--_muted);
  }
  /* Feed text isolated from the punctuation bantin writes around it. */
  .meta [part='category'] {
    unicode-bidi: isolate;
  }
  .excerpt {
    display: block;
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }
  mark {
    background: var(--_mark-bg);
    color: var(--_mark-color);
    border-radius: 2px;
  }
  .note {
    margin: 0;
    padding: 0.6rem 0.75rem;
    color: var(--_muted);
  }
  .popup .error {
    margin: 0.5rem;
  }
  /* The results page */
  .summary {
    margin: 0.75rem 0;
    color: var(--_muted);
  }
  .summary:focus {
    outline: none;
  }
  .results > li {
    padding: 0.75rem 0;
    border-bottom: 1px solid var(--_border);
  }
  .results a {
    font-weight: bold;
    font-size: 1.0625em;
  }
  .pages {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
    margin-top: 1rem;
  }
  .pages button {
    min-height: 2.5rem;
    padding: 0.3rem 0.9rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--bantin-button-background, #fff);
    color: inherit;
  }
  .pages button[disabled] {
    opacity: 0.5;
    cursor: default;
  }
`;
