import { css } from 'lit';

/** `<bantin-date-picker>`'s own styles, on top of `baseStyles`: the button row, the dialog, the month grid, the typed-date form. */
export const datePickerStyles = css`
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  button {
    color: inherit;
    background: var(--bantin-button-background, #fff);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.4rem 0.75rem;
    min-height: 2.5rem;
  }
  .open {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    font-weight: 600;
  }
  .open svg {
    color: var(--_accent);
    flex: none;
  }
  .chosen {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .clear {
    font-size: 0.875em;
    min-height: 2.25rem;
    color: var(--_muted);
  }
  dialog {
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--bantin-date-picker-dialog-background, var(--bantin-dialog-background, #fff));
    color: inherit;
    box-shadow: 0 8px 28px rgb(0 0 0 / 0.18);
    width: 22rem;
    max-width: calc(100vw - 1rem);
  }
  dialog::backdrop {
    background: var(--bantin-date-picker-backdrop, var(--bantin-backdrop, rgb(0 0 0 / 0.25)));
  }
  @media (max-width: 30rem) {
    dialog {
      width: 100%;
      max-width: 100%;
      margin: auto 0 0;
      border-radius: var(--_radius) var(--_radius) 0 0;
    }
  }
  .calendar {
    background: var(--_surface);
  }
  .header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    margin-bottom: 0.5rem;
  }
  .heading {
    font-weight: 600;
    text-align: center;
    flex: 1;
  }
  .nav {
    min-width: 2.5rem;
    font-size: 1.25rem;
    line-height: 1;
  }
  .nav[aria-disabled='true'] {
    opacity: 0.4;
    cursor: not-allowed;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    table-layout: fixed;
  }
  th {
    font-size: 0.8125em;
    font-weight: 600;
    color: var(--_muted);
    padding: 0.25rem 0;
    text-align: center;
  }
  td {
    position: relative;
    text-align: center;
    padding: 0;
    height: 2.5rem;
    border-radius: var(--_radius);
    cursor: pointer;
    font-variant-numeric: tabular-nums;
  }
  td:not([data-day]) {
    cursor: default;
  }
  td[data-day]:hover {
    background: var(--bantin-date-picker-day-hover, var(--bantin-day-hover, #eef3fa));
  }
  td:focus-visible {
    outline: var(--_focus);
    outline-offset: -2px;
  }
  td[aria-current='date'] .num {
    display: inline-block;
    min-width: 1.9rem;
    line-height: 1.75rem;
    border: 2px solid var(--_accent);
    border-radius: 50%;
  }
  td[aria-selected='true'] {
    background: var(--_accent);
    color: var(--bantin-accent-contrast, #fff);
    font-weight: 600;
  }
  td[aria-selected='true']:hover {
    background: var(--_accent);
  }
  td[aria-selected='true'] .num {
    border-color: currentColor;
  }
  td[aria-disabled='true'] {
    color: var(--bantin-date-picker-disabled-color, var(--bantin-disabled-color, #8a939f));
    cursor: not-allowed;
  }
  td[aria-disabled='true']:hover {
    background: none;
  }
  td[part~='day-news']::after {
    content: '';
    position: absolute;
    left: 50%;
    bottom: 0.2rem;
    width: 0.35rem;
    height: 0.35rem;
    margin-left: -0.175rem;
    border-radius: 50%;
    background: var(--bantin-date-picker-news-dot, var(--bantin-news-dot, var(--_accent)));
  }
  td[aria-selected='true'][part~='day-news']::after {
    background: currentColor;
  }
  .form {
    margin-top: 0.75rem;
  }
  .form label {
    display: block;
    font-size: 0.875em;
    margin-bottom: 0.25rem;
  }
  .pattern {
    color: var(--_muted);
  }
  .row {
    display: flex;
    gap: 0.5rem;
  }
  input {
    flex: 1;
    min-width: 0;
    font: inherit;
    padding: 0.4rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-height: 2.5rem;
  }
  input[aria-invalid='true'] {
    border-color: var(--_error);
  }
  .message {
    margin: 0.25rem 0 0;
    font-size: 0.875em;
    min-height: 1.3em;
  }
  .error-text {
    color: var(--_error);
  }
  .footer {
    display: flex;
    justify-content: flex-end;
  }
  :host([inline]) .clear {
    margin-top: 0.5rem;
  }
`;
