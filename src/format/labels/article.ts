import { labelsFor } from '../labels.js';

/** The words of <bantin-article> (and the shared ones). */
export const ARTICLE_LABELS = {
  vi: {
    views: 'Số lượt người xem: {count}',
    notFound: 'Không tìm thấy bài viết',
    backToNews: 'Về trang tin',
    attachments: 'Tệp đính kèm',
    download: 'Tải về',
  },
  en: {
    views: 'Views: {count}',
    notFound: 'Article not found',
    backToNews: 'Back to the news',
    attachments: 'Attachments',
    download: 'Download',
  },
};

export const articleLabel = labelsFor(ARTICLE_LABELS);
