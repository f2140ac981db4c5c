/**
 * Every English word of bantin, shared and each element's (keys are unique across the
 * tables: one word, one place). Vietnamese pages never download it: `englishReady()`
 * (labels.ts) loads it where a page or an element is in English; `bantin/format`
 * (format/index.ts) imports it at once, for a UI of one's own.
 */

export const EN_LABELS = {
  // Shared by every element (labels.ts).
  loading: 'Loading…',
  retry: 'Retry',
  stale: 'Showing a saved copy; it may be out of date.',
  untitled: '(Untitled)',
  clearDate: 'Clear date',
  'error.no-feed': 'No feed URL given (a feed attribute or <meta name="bantin:feed">).',
  'error.network': 'Could not load the news: the network is down or the server refused.',
  'error.timeout': 'The news server did not answer in time.',
  'error.http': 'The server answered {status} when loading the news.',
  'error.not-json': 'The news file is not valid JSON (it may be cut short).',
  'error.not-xml': 'The RSS/Atom news file is not well-formed XML.',
  'error.not-a-feed': 'The news file is not a JSON Feed, RSS or Atom feed.',
  // <bantin-article> (labels/article.ts).
  views: 'Views: {count}',
  notFound: 'Article not found',
  backToNews: 'Back to the news',
  attachments: 'Attachments',
  download: 'Download',
  // <bantin-news-list> (labels/news-list.ts).
  newer: 'NEWER NEWS',
  older: 'EARLIER NEWS',
  latest: 'LATEST NEWS',
  more: 'More',
  loadingMore: 'Loading more…',
  moreFailed: 'Could not load more news.',
  empty: 'No news yet',
  emptyDay: 'No news on {date}',
  // <bantin-counter> (labels/counter.ts).
  visits: 'VISITS',
  visitsLabel: 'Visits: {count}',
  unavailable: 'not available',
  // <bantin-date-picker> (labels/date-picker.ts).
  browseByDate: 'Browse by date',
  browseByDateChosen: 'Browse by date, {date} chosen',
  calendar: 'Calendar',
  prevMonth: 'Previous month',
  nextMonth: 'Next month',
  hasNews: 'has news',
  today: 'today',
  close: 'Close',
  typeDate: 'Type a date',
  chooseTyped: 'Go',
  calendarHelp: 'Use the arrow keys to move between days, Page Up/Page Down for months, Enter to choose, Esc to close.',
  invalidDate: '“{value}” is not a valid date. Use {pattern}.',
  outOfRange: '{date} is outside the allowed range.',
  noNewsThatDay: 'There is no news on {date}.',
  // <bantin-search> (labels/search.ts).
  search: 'Search',
  searchPlaceholder: 'Type to search…',
  results: '{count} results',
  noResults: 'No results for “{query}”',
  searching: 'Searching…',
  prevPage: 'Previous page',
  nextPage: 'Next page',
  page: 'Page {page} of {pages}',
  pagination: 'Result pages',
  searchFailed: 'Search failed. Please try again.',
};
