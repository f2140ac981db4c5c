import { useEnglish } from './labels.js';
import { EN_LABELS } from './labels/en.js';

export { formatDate, toDateFormat, monthName, LEGACY_VI_MONTHS, DATE_FORMATS, type DateFormat, type DateFormatOptions } from './date.js';
export { formatNumber } from './number.js';
export { formatBytes } from './bytes.js';
export { resolveLocale, DEFAULT_LANG, type Lang, type Locale } from './lang.js';
export { label, errorLabel, labelsFor, type LabelFunction, type SharedKey } from './labels.js';
export { LABELS, type LabelKey, type Labels } from './labels/all.js';
export {
  DEFAULT_TIME_ZONE,
  resolveTimeZone,
  zonedParts,
  zonedTimeToUtc,
  dayKey,
  parseDayKey,
  daysInMonth,
  type ZonedParts,
} from '../shared/time-zone.js';

// A UI of one's own gets every word at once, English included (the elements load English on demand).
useEnglish(EN_LABELS);
