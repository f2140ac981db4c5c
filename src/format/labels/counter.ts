import { labelsFor } from '../labels.js';

/** The words of <bantin-counter> (and the shared ones); their English is in `en.ts`. */
export const COUNTER_LABELS = {
  vi: {
    visits: 'SỐ LƯỢT TRUY CẬP',
    visitsLabel: 'Số lượt truy cập: {count}',
    unavailable: 'chưa có số liệu',
  },
};

export const counterLabel = labelsFor(COUNTER_LABELS);
