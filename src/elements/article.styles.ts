import { css } from 'lit';

/** `<bantin-article>`'s own styles, on top of `baseStyles`: the meta line, title, image, body, attachments, views and the loading placeholder. */
export const articleStyles = css`
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    margin: 0 0 0.25rem;
    font-size: 0.9em;
  }
  .category {
    color: var(--_accent);
    font-weight: bold;
    /* Feed text: a bidi override in it cannot reorder the date beside it. */
    unicode-bidi: isolate;
  }
  .date {
    color: var(--_muted);
  }
  .title {
    margin: 0 0 var(--_gap);
    font-size: var(--bantin-article-title-size, var(--bantin-title-size, 1.6em));
    line-height: 1.25;
    color: var(--bantin-article-title-color, var(--bantin-title-color, inherit));
    overflow-wrap: anywhere;
  }
  .image {
    display: block;
    max-width: 100%;
    height: auto;
    margin: 0 0 var(--_gap);
    border-radius: var(--_radius);
  }
  .body {
    overflow-wrap: break-word;
  }
  .body :is(img, video, iframe, table) {
    max-width: 100%;
  }
  .body img {
    height: auto;
  }
  .body iframe {
    border: 0;
    aspect-ratio: 16 / 9;
    width: 100%;
    height: auto;
  }
  .body p {
    margin: 0 0 0.9em;
    text-align: var(--bantin-article-body-align, var(--bantin-body-align, start));
  }
  .attachments {
    display: grid;
    gap: var(--_gap);
    margin: var(--_gap) 0;
    padding: 0;
    list-style: none;
  }
  figure {
    margin: 0;
  }
  video,
  audio {
    display: block;
    width: 100%;
    max-width: 40rem;
  }
  video {
    background: #000;
    border-radius: var(--_radius);
  }
  figcaption {
    color: var(--_muted);
    font-size: 0.9em;
    margin-top: 0.25rem;
  }
  .views {
    margin: var(--_gap) 0 0;
    font-style: italic;
    color: var(--_muted);
  }
  .skeleton {
    min-height: var(--bantin-article-min-height, 20rem);
  }
  .skeleton .t {
    height: 1.6em;
    width: 80%;
  }
  .skeleton .s {
    width: 30%;
  }
`;
