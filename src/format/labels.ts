import type { FeedErrorCode } from '../feed/errors.js';
import type { Lang } from './lang.js';

/**
 * The words bantin shows, in Vietnamese (the reference) and English, `{name}`
 * placeholders filled by the label functions. The words every element may show are
 * here; each element's own are in `labels/<element>.ts`, so a page downloads only
 * the words of the elements it uses.
 */
const vi = {
  loading: 'Đang tải…',
  retry: 'Thử lại',
  stale: 'Đang hiển thị bản lưu trước đó; nội dung có thể chưa cập nhật.',
  untitled: '(Không có tiêu đề)',
  clearDate: 'Bỏ lọc ngày',
  'error.no-feed': 'Chưa khai báo địa chỉ bản tin (thuộc tính feed hoặc thẻ <meta name="bantin:feed">).',
  'error.network': 'Không tải được bản tin: mất kết nối mạng hoặc máy chủ không cho phép.',
  'error.timeout': 'Máy chủ bản tin không trả lời kịp.',
  'error.http': 'Máy chủ trả lỗi {status} khi tải bản tin.',
  'error.not-json': 'Tệp bản tin không phải JSON hợp lệ (có thể bị cắt ngang).',
  'error.not-xml': 'Tệp bản tin RSS/Atom bị lỗi cú pháp XML.',
  'error.not-a-feed': 'Tệp bản tin không đúng định dạng JSON Feed, RSS hay Atom.',
};

export type SharedKey = keyof typeof vi;

const en: Record<SharedKey, string> = {
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
};

export const SHARED_LABELS: Record<Lang, Record<SharedKey, string>> = { vi, en };

export type LabelFunction<K extends string> = (lang: Lang, key: K | SharedKey, vars?: Record<string, string | number>) => string;

/** The label function of an element: its own words in `own` (the same keys in both languages), and the shared ones. */
export function labelsFor<K extends string>(own: Record<Lang, Record<K, string>>): LabelFunction<K> {
  return (lang, key, vars = {}) => {
    const text = (own[lang] as Record<string, string>)[key] ?? SHARED_LABELS[lang][key as SharedKey];
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
  };
}

/** A shared label in a language, with `{name}` placeholders filled in. */
export const label: LabelFunction<never> = labelsFor<never>({ vi: {}, en: {} });

/** The localized explanation of a feed failure, by its code. */
export function errorLabel(lang: Lang, code: FeedErrorCode, status?: number | null): string {
  return label(lang, `error.${code}` as SharedKey, { status: status ?? '' });
}
