// The generated big feed of bench/big-feed: a JSON Feed of 100,000 Vietnamese
// items, about 26 MB of UTF-8, the same bytes every time. bench/run.mjs serves
// it at /bench-feeds/big-feed.json (no ETag or Last-Modified: a returning page
// downloads and hashes it again, the heavier case).
const TITLES = ['Hội nghị Ban Chấp hành Đảng bộ Quận khóa XI', 'Họp mặt kỷ niệm Ngày Thầy thuốc Việt Nam', 'Tuần lễ hàng Việt tại Trung tâm Văn hóa', 'Ra quân Tháng Thanh niên năm 2017'];
const CATEGORIES = ['Tin tức sự kiện', 'Kinh tế', 'Văn hóa - Xã hội', 'Quốc phòng - An ninh'];
const SENTENCE = 'Ngày 22 tháng 02 năm 2017, Quận ủy Quận 5 đã tổ chức Hội nghị Ban Chấp hành Đảng bộ Quận lần thứ 9. ';

export const BIG_FEED_ITEMS = 100_000;
const TARGET_BYTES = 26_500_000;

function make(bodyChars) {
  const body = SENTENCE.repeat(Math.ceil(bodyChars / SENTENCE.length) + 1).slice(0, bodyChars);
  const items = Array.from({ length: BIG_FEED_ITEMS }, (_, i) => ({
    id: `g${i}`,
    url: `/?id=g${i}`,
    title: `${TITLES[i % TITLES.length]} (${i})`,
    content_html: `<p>${body}</p>`,
    date_published: new Date(Date.UTC(2017, 1, 27, 6, 35) - i * 600_000).toISOString(),
    _bantin: { category: CATEGORIES[i % CATEGORIES.length], views: i % 1000 },
  }));
  return Buffer.from(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Quận 5 (bench)', _bantin: { visits: 19467540 }, items }));
}

let cached = null;
/** The feed's bytes, made once per process. */
export function bigFeed() {
  if (!cached) {
    // Bodies long enough for the target size: two probes give the bytes per body character.
    const empty = make(0).length;
    const perChar = (make(100).length - empty) / 100 / BIG_FEED_ITEMS;
    cached = make(Math.max(0, Math.round((TARGET_BYTES - empty) / BIG_FEED_ITEMS / perChar)));
  }
  return cached;
}
