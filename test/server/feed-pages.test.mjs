// The feed pages the Node commands read (server/feed-pages.js): RSS, RDF and Atom
// through @xmldom/xmldom standing in for the browser's DOMParser, checked against
// every XML fixture the browser tests read; the oracle is the raw markup.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { feedPages } from '../../server/feed-pages.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/feeds/', import.meta.url));
// Every RSS, Atom and RDF file of the fixtures, as test/feed/xml.test.ts reads them in the browser.
const FILES = ['rsparser', 'rss-parser'].flatMap((dir) =>
  readdirSync(FIXTURES + dir)
    .filter((name) => /\.(?:rss|atom|xml|rdf)$/.test(name))
    .map((name) => `${dir}/${name}`),
);

/** The first page of a file, read as bantin-index reads it (two link to a next page on the web: not followed). */
async function read(path) {
  for await (const page of feedPages(FIXTURES + path, { program: 'test' })) return page;
  throw new Error('no page');
}

describe('feedPages: RSS, RDF and Atom in Node', () => {
  for (const path of FILES) {
    it(`${path}: one article per item, with the id, title and date the file gives it`, async () => {
      const raw = new TextDecoder('latin1').decode(await readFile(FIXTURES + path));
      const tag = /<entry[\s>]/.test(raw) ? 'entry' : 'item';
      const blocks = raw.match(new RegExp(`<${tag}[\\s>][\\s\\S]*?</${tag}>`, 'g')) ?? [];
      const { feed, skipped } = await read(path);
      assert.equal(feed.items.length + skipped.length, blocks.length, 'items + skipped');
      const kept = blocks.filter((_, i) => !skipped.some((s) => s.index === i));
      kept.forEach((block, i) => {
        const a = feed.items[i];
        assert.ok(typeof a.id === 'string' && a.id !== '', `item ${i} id`);
        if (/<title[^>]*>\s*(?:<!\[CDATA\[\s*)?[^\s<\]]/.test(block)) assert.notEqual(a.title, '', `item ${i} title`);
        if (/<(?:pubDate|dc:date|published|updated)>\s*\S/.test(block)) assert.ok(a.published instanceof Date, `item ${i} date`);
      });
    });
  }

  it('exact values: RDF dates, Atom inline XHTML kept as markup, encodings from the prolog', async () => {
    const bio = (await read('rsparser/bio.rdf')).feed;
    assert.equal(bio.items.length, 30);
    assert.equal(bio.items[0].url, 'http://biorxiv.org/cgi/content/short/743294v1?rss=1');
    assert.equal(bio.items[0].published?.toISOString(), '2019-08-26T17:00:00.000Z');
    const xhtml = (await read('rsparser/expertopinionent.atom')).feed;
    assert.match(xhtml.items[0].contentHtml ?? '', /^<div xmlns="http:\/\/www\.w3\.org\/1999\/xhtml"><a href="https:\/\/i/);
    assert.equal((await read('rsparser/kc0011.rss')).feed.items[0].title, '建国35周年纪念，华表，和平鸽');
    assert.equal((await read('rss-parser/encoding.rss')).feed.title, 'Jornal de Notícias - Últimas Notícias');
    assert.equal((await read('rsparser/phpxml.rss')).feed.items[0].title, 'Serdar Gözübüyük scheidsrechter bij FC Twente - FC Utrecht');
  });
});
