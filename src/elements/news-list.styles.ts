import { css } from 'lit';

/** `<bantin-news-list>`'s own styles, on top of `baseStyles`: the heading band, the items (titles or summaries), the day filter, "Xem tiếp" and the loading rows. */
export const newsListStyles = css`
  .heading {
    margin: 0 0 0.5rem;
    padding: 0.35rem 0.6rem;
    font-size: 1em;
    font-weight: bold;
    letter-spacing: 0.02em;
    color: var(--bantin-news-list-heading-color, var(--bantin-heading-color, inherit));
    background: var(--bantin-news-list-heading-background, var(--bantin-heading-background, transparent));
    border-bottom: 2px solid var(--_accent);
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li {
    position: relative;
    padding: 0.3rem 0 0.3rem 1rem;
    border-bottom: 1px dotted var(--_border);
  }
  /* A long list lays out only the rows on screen. Short lists do not: off-screen
     rows would be measured at their placeholder size, and the remembered height
     that keeps the page still would depend on scrolling. */
  .long > li {
    content-visibility: auto;
    contain-intrinsic-size: auto 2.2em;
  }
  li::before {
    content: '';
    position: absolute;
    left: 0.2rem;
    top: 0.85em;
    width: 0.35rem;
    height: 0.35rem;
    border-radius: 50%;
    background: var(--_accent);
  }
  a {
    text-decoration: none;
    overflow-wrap: anywhere;
  }
  /* Feed text is isolated: a bidi override in a title cannot reorder the date after it. */
  a,
  .summary {
    unicode-bidi: isolate;
  }
  a:hover {
    text-decoration: underline;
  }
  .date,
  .when {
    color: var(--_muted);
    font-size: 0.875em;
    white-space: nowrap;
  }
  .when .date {
    font-size: 1em;
  }
  .summary-item {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.35rem;
  }
  .summary-item .image {
    width: 100%;
    max-width: 12rem;
    aspect-ratio: 16 / 9;
    object-fit: cover;
    border-radius: var(--_radius);
  }
  @media (min-width: 480px) {
    :host([layout='summary']) .summary-item {
      grid-template-columns: 8rem minmax(0, 1fr);
    }
  }
  /* No image: the text comes first and spans the image column too. */
  .summary-item > div:first-child {
    grid-column: 1 / -1;
  }
  .summary {
    margin: 0;
    color: var(--_muted);
    font-size: 0.92em;
  }
  .error .detail {
    display: block;
    color: var(--_muted);
  }
  .more {
    margin-top: 0.5rem;
    padding: 0.3rem 0.9rem;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_accent);
  }
  .filter {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin: 0 0 0.5rem;
    font-size: 0.9em;
  }
  .filter button {
    padding: 0.1rem 0.6rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: transparent;
    color: inherit;
  }
  .empty {
    margin: 0.5rem 0;
    color: var(--_muted);
  }
  .skeleton-row {
    padding: 0.3rem 0 0.3rem 1rem;
  }
`;
