// buildArchive (dist/search/archive/build.js) in Node, as the bantin-index command runs it:
// the manifest and every file, read back with the reader's own decoders.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { parseFeedText } from '../../dist/feed/index.js';
import { buildArchive } from '../../dist/search/archive/build.js';
import {
  BODY_HEAD,
  filePath,
  KIND_DISPLAY,
  KIND_POSTINGS,
  KIND_REST,
  KIND_VOCABULARY,
  parseManifest,
  rangeOf,
  readDisplayFile,
  readPostingFile,
  readRestFile,
  readVocabularyFile,
} from '../../dist/search/archive/format.js';
import { bodyText } from '../../dist/shared/text.js';
import { fold } from '../../dist/search/fold.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/feeds/vi-news-danes.feed.json', import.meta.url));
const FEED_URL = 'https://tin.example.vn/feed.json';

const feedOf = (text) => parseFeedText(text, FEED_URL).feed;

describe('buildArchive on 2,031 real headlines', () => {
  let articles;
  let built;
  let byPath;
  before(async () => {
    articles = feedOf(readFileSync(FIXTURE, 'utf8')).items;
    const phases = new Set();
    built = await buildArchive(articles, { feedUrl: FEED_URL, onProgress: (phase) => phases.add(phase) });
    built.phases = phases;
    byPath = new Map(built.files.map((f) => [f.path, f.data]));
  });

  it('writes index.json: format 2, the article count, the feed, the shard maps', () => {
    const json = JSON.parse(new TextDecoder().decode(byPath.get('index.json')));
    assert.deepEqual(json, built.manifest);
    const m = parseManifest(json);
    assert.equal(m.format, 2);
    assert.equal(m.articles, 2031);
    // Headlines and leads: no body longer than a display file holds.
    assert.deepEqual(m.rests, { files: 0, bytes: 0 });
    assert.equal(m.feed, FEED_URL);
    assert.match(m.version, /^[0-9a-z-]+$/);
    assert.ok(m.postings.first.length > 1, 'more than one posting file');
    assert.equal(m.postings.first[0] < m.postings.first[1], true);
    assert.equal(m.display.files, Math.ceil(2031 / m.display.per));
    assert.equal(m.bytes, built.files.filter((f) => f.path !== 'index.json').reduce((s, f) => s + f.data.length, 0));
    assert.deepEqual([...built.phases].sort(), ['compress', 'postings', 'words']);
  });

  it('writes every file the manifest names, gzipped, and nothing else', () => {
    const m = built.manifest;
    const expected = [
      ...m.postings.first.map((_, i) => filePath(KIND_POSTINGS, i)),
      ...m.vocabulary.first.map((_, i) => filePath(KIND_VOCABULARY, i)),
      ...Array.from({ length: m.display.files }, (_, i) => filePath(KIND_DISPLAY, i)),
      'index.json',
    ];
    assert.deepEqual([...byPath.keys()].sort(), expected.sort());
    for (const [path, data] of byPath) {
      if (path === 'index.json') continue;
      assert.deepEqual([data[0], data[1]], [0x1f, 0x8b], `${path} is gzipped`);
      assert.match(path, /^[pvd]\/\d+\.bsi$/);
    }
    m.postings.bytes.forEach((b, i) => assert.equal(b, byPath.get(filePath(KIND_POSTINGS, i)).length));
  });

  it('posting files hold every word in its range, in order, with the articles it occurs in', async () => {
    const m = built.manifest;
    const all = [];
    for (let i = 0; i < m.postings.first.length; i++) {
      const shard = await readPostingFile(byPath.get(filePath(KIND_POSTINGS, i)), m.version, m.articles);
      assert.equal(shard.terms[0], m.postings.first[i]);
      for (const t of shard.terms) assert.equal(rangeOf(m.postings, t), i);
      shard.terms.forEach((term, t) => all.push([term, shard.docs.slice(shard.offsets[t], shard.offsets[t + 1]), shard.fields.slice(shard.offsets[t], shard.offsets[t + 1])]));
    }
    assert.equal(all.length, m.terms);
    const words = new Map(all.map(([term, docs, fields]) => [term, { docs: [...docs], fields: [...fields] }]));
    // «smartphone» occurs in the titles it occurs in, by article number.
    const titled = articles.flatMap((a, d) => (fold(a.title).split(/[^a-z0-9]+/).includes('smartphone') ? [d] : []));
    assert.ok(titled.length > 0);
    const smartphone = words.get('smartphone');
    for (const d of titled) {
      const p = smartphone.docs.indexOf(d);
      assert.ok(p >= 0, `article ${d} is in the postings of smartphone`);
      assert.equal(smartphone.fields[p] & 1, 1, 'with the title bit');
    }
    assert.ok(words.has('kiem') && words.has('diem'), 'kiểm điểm folded');
    assert.ok(!words.has('kiểm'));
  });

  it('vocabulary files list the same words', async () => {
    const m = built.manifest;
    const terms = [];
    for (let i = 0; i < m.vocabulary.first.length; i++) terms.push(...(await readVocabularyFile(byPath.get(filePath(KIND_VOCABULARY, i)), m.version)));
    assert.equal(terms.length, m.terms);
    assert.ok(terms.includes('smartphone'));
  });

  it('display files give every article in feed order: id, url, title, date, plain body', async () => {
    const m = built.manifest;
    const records = [];
    for (let i = 0; i < m.display.files; i++) records.push(...(await readDisplayFile(byPath.get(filePath(KIND_DISPLAY, i)), m.version)));
    assert.deepEqual(
      records.map((r) => r.id),
      articles.map((a) => a.id),
    );
    const first = records[0];
    assert.equal(first.title, articles[0].title);
    assert.equal(first.url, articles[0].url);
    assert.equal(first.published, articles[0].published.toISOString());
    // This feed repeats the lead as content_text: stored once.
    assert.equal(first.summaryIsBody, true);
    assert.equal(first.body, undefined);
  });

  it('records the newest date and the first ids, for telling newer articles apart', () => {
    const { recent } = built.manifest;
    const newest = Math.max(...articles.filter((a) => a.published).map((a) => a.published.getTime()));
    assert.equal(recent.newest, new Date(newest).toISOString());
    assert.deepEqual(recent.ids.slice(0, 64), articles.slice(0, 64).map((a) => a.id));
  });

  it('a file read with another version is refused (a rebuild between manifest and file)', async () => {
    await assert.rejects(readPostingFile(byPath.get(filePath(KIND_POSTINGS, 0)), 'other', built.manifest.articles), /version/);
    await assert.rejects(readPostingFile(new Uint8Array([0x1f, 0x8b, 1, 2, 3]), built.manifest.version, 10), /gunzip/);
    await assert.rejects(readDisplayFile(byPath.get(filePath(KIND_POSTINGS, 0)), built.manifest.version), /another kind/);
    assert.throws(() => parseManifest({ ...built.manifest, format: 1 }), /format 1/);
  });
});

describe('buildArchive on long articles: the head of each body in its display file, the rest apart', () => {
  let articles;
  let built;
  let byPath;
  before(async () => {
    // Real leads strung together: bodies of a few thousand characters, and one short one.
    const leads = feedOf(readFileSync(FIXTURE, 'utf8')).items.map((a) => a.summary);
    const items = Array.from({ length: 12 }, (_, i) => ({
      id: String(100 + i),
      title: `Bài ${i}`,
      content_html: i === 5 ? `<p>${leads[0]}</p>` : leads.slice(i * 20, i * 20 + 20).map((l) => `<p>${l}</p>`).join(''),
    }));
    articles = feedOf(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Quận 5', items })).items;
    built = await buildArchive(articles);
    byPath = new Map(built.files.map((f) => [f.path, f.data]));
  });

  it('cuts a long body before a word: head and rest make the body, and the manifest counts the rest files', async () => {
    const m = built.manifest;
    const records = [];
    const rests = [];
    for (let i = 0; i < m.display.files; i++) {
      const mine = await readDisplayFile(byPath.get(filePath(KIND_DISPLAY, i)), m.version);
      records.push(...mine);
      const rest = byPath.get(filePath(KIND_REST, i));
      rests.push(...(rest ? await readRestFile(rest, m.version) : mine.map(() => null)));
    }
    assert.equal(records.length, 12);
    records.forEach((r, d) => {
      const body = bodyText(articles[d]);
      if (d === 5) {
        assert.equal(r.more, undefined, 'a short body is whole');
        assert.equal(r.body, body);
        assert.equal(rests[d], null);
        return;
      }
      assert.ok(body.length > BODY_HEAD);
      assert.equal(r.more, true);
      assert.ok(r.body.length <= BODY_HEAD && r.body.length >= BODY_HEAD / 2, `head of ${r.body.length} characters`);
      assert.equal(r.body + rests[d], body);
      assert.match(rests[d], /^ /, 'cut at a space: no word split');
    });
    const restFiles = built.files.filter((f) => f.path.startsWith('r/'));
    assert.equal(m.rests.files, restFiles.length);
    assert.equal(m.rests.bytes, restFiles.reduce((s, f) => s + f.data.length, 0));
    await assert.rejects(readRestFile(byPath.get(filePath(KIND_DISPLAY, 0)), m.version), /another kind/);
  });
});

describe('buildArchive with a compressor of its own (zlib, as bantin-index passes it)', () => {
  let articles;
  let streamed;
  let zlibbed;
  let calls = 0;
  before(async () => {
    articles = feedOf(readFileSync(FIXTURE, 'utf8')).items.slice(0, 400);
    streamed = await buildArchive(articles, { feedUrl: FEED_URL });
    zlibbed = await buildArchive(articles, {
      feedUrl: FEED_URL,
      gzip: (bytes) => {
        calls++;
        return gzipSync(bytes, { level: 6 });
      },
    });
  });

  it('compresses every file with it, and the same content gives the same version', () => {
    assert.equal(calls, zlibbed.files.length - 1);
    assert.equal(zlibbed.manifest.version, streamed.manifest.version);
    assert.deepEqual(
      zlibbed.files.map((f) => f.path),
      streamed.files.map((f) => f.path),
    );
  });

  it('writes files the reader reads back, the same as those CompressionStream gzips', async () => {
    const m = parseManifest(JSON.parse(new TextDecoder().decode(zlibbed.files.find((f) => f.path === 'index.json').data)));
    const other = new Map(streamed.files.map((f) => [f.path, f.data]));
    for (const { path, data } of zlibbed.files) {
      if (path === 'index.json') continue;
      assert.deepEqual([data[0], data[1]], [0x1f, 0x8b], `${path} is gzipped`);
      assert.deepEqual(gunzipSync(data), gunzipSync(other.get(path)), `${path}: the same bytes once gunzipped`);
    }
    const shard = await readPostingFile(zlibbed.files.find((f) => f.path === filePath(KIND_POSTINGS, 0)).data, m.version, m.articles);
    assert.equal(shard.terms[0], m.postings.first[0]);
    const terms = await readVocabularyFile(zlibbed.files.find((f) => f.path === filePath(KIND_VOCABULARY, 0)).data, m.version);
    assert.equal(terms[0], m.vocabulary.first[0]);
    const records = await readDisplayFile(zlibbed.files.find((f) => f.path === filePath(KIND_DISPLAY, 0)).data, m.version);
    assert.equal(records[0].id, articles[0].id);
  });

  it('may be async', async () => {
    const { files, manifest } = await buildArchive(articles.slice(0, 5), { gzip: async (bytes) => gzipSync(bytes) });
    const records = await readDisplayFile(files.find((f) => f.path === filePath(KIND_DISPLAY, 0)).data, manifest.version);
    assert.equal(records[0].id, articles[0].id);
  });
});

describe('buildArchive versions', () => {
  const feed = (items) =>
    feedOf(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Quận 5',
        items: items.map(([id, title, body]) => ({ id, title, content_html: body, date_published: '2026-01-0' + id + 'T08:00:00+07:00' })),
      }),
    ).items;

  it('is the same for the same articles and changes when one changes', async () => {
    const a = await buildArchive(feed([['2', 'Đường hoa', '<p>Khai mạc</p>'], ['1', 'Kiểm điểm', '<p>Họp</p>']]));
    const b = await buildArchive(feed([['2', 'Đường hoa', '<p>Khai mạc</p>'], ['1', 'Kiểm điểm', '<p>Họp</p>']]));
    const c = await buildArchive(feed([['2', 'Đường hoa', '<p>Khai mạc lễ</p>'], ['1', 'Kiểm điểm', '<p>Họp</p>']]));
    assert.equal(a.manifest.version, b.manifest.version);
    assert.deepEqual(a.files, b.files);
    assert.notEqual(a.manifest.version, c.manifest.version);
    assert.equal(a.manifest.recent.newest, '2026-01-02T01:00:00.000Z');
  });

  it('an empty feed gives a manifest and no other file', async () => {
    const { files, manifest } = await buildArchive([]);
    assert.deepEqual(
      files.map((f) => f.path),
      ['index.json'],
    );
    assert.equal(manifest.articles, 0);
    assert.equal(manifest.recent.newest, null);
    parseManifest(manifest);
  });
});
