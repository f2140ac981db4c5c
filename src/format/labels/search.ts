import { labelsFor } from '../labels.js';

/** The words of <bantin-search> (and the shared ones); their English is in `en.ts`. */
export const SEARCH_LABELS = {
  vi: {
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
  },
};

export const searchLabel = labelsFor(SEARCH_LABELS);
