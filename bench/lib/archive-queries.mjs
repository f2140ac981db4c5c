// What bench/archive.mjs types, and how it judges the top 3.
// - On archives made from DANeS headlines (the stand-in, the generated 10,000): the
//   relevance suite's queries (test/support/relevance.ts) and their headlines. The
//   generator repeats headlines past 2,031 items ("… (kỳ 2)"): any copy counts.
// - On the real corpus: reader-style queries for 20 of its 217 articles that carry their
//   real titles (no tone marks, đ typed as d, partial words, two typos), by article id.
// - On every archive: typo queries, judged by whether the top 3 holds an article with the
//   word meant (title or text; how many of the 3 do is reported beside).

/** The comparison key of a text: no tone marks, đ → d, lower case (bantin's fold, for judging). */
export const foldText = (s) => String(s).normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();

const REAL = [
  ['be boi sap brazil', 'news_world_108'],
  ['pho di bo ho guom', 'news_society_110'],
  ['dot tu quan game', 'news_society_002'],
  ['dao ma am italia', 'news_travel_016'],
  ['hat noi lau soi', 'news_travel_017'],
  ['song hye kyo ly hon', 'news_entertainment_019'],
  ['nhom nhac nhat ban ung thu hach', 'news_health_014'],
  ['muangthong van lam', 'news_sport_012'],
  ['nghia trang day bien', 'news_travel_014'],
  ['bao loan bau cu', 'news_world_018'],
  ['jota liverpool', 'news_sport_020'],
  ['ron lu thanh chuong', 'news_society_013'],
  ['qua dat do tien trieu', 'news_business_019'],
  ['toi uu tai nguyen he thong', 'news_tech_009'],
  ['chua khoi hiv qua doi', 'news_science_002'],
  ['dac phai vien tong thong my', 'news_world_003'],
  ['du lich singapor', 'news_society_020'],
  ['lai suat ngan hang giam', 'news_business_003'],
  ['justin biber anh cuoi', 'news_entertainment_001'],
  ['mobifon mien cuoc', 'news_tech_006'],
].map(([q, id]) => [q, `cp-vietnamese-unc:${id}`]);

/** Typos a reader makes, and the word (folded) each result should hold. */
const TYPOS = [
  ['smatphone', 'smartphone'],
  ['kiem diemm', 'kiem diem'],
];

const stripTags = (html) => String(html ?? '').replace(/<[^>]*>/g, ' ');
const textOf = (item) => foldText(`${item.title ?? ''} ${item.summary ?? ''} ${item.content_text ?? stripTags(item.content_html)}`);
const copyOf = (title) => String(title).replace(/ \(kỳ \d+\)$/, '');

/**
 * The queries for an archive: { query, kind, judge(items[]) → true when the top 3 is right }.
 * @param {{ corpus: string, feed: { items: object[] } }} archive
 * @param {[string, string, string][]} relevance the relevance suite (query, id, headline)
 */
export function queriesFor(archive, relevance) {
  const targets =
    archive.corpus === 'real'
      ? REAL.map(([query, id]) => ({ query, kind: 'article', judge: (top) => top.some((item) => item?.id === id) }))
      : relevance.map(([query, , headline]) => ({ query, kind: 'article', judge: (top) => top.some((item) => item && copyOf(item.title) === headline) }));
  const typos = TYPOS.map(([query, word]) => {
    const holds = (item) => Boolean(item) && textOf(item).includes(word);
    return { query, kind: 'typo', word, holds, judge: (top) => top.some(holds) };
  });
  return [...targets, ...typos];
}

/** The queries typed key by key (timed): spread over the list, typos and đ included. */
export function timedQueries(all, count) {
  const picked = [];
  const typos = all.filter((q) => q.kind !== 'article');
  const articles = all.filter((q) => q.kind === 'article');
  for (let i = 0; picked.length < count && i < articles.length + typos.length; i++) {
    // Every third a typo, the rest spread evenly over the article queries.
    const q = i % 3 === 2 && typos.length ? typos.shift() : articles[Math.floor((i * 7) % articles.length)];
    if (q && !picked.includes(q)) picked.push(q);
  }
  return picked;
}
