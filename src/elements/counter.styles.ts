import { css } from 'lit';

/** `<bantin-counter>`'s own styles, on top of `baseStyles`: the label over a row of digit boxes that roll. */
export const counterStyles = css`
  .counter {
    display: inline-flex;
    flex-direction: column;
    align-items: center;
    gap: 0.3em;
    max-width: 100%;
  }
  .label {
    font-weight: bold;
    font-size: 0.85em;
    letter-spacing: 0.04em;
  }
  /* Boxes are in the DOM units first (reversed on screen), so each box keeps its
     place when the number grows and rolls instead of being replaced… */
  .digits {
    display: inline-flex;
    flex-direction: row-reverse;
    /* …and a long number that wraps keeps its units on the last line. */
    flex-wrap: wrap-reverse;
    justify-content: center;
    align-items: flex-end;
    gap: var(--bantin-counter-gap, 0.15em);
    font: bold var(--bantin-counter-font-size, 1.25em) / 1.4 var(--bantin-counter-font, ui-monospace, 'Courier New', monospace);
    font-variant-numeric: tabular-nums;
    user-select: none;
  }
  .digit {
    display: inline-block;
    height: 1.4em;
    overflow: hidden;
    padding: 0 0.3em;
    border-radius: var(--_radius);
    background: var(--bantin-counter-digit-background, #1f2328);
    color: var(--bantin-counter-digit-color, #fff);
    box-shadow: inset 0 -0.1em 0 rgb(0 0 0 / 0.25);
  }
  .strip {
    display: flex;
    flex-direction: column;
    transform: translateY(calc(var(--d, 0) * -10%));
  }
  [data-value='1'] > .strip { --d: 1; }
  [data-value='2'] > .strip { --d: 2; }
  [data-value='3'] > .strip { --d: 3; }
  [data-value='4'] > .strip { --d: 4; }
  [data-value='5'] > .strip { --d: 5; }
  [data-value='6'] > .strip { --d: 6; }
  [data-value='7'] > .strip { --d: 7; }
  [data-value='8'] > .strip { --d: 8; }
  [data-value='9'] > .strip { --d: 9; }
  .strip > span {
    height: 1.4em;
    text-align: center;
  }
  @media (prefers-reduced-motion: no-preference) {
    .strip {
      transition: transform var(--bantin-counter-roll-duration, 600ms) cubic-bezier(0.2, 0.7, 0.3, 1);
    }
  }
  .separator {
    line-height: 1.4;
  }
  .placeholder {
    display: inline-block;
    min-width: 6em;
    height: 1.4em;
    margin: 0;
    font: bold var(--bantin-counter-font-size, 1.25em) / 1.4 var(--bantin-counter-font, ui-monospace, 'Courier New', monospace);
    text-align: center;
  }
`;
