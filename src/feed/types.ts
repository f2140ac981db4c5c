/** The typed model every element reads; built by `parseFeed` from JSON Feed 1.0/1.1. */

export interface Attachment {
  url: string;
  mimeType: string;
  title: string | null;
  sizeInBytes: number | null;
  durationInSeconds: number | null;
}

export interface Article {
  /** Always a string: numeric ids from the feed are converted. */
  id: string;
  /** Absolute http(s) URL, or null when the item has none (or an unsafe one). */
  url: string | null;
  title: string;
  summary: string | null;
  contentHtml: string | null;
  contentText: string | null;
  image: string | null;
  /** null when the item has no `date_published` (optional in JSON Feed). */
  published: Date | null;
  modified: Date | null;
  /** `_bantin.category`, else the first tag. */
  category: string | null;
  tags: string[];
  /** `_bantin.views` */
  views: number | null;
  attachments: Attachment[];
  /** Position in the feed across loaded pages: the tie-breaker for equal dates. */
  order: number;
}

export interface Feed {
  /** Absolute URL the feed was loaded from. */
  url: string;
  title: string;
  homePageUrl: string | null;
  /** Next (older) page, absolute. */
  nextUrl: string | null;
  /** `_bantin.visits` */
  visits: number | null;
  language: string | null;
  items: Article[];
}

export interface SkippedItem {
  /** Index of the item in its page's `items` array. */
  index: number;
  id: string | null;
  reason: string;
  /** The page the item came from. */
  url: string;
}
