// `npm run manifest`: custom-elements.json from the element sources and their JSDoc.
export default {
  globs: ['src/elements/*.ts', 'src/entries/*.ts'],
  exclude: ['src/entries/loader.ts', 'src/elements/sanitize.ts', 'src/elements/styles.ts', 'src/elements/*.styles.ts', 'src/elements/feed-status.ts', 'src/elements/date-picker-calendar.ts', 'src/elements/search-results.ts', 'src/elements/article-body.ts'],
  outdir: '.',
  litelement: true,
};
