/**
 * Every element's tag name, once, by the name of its module (`src/entries/<name>.ts`,
 * `dist/cdn/<name>.js`). The entries define the elements by it, the classic loader
 * (`entries/loader.ts`) finds them by it, and `npm run docs` fails when the manifest's
 * tag names (each class's `@tagname`) are not these.
 */
export const TAGS = {
  article: 'bantin-article',
  'news-list': 'bantin-news-list',
  counter: 'bantin-counter',
  'date-picker': 'bantin-date-picker',
  search: 'bantin-search',
} as const;

/** The tag name of a bantin element. */
export type BantinTag = (typeof TAGS)[keyof typeof TAGS];
