import type { FeedErrorCode } from '../feed/errors.js';
import type { Lang } from './lang.js';

/**
 * Every word bantin shows, one table per language. `{name}` placeholders are
 * filled by `label()`. Vietnamese is the reference; English must have the same keys.
 */
const vi = {
  // shared states
  loading: 'Đang tải…',
  retry: 'Thử lại',
  stale: 'Đang hiển thị bản lưu trước đó; nội dung có thể chưa cập nhật.',
  'error.no-feed': 'Chưa khai báo địa chỉ bản tin (thuộc tính feed hoặc thẻ <meta name="bantin:feed">).',
  'error.network': 'Không tải được bản tin: mất kết nối mạng hoặc máy chủ không cho phép.',
  'error.timeout': 'Máy chủ bản tin không trả lời kịp.',
  'error.http': 'Máy chủ trả lỗi {status} khi tải bản tin.',
  'error.not-json': 'Tệp bản tin không phải JSON hợp lệ (có thể bị cắt ngang).',
  'error.not-xml': 'Tệp bản tin RSS/Atom bị lỗi cú pháp XML.',
  'error.not-a-feed': 'Tệp bản tin không đúng định dạng JSON Feed, RSS hay Atom.',
  // article
  views: 'Số lượt người xem: {count}',
  notFound: 'Không tìm thấy bài viết',
  backToNews: 'Về trang tin',
  attachments: 'Tệp đính kèm',
  download: 'Tải về',
  untitled: '(Không có tiêu đề)',
  // news list
  newer: 'TIN MỚI HƠN',
  older: 'TIN ĐÃ ĐƯA',
  latest: 'TIN MỚI',
  more: 'Xem tiếp',
  loadingMore: 'Đang tải thêm…',
  moreFailed: 'Không tải được các tin tiếp theo.',
  empty: 'Chưa có tin',
  emptyDay: 'Không có tin ngày {date}',
  clearDate: 'Bỏ lọc ngày',
  // counter
  visits: 'SỐ LƯỢT TRUY CẬP',
  visitsLabel: 'Số lượt truy cập: {count}',
  unavailable: 'chưa có số liệu',
  // date picker
  browseByDate: 'Xem theo ngày',
  browseByDateChosen: 'Xem theo ngày, đã chọn {date}',
  calendar: 'Lịch',
  prevMonth: 'Tháng trước',
  nextMonth: 'Tháng sau',
  hasNews: 'có tin',
  today: 'hôm nay',
  close: 'Đóng',
  typeDate: 'Nhập ngày',
  chooseTyped: 'Chọn',
  calendarHelp: 'Dùng phím mũi tên để chuyển ngày, Page Up/Page Down để chuyển tháng, Enter để chọn, Esc để đóng.',
  invalidDate: 'Ngày «{value}» không hợp lệ. Nhập theo dạng {pattern}.',
  outOfRange: 'Ngày {date} nằm ngoài khoảng cho phép.',
  noNewsThatDay: 'Ngày {date} không có tin.',
  // search
  search: 'Tìm kiếm',
  searchPlaceholder: 'Nhập từ khóa…',
  results: '{count} kết quả',
  noResults: 'Không tìm thấy kết quả cho «{query}»',
  searching: 'Đang tìm…',
  prevPage: 'Trang trước',
  nextPage: 'Trang sau',
  page: 'Trang {page}/{pages}',
  pagination: 'Các trang kết quả',
  searchFailed: 'Không tìm kiếm được. Vui lòng thử lại.',
};

export type LabelKey = keyof typeof vi;
export type Labels = Record<LabelKey, string>;

const en: Labels = {
  loading: 'Loading…',
  retry: 'Retry',
  stale: 'Showing a saved copy; it may be out of date.',
  'error.no-feed': 'No feed URL given (a feed attribute or <meta name="bantin:feed">).',
  'error.network': 'Could not load the news: the network is down or the server refused.',
  'error.timeout': 'The news server did not answer in time.',
  'error.http': 'The server answered {status} when loading the news.',
  'error.not-json': 'The news file is not valid JSON (it may be cut short).',
  'error.not-xml': 'The RSS/Atom news file is not well-formed XML.',
  'error.not-a-feed': 'The news file is not a JSON Feed, RSS or Atom feed.',
  views: 'Views: {count}',
  notFound: 'Article not found',
  backToNews: 'Back to the news',
  attachments: 'Attachments',
  download: 'Download',
  untitled: '(Untitled)',
  newer: 'NEWER NEWS',
  older: 'EARLIER NEWS',
  latest: 'LATEST NEWS',
  more: 'More',
  loadingMore: 'Loading more…',
  moreFailed: 'Could not load more news.',
  empty: 'No news yet',
  emptyDay: 'No news on {date}',
  clearDate: 'Clear date',
  visits: 'VISITS',
  visitsLabel: 'Visits: {count}',
  unavailable: 'not available',
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

export const LABELS: Record<Lang, Labels> = { vi, en };

/** A label in a language, with `{name}` placeholders filled in. */
export function label(lang: Lang, key: LabelKey, vars: Record<string, string | number> = {}): string {
  return LABELS[lang][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** The localized explanation of a feed failure, by its code. */
export function errorLabel(lang: Lang, code: FeedErrorCode, status?: number | null): string {
  return label(lang, `error.${code}` as LabelKey, { status: status ?? '' });
}
