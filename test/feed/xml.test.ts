import { expect } from '@open-wc/testing';
import { parseXmlFeed } from '../../src/feed/xml.js';
import { decodeBody } from '../../src/feed/decode.js';
import { FeedError } from '../../src/feed/errors.js';
import type { ParseResult } from '../../src/feed/parse.js';
import { fixtureBytes } from '../support/feeds.js';

// Every RSS, Atom and RDF file of test/fixtures/feeds (see SOURCES.md there).
const FILES = [
  'rsparser/489.rss', 'rsparser/4fsodonline.atom', 'rsparser/DaringFireball.atom', 'rsparser/DaringFireball.rss',
  'rsparser/EMarley.rss', 'rsparser/KatieFloyd.rss', 'rsparser/OneFootTsunami.atom', 'rsparser/aktuality.rss',
  'rsparser/allthis.atom', 'rsparser/atp.rss', 'rsparser/bio.rdf', 'rsparser/cloudblog.rss', 'rsparser/dcrainmaker.xml',
  'rsparser/donthitsave.xml', 'rsparser/expertopinionent.atom', 'rsparser/kc0011.rss', 'rsparser/livemint.xml',
  'rsparser/macworld.rss', 'rsparser/manton.rss', 'rsparser/monkeydom.rss', 'rsparser/natasha.xml', 'rsparser/phpxml.rss',
  'rsparser/rubenerd.rss', 'rsparser/russcox.atom', 'rsparser/scriptingNews.rss', 'rsparser/theomnishow.rss',
  'rss-parser/content-encoded.rss', 'rss-parser/craigslist.rss', 'rss-parser/encoding.rss', 'rss-parser/feedburner.atom',
  'rss-parser/guardian.rss', 'rss-parser/heise.atom', 'rss-parser/incomplete-fields.atom', 'rss-parser/missing-fields.atom',
  'rss-parser/reddit-atom.rss', 'rss-parser/rss-1.rss', 'rss-parser/uolNoticias.rss',
];

const bytesOf = fixtureBytes;
/** Fetches a fixture the way the store does: bytes, decoded by what the file declares. */
async function parse(path: string): Promise<ParseResult> {
  return parseXmlFeed(decodeBody(await bytesOf(path)), `https://example.org/feeds/${path}`);
}
const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

describe('parseXmlFeed: every RSS, Atom and RDF file of the fixtures', () => {
  for (const path of FILES) {
    it(`${path}: one article per item, with the id, title and date the file gives it`, async () => {
      // The oracle is the raw markup, read with regular expressions, not with the parser under test.
      const raw = new TextDecoder('latin1').decode(await bytesOf(path));
      const tag = /<entry[\s>]/.test(raw) ? 'entry' : 'item';
      const blocks = raw.match(new RegExp(`<${tag}[\\s>][\\s\\S]*?</${tag}>`, 'g')) ?? [];
      const { feed, skipped } = await parse(path);
      expect(feed.items.length + skipped.length, 'items + skipped').to.equal(blocks.length);
      const kept = blocks.filter((_, i) => !skipped.some((s) => s.index === i));
      kept.forEach((block, i) => {
        const a = feed.items[i];
        expect(a.id, `item ${i} id`).to.be.a('string').and.not.equal('');
        const hasTitle = /<title[^>]*>\s*(?:<!\[CDATA\[\s*)?[^\s<\]]/.test(block);
        if (hasTitle) expect(a.title, `item ${i} title`).to.not.equal('');
        const hasDate = /<(?:pubDate|dc:date|published|updated)>\s*\S/.test(block);
        if (hasDate) expect(a.published, `item ${i} date in ${block.match(/<(?:pubDate|dc:date|published|updated)>[^<]*/)?.[0]}`).to.be.instanceOf(Date);
      });
      for (const s of skipped) expect(s.reason).to.match(/duplicate id|no title, link or content/);
    });
  }

  it('skips only what has nothing to show, and says so', async () => {
    const dupes = await parse('rsparser/scriptingNews.rss');
    expect(dupes.skipped.map((s) => s.reason)).to.deep.equal(['duplicate id', 'duplicate id']);
    const empty = await parse('rss-parser/missing-fields.atom');
    expect(empty.feed.items).to.have.length(0);
    expect(empty.skipped[0]).to.include({ index: 0, id: 'tag:github.com,2008:Repository/11167738/v3.9.0', reason: 'no title, link or content' });
  });
});

describe('parseXmlFeed: exact values against the files', () => {
  it('RSS 2.0 (the Guardian): title, link, RFC 822 date, categories, description as HTML, media:content image', async () => {
    const { feed } = await parse('rss-parser/guardian.rss');
    expect(feed.title).to.equal('The Guardian');
    expect(feed.language).to.equal('en-gb');
    const a = feed.items[0];
    expect(a.title).to.equal('Trump State of the Union address promised unity but emphasized discord');
    expect(a.url).to.equal('https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord');
    expect(a.id).to.equal(a.url);
    expect(iso(a.published)).to.equal('2018-01-31T07:26:05.000Z');
    expect(a.category).to.equal('Donald Trump');
    expect(a.tags).to.have.length(7);
    expect(a.contentHtml).to.match(/^<p>The president’s ‘new American moment’ speech/);
    expect(a.summary).to.equal(null);
    // Of the two media:content images the wider one.
    expect(a.image).to.match(/3000\.jpg\?w=460&q=55/);
  });

  it('RSS 2.0 podcast (ATP): an empty content:encoded leaves the description as the body; the enclosure is an attachment', async () => {
    const { feed } = await parse('rsparser/atp.rss');
    expect(feed.items).to.have.length(100);
    const a = feed.items[0];
    expect(a).to.include({ id: '513abd71e4b0fe58c655c105:513abd71e4b0fe58c655c111:5c5273baf950b7d24bfdcb28', title: '311: Mutually Assured Destruction', url: 'http://atp.fm/episodes/311' });
    expect(iso(a.published)).to.equal('2019-01-31T16:58:12.000Z');
    expect(a.attachments).to.deep.equal([
      { url: 'http://traffic.libsyn.com/atpfm/atp311.mp3', mimeType: 'audio/mpeg', title: null, sizeInBytes: 54919661, durationInSeconds: null },
    ]);
    expect(a.contentHtml).to.contain('<li>Follow-up:');
    expect(a.summary).to.equal(null);
  });

  it('RSS 2.0 with content:encoded (WordPress): the full text is the body, the description the plain-text summary', async () => {
    const a = (await parse('rsparser/natasha.xml')).feed.items[0];
    expect(a.title).to.equal('The Easiest Way to Get a URL for your Apple Wallet Passkit Pass');
    expect(a.category).to.equal('iPhone');
    expect(a.contentHtml).to.match(/^<p>For <a href="https:\/\/www\.tryswift\.co\/events\/2017\/nyc\/">try! Swift NYC<\/a>/);
    expect(a.summary).to.match(/^For try! Swift NYC, we are playing with the idea/);
    expect(a.summary).to.not.contain('<');
  });

  it('RSS with an image enclosure and leading blank lines, no XML declaration (Macworld)', async () => {
    const { feed } = await parse('rsparser/macworld.rss');
    const a = feed.items[0];
    expect(a.title).to.equal('Best smart lock');
    expect(a.attachments[0]).to.include({ mimeType: 'image/jpeg' });
    expect(a.image).to.equal('https://images.idgesg.net/images/article/2017/08/best-smart-locks-100730768-medium.jpg');
  });

  it('Atom 1.0 (heise, German): id, text title, alternate link, published with an offset, html content and summary', async () => {
    const { feed } = await parse('rss-parser/heise.atom');
    expect(feed.title).to.equal('heise developer neueste Meldungen');
    const a = feed.items[0];
    expect(a.id).to.equal('http://heise.de/-3088438');
    expect(a.title).to.equal('Java-Anwendungsserver: Red Hat gibt WildFly 10 frei');
    expect(a.url).to.equal('http://www.heise.de/developer/meldung/Java-Anwendungsserver-Red-Hat-gibt-WildFly-10-frei-3088438.html?wt_mc=rss.developer.beitrag.atom');
    expect(iso(a.published)).to.equal('2016-02-01T16:22:00.000Z');
    expect(iso(a.modified)).to.equal('2016-02-01T16:54:50.000Z');
    expect(a.contentHtml).to.contain('<a href="http://www.heise.de/developer/meldung/');
    expect(a.summary).to.match(/^Die nun verfügbare Version 10/);
  });

  it('Atom with an xml-stylesheet instruction (FeedBurner): category terms and rel="next" paging', async () => {
    const { feed } = await parse('rss-parser/feedburner.atom');
    expect(feed.nextUrl).to.equal('http://www.blogger.com/feeds/7815614485808579332/posts/default/-/adwords_api/-/adwords_api?start-index=26&max-results=25');
    const a = feed.items[0];
    expect(a.title).to.equal('AdWords and DFP Java client library will soon require Java 7+');
    expect(a.category).to.equal('adwords_api');
    expect(a.tags).to.deep.equal(['adwords_api', 'client_libraries', 'dfp_api']);
    expect(iso(a.published)).to.equal('2016-06-03T14:38:00.000Z');
    // rel="alternate" of type text/html, not the edit/self links before it.
    expect(a.url).to.equal('http://feedproxy.google.com/~r/blogspot/lQlzL/~3/Zjf41PDVLAc/adwords-and-dfp-java-client-library.html');
  });

  it('Atom link rel="enclosure" becomes an attachment (Blogger video)', async () => {
    const { feed } = await parse('rsparser/4fsodonline.atom');
    expect(feed.items[0].attachments).to.deep.equal([
      { url: 'http://www.blogger.com/video-play.mp4?contentId=68e5fc66bed7b704&type=video%2Fmp4', mimeType: 'video/mp4', title: null, sizeInBytes: null, durationInSeconds: null },
    ]);
  });

  it('Atom with inline XHTML content keeps the markup as HTML', async () => {
    const { feed } = await parse('rsparser/expertopinionent.atom');
    expect(feed.items[0].contentHtml).to.match(/^<div xmlns="http:\/\/www\.w3\.org\/1999\/xhtml"><a href="https:\/\/i/);
  });

  it('RSS 1.0 (RDF, bioRxiv): rdf:about, CDATA titles with whitespace, dc:date', async () => {
    const { feed } = await parse('rsparser/bio.rdf');
    expect(feed.items).to.have.length(30);
    const a = feed.items[0];
    expect(a.title).to.equal('Wheat inositol pyrophosphate kinase (TaVIH2-3B) interacts with Fasciclin-like arabinogalactan (FLA6) protein and alters the plant cell-wall composition');
    expect(a.url).to.equal('http://biorxiv.org/cgi/content/short/743294v1?rss=1');
    // A bare dc:date is that day in the portal's zone (Asia/Ho_Chi_Minh by default).
    expect(iso(a.published)).to.equal('2019-08-26T17:00:00.000Z');
  });

  it('RSS 1.0 (Science): dc:subject is the category', async () => {
    const { feed } = await parse('rss-parser/rss-1.rss');
    const a = feed.items[0];
    expect(a).to.include({ title: 'Food for fungi', category: 'Botany, Microbiology' });
    expect(iso(a.published)).to.equal('2017-06-15T17:29:47.000Z');
  });

  it('a .rss file that is Atom, and a .atom file that is RSS, are read by what they contain', async () => {
    const atom = await parse('rsparser/DaringFireball.rss');
    expect(atom.feed.title).to.equal('Daring Fireball');
    expect(atom.feed.items[0].title).to.equal('Apple Product Event: Monday March 21');
    const rss = await parse('rsparser/allthis.atom');
    expect(rss.feed.items[0].title).to.equal('Last thoughts on modifier keys');
  });

  it('a byte-order mark, and a "<?phpxml" prolog, do not stop the parser', async () => {
    expect((await parse('rsparser/donthitsave.xml')).feed.items[0].title).to.equal('Skipping Around');
    const php = await parse('rsparser/phpxml.rss');
    expect(php.feed.items[0].title).to.equal('Serdar Gözübüyük scheidsrechter bij FC Twente - FC Utrecht');
  });
});

describe('parseXmlFeed: encodings', () => {
  it('gb2312 (declared in the prolog) shows Chinese characters', async () => {
    const { feed } = await parse('rsparser/kc0011.rss');
    expect(feed.title).to.equal('投资资讯网交易在线--流通纪念币最新20篇论坛主题-全文');
    expect(feed.items[0].title).to.equal('建国35周年纪念，华表，和平鸽');
    // "2020/1/10 14:33:00": a CMS's own format, read as wall time in the portal's zone.
    expect(iso(feed.items[0].published)).to.equal('2020-01-10T07:33:00.000Z');
  });

  it('ISO-8859-1 declared in the prolog shows its accents', async () => {
    const { feed } = await parse('rss-parser/encoding.rss');
    expect(feed.title).to.equal('Jornal de Notícias - Últimas Notícias');
    expect(feed.items[0].title).to.equal('Mãe de utente é a nova presidente da Raríssimas');
  });

  it('ISO-8859-1 bytes with no declaration at all fall back to Latin-1, not mojibake', async () => {
    const { feed } = await parse('rss-parser/uolNoticias.rss');
    const a = feed.items[0];
    expect(a.title).to.equal('Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno');
    expect(feed.items.map((i) => i.title).join(' ')).to.not.match(/\uFFFD|Ã/);
    // Portuguese day and month names: "Seg, 24 Set 2018 19:42:40 -0300".
    expect(iso(a.published)).to.equal('2018-09-24T22:42:40.000Z');
  });
});

describe('parseXmlFeed: broken and hostile documents', () => {
  const rss = (items: string, channel = '') =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Quận 5</title>${channel}${items}</channel></rss>`;
  const URL_ = 'https://quan5.example.vn/rss.xml';

  it('repairs HTML entities and bare ampersands, which strict XML rejects', () => {
    const { feed } = parseXmlFeed(rss('<item><guid>1</guid><title>Hỏi &amp; đáp&nbsp;về Q&A &hellip;</title><description>&copy; 2017</description></item>'), URL_);
    expect(feed.items[0].title).to.equal('Hỏi & đáp về Q&A …');
    expect(feed.items[0].contentHtml).to.equal('© 2017');
  });

  it('XML that cannot be repaired is FeedError("not-xml") with the line and column', () => {
    let error: unknown;
    try {
      parseXmlFeed('<rss><channel><item><title>cut short', URL_);
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(FeedError);
    expect((error as FeedError).code).to.equal('not-xml');
    expect((error as FeedError).message).to.match(/line \d+ at column \d+/);
  });

  it('XML that is not RSS or Atom, or an HTML page, is FeedError("not-a-feed") saying what it is', () => {
    const cases = [
      ['<html><body><p>404</p></body></html>', 'an HTML page'],
      ['<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"></head><body><p>Không tìm thấy trang<br></body></html>', 'an HTML page'],
      ['<?xml version="1.0"?><sitemap/>', 'its root element is <sitemap>'],
    ];
    for (const [doc, root] of cases) {
      let error: unknown;
      try {
        parseXmlFeed(doc, URL_);
      } catch (e) {
        error = e;
      }
      expect((error as FeedError).code).to.equal('not-a-feed');
      expect((error as FeedError).message).to.contain(root);
    }
  });

  it('hostile markup stays text for the sanitizer; javascript: links are dropped; nothing runs while parsing', async () => {
    (window as unknown as { pwned?: number }).pwned = 0;
    const { feed } = parseXmlFeed(
      rss(`<item><guid>x</guid><title><![CDATA[<img src=x onerror="pwned++">Tin]]></title>
        <link>javascript:pwned++</link>
        <description><![CDATA[<script>pwned++</script><img src=x onerror="pwned++"><p>Nội dung</p>]]></description>
        <enclosure url="javascript:pwned++" type="image/png"/></item>`),
      URL_,
    );
    await new Promise((r) => setTimeout(r, 50));
    expect((window as unknown as { pwned: number }).pwned).to.equal(0);
    const a = feed.items[0];
    expect(a.title).to.equal('Tin');
    expect(a.url).to.equal(null);
    expect(a.attachments).to.deep.equal([]);
    expect(a.contentHtml).to.contain('<script>'); // raw: the article element sanitizes on render
  });

  it('an item with neither guid nor link gets a stable id from its content', () => {
    const doc = rss('<item><title>Không có guid</title><description>Nội dung</description><pubDate>Mon, 27 Feb 2017 13:35:00 +0700</pubDate></item>');
    const first = parseXmlFeed(doc, URL_).feed.items[0];
    expect(first.id).to.match(/^h:/);
    expect(parseXmlFeed(doc, URL_).feed.items[0].id).to.equal(first.id);
    expect(iso(first.published)).to.equal('2017-02-27T06:35:00.000Z');
  });

  it('relative links resolve against xml:base, then the feed URL; orderOffset places later pages after', () => {
    const doc = `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://quan5.example.vn/tin/">
      <link rel="next" href="?page=2"/>
      <entry><id>a</id><title>A</title><link href="bai-a.html"/><updated>2017-02-27T13:35:00+07:00</updated></entry>
      <entry xml:base="/khac/"><id>b</id><title type="html">&lt;b&gt;B&lt;/b&gt; &amp;amp; C</title><link rel="alternate" href="bai-b.html"/></entry>
    </feed>`;
    const { feed } = parseXmlFeed(doc, 'https://other.example/feed.atom', { orderOffset: 30 });
    expect(feed.nextUrl).to.equal('https://quan5.example.vn/tin/?page=2');
    expect(feed.items.map((a) => a.url)).to.deep.equal(['https://quan5.example.vn/tin/bai-a.html', 'https://quan5.example.vn/khac/bai-b.html']);
    expect(feed.items[1].title).to.equal('B & C');
    expect(feed.items.map((a) => a.order)).to.deep.equal([30, 31]);
    // Only `updated`: it stands in for the publication date.
    expect(iso(feed.items[0].published)).to.equal('2017-02-27T06:35:00.000Z');
  });
});
