import type { FeedErrorCode } from '../feed/errors.js';
import type { Lang } from './lang.js';
import { describeError } from '../shared/errors.js';

/**
 * The words bantin shows, in Vietnamese (the reference) and English, `{name}`
 * placeholders filled by the label functions. The Vietnamese words every element may
 * show are here; each element's own are in `labels/<element>.ts`, so a page downloads
 * only the words of the elements it uses. The English ones are all in `labels/en.ts`,
 * loaded only where something is in English.
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

/** The shared words; their English is in `labels/en.ts`, with every element's. */
export const SHARED_LABELS: { vi: Record<SharedKey, string> } = { vi };

/**
 * Every English word once `labels/en.ts` is here: until then, and where it cannot load,
 * the words are Vietnamese, the reference language.
 */
let english: Record<string, string> | null = null;
let englishLoading: Promise<void> | null = null;

/** Gives the label functions the English words (`bantin/format` does at once, `englishReady()` on demand). */
export const useEnglish = (table: Record<string, string>) => void (english = table);

/**
 * Null when the English words are here; else a promise of them (loading them once, never
 * rejected: a chunk that fails to load leaves the words Vietnamese, with a console note,
 * and is asked for again next time). Elements on English pages wait for it before they
 * render, so a reader never sees Vietnamese words flash first; Vietnamese pages never ask.
 */
export function englishReady(): Promise<void> | null {
  if (english) return null;
  return (englishLoading ??= import('./labels/en.js').then(
    (m) => useEnglish(m.EN_LABELS),
    (e) => {
      englishLoading = null;
      console.warn(`bantin: the English words could not be loaded (${describeError(e)}); showing Vietnamese.`);
    },
  ));
}

export type LabelFunction<K extends string> = (lang: Lang, key: K | SharedKey, vars?: Record<string, string | number>) => string;

/**
 * The label function of an element: its own words in `own` (Vietnamese; English too for a
 * table of one's own, else from `labels/en.ts`), and the shared ones.
 */
export function labelsFor<K extends string>(own: { vi: Record<K, string>; en?: Record<K, string> }): LabelFunction<K> {
  return (lang, key, vars = {}) => {
    const text =
      (lang === 'en' && ((own.en as Record<string, string> | undefined)?.[key] ?? english?.[key])) ||
      ((own.vi as Record<string, string>)[key] ?? vi[key as SharedKey]);
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
  };
}

/** A shared label in a language, with `{name}` placeholders filled in. */
export const label: LabelFunction<never> = labelsFor<never>({ vi: {} });

/** The localized explanation of a feed failure, by its code. */
export function errorLabel(lang: Lang, code: FeedErrorCode, status?: number | null): string {
  return label(lang, `error.${code}` as SharedKey, { status: status ?? '' });
}
