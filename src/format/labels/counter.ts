import { labelsFor } from '../labels.js';

/** The words of <bantin-counter> (and the shared ones). */
export const COUNTER_LABELS = {
  vi: {
    visits: 'SỐ LƯỢT TRUY CẬP',
    visitsLabel: 'Số lượt truy cập: {count}',
    unavailable: 'chưa có số liệu',
  },
  en: {
    visits: 'VISITS',
    visitsLabel: 'Visits: {count}',
    unavailable: 'not available',
  },
};

export const counterLabel = labelsFor(COUNTER_LABELS);
