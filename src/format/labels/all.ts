/**
 * Every word of every element, per language: the public `LABELS` of `bantin/format`
 * (for a UI of one's own). The elements import only their own tables, and the English
 * words only on English pages.
 */
import type { Lang } from '../lang.js';
import { SHARED_LABELS } from '../labels.js';
import { ARTICLE_LABELS } from './article.js';
import { NEWS_LIST_LABELS } from './news-list.js';
import { COUNTER_LABELS } from './counter.js';
import { DATE_PICKER_LABELS } from './date-picker.js';
import { SEARCH_LABELS } from './search.js';
import { EN_LABELS } from './en.js';

const OWN = [ARTICLE_LABELS, NEWS_LIST_LABELS, COUNTER_LABELS, DATE_PICKER_LABELS, SEARCH_LABELS] as const;
type OwnKey = keyof (typeof OWN)[number]['vi'];

export type LabelKey = OwnKey | keyof (typeof SHARED_LABELS)['vi'];
export type Labels = Record<LabelKey, string>;

export const LABELS: Record<Lang, Labels> = {
  vi: Object.assign({}, SHARED_LABELS.vi, ...OWN.map((t) => t.vi)) as Labels,
  en: EN_LABELS,
};
