import { labelsFor } from '../labels.js';

/** The words of <bantin-news-list> (and the shared ones); their English is in `en.ts`. */
export const NEWS_LIST_LABELS = {
  vi: {
    newer: 'TIN MỚI HƠN',
    older: 'TIN ĐÃ ĐƯA',
    latest: 'TIN MỚI',
    more: 'Xem tiếp',
    loadingMore: 'Đang tải thêm…',
    moreFailed: 'Không tải được các tin tiếp theo.',
    empty: 'Chưa có tin',
    emptyDay: 'Không có tin ngày {date}',
  },
};

export const newsListLabel = labelsFor(NEWS_LIST_LABELS);
