import { labelsFor } from '../labels.js';

/** The words of <bantin-article> (and the shared ones); their English is in `en.ts`. */
export const ARTICLE_LABELS = {
  vi: {
    views: 'Số lượt người xem: {count}',
    notFound: 'Không tìm thấy bài viết',
    backToNews: 'Về trang tin',
    attachments: 'Tệp đính kèm',
    download: 'Tải về',
  },
};

export const articleLabel = labelsFor(ARTICLE_LABELS);
