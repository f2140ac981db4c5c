#!/usr/bin/env node
// The package as users get it: `npm pack` (or BANTIN_TARBALL), check what is inside, install the
// tarball into a fresh project, then resolve every export with Node, use the
// data layer in Node, and type-check a developer's TypeScript against it.
// Needs `npm run build` first. No network: the dependencies (lit & co.) come from
// npm's cache, which `npm ci` of this project filled.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pack } from './lib/pack.mjs';
import { checker, sh } from './lib/checks.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The files in a tarball, as npm's listing names them. */
const listing = (tarball) => sh('tar', ['-tzf', tarball], root).trim().split('\n').map((f) => f.replace(/^package\//, ''));
const work = mkdtempSync(join(tmpdir(), 'bantin-pack-'));
const checks = checker();
const { check } = checks;

try {
  const packed = process.env.BANTIN_TARBALL ? { tarball: process.env.BANTIN_TARBALL, files: listing(process.env.BANTIN_TARBALL) } : pack(work);
  const { files } = packed;
  const allowed = /^(dist\/|server\/|custom-elements\.json$|README\.md$|CHANGELOG\.md$|LICENSE$|package\.json$)/;
  check(files.every((f) => allowed.test(f)), `the package holds only dist/, server/, custom-elements.json, README, CHANGELOG, LICENSE (extra: ${files.filter((f) => !allowed.test(f)).join(', ') || 'none'})`);
  for (const must of ['dist/bantin.min.js', 'dist/bantin.esm.js', 'dist/index.js', 'dist/index.d.ts', 'dist/entries/article.js', 'dist/search/search-worker.js', 'dist/search/archive/build.js', 'custom-elements.json', 'server/cli.js', 'server/index-cli.js', 'README.md', 'CHANGELOG.md', 'LICENSE']) {
    check(files.includes(must), `the package has ${must}`);
  }
  check(!files.some((f) => f.startsWith('dist/demo/') || f.includes('.test.')), 'no demo build, no tests');
  console.log(`# ${packed.tarball}: ${files.length} files, ${(statSync(packed.tarball).size / 1024).toFixed(1)} KB packed`);
  const npmModules = files.filter((f) => f.endsWith('.js') && !/^dist\/(cdn|esm|assets)\/|^dist\/bantin\.|^server\//.test(f));
  const helpers = npmModules.filter((f) => /__vitePreload|preload-helper/.test(sh('tar', ['-xzOf', packed.tarball, `package/${f}`], work)));
  check(helpers.length === 0, `the npm modules are plain ES modules, no bundler's helper in them (${helpers.join(', ') || 'none'})`);

  const app = join(work, 'app');
  sh('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'portal', private: true, type: 'module' }));
  sh('npm', ['install', '--no-audit', '--no-fund', '--offline', '--ignore-scripts', packed.tarball], app);

  // Node resolution of every export, and the data layer running in Node.
  const node = `
    const subpaths = ['bantin', 'bantin/article', 'bantin/news-list', 'bantin/counter', 'bantin/date-picker', 'bantin/search',
      'bantin/feed', 'bantin/format', 'bantin/search-engine', 'bantin/search-worker', 'bantin/bantin.min.js', 'bantin/bantin.esm.js', 'bantin/custom-elements.json'];
    const { existsSync } = await import('node:fs');
    const { fileURLToPath } = await import('node:url');
    for (const s of subpaths) if (!existsSync(fileURLToPath(import.meta.resolve(s)))) throw new Error('missing ' + s);
    const { parseFeed, readFeed } = await import('bantin/feed');
    const read = await readFeed('{"version":"1.1","items":[{"id":1,"content_text":"x"}]}', 'https://quan5.example.vn/feed.json');
    if (read.feed.items[0].id !== '1') throw new Error('readFeed');
    const xmlError = await readFeed('<rss/>', 'https://quan5.example.vn/rss.xml').catch((e) => e);
    if (!/DOMParser/.test(xmlError.message)) throw new Error('readFeed of XML in Node: ' + xmlError);
    const { formatDate, resolveLocale } = await import('bantin/format');
    const { feed } = parseFeed({ version: 'https://jsonfeed.org/version/1.1', items: [
      { id: 5142, content_text: 'x', date_published: '2017-02-27T13:35:00+07:00' } ] }, 'https://quan5.example.vn/feed.json');
    console.log(formatDate(feed.items[0].published, 'portal', { locale: resolveLocale('vi') }));`;
  let printed = '';
  try {
    printed = sh(process.execPath, ['--input-type=module', '-e', node], app).trim();
  } catch {
    // the error is on stderr already
  }
  check(printed === '27 Tháng Hai 2017 1:35:00 CH', `every export resolves in Node, bantin/feed + bantin/format run there, XML asks for a DOMParser (${printed})`);

  // A developer's TypeScript against the published types.
  writeFileSync(
    join(app, 'main.ts'),
    `import 'bantin';
import { BantinArticle } from 'bantin/article';
import type { BantinNewsList } from 'bantin/news-list';
import { FeedStore, readFeed, type Feed, type FeedError } from 'bantin/feed';
import { formatDate } from 'bantin/format';

const article: BantinArticle = document.createElement('bantin-article');
article.articleId = '5142';
article.addEventListener('bantin-load', (e) => {
  const feed: Feed = e.detail.feed;
  console.log(feed.items.length, formatDate(feed.items[0].published!, 'date', { locale: { lang: 'vi', tag: 'vi-VN' } }));
});
article.addEventListener('bantin-error', (e) => console.log((e.detail.error as FeedError).code));
const list = document.querySelector('bantin-news-list') as BantinNewsList | null;
if (list) list.limit = 5;
class PortalArticle extends BantinArticle {}
customElements.define('portal-article', PortalArticle);
FeedStore.for('/feed.json').subscribe((s) => s.status);
void readFeed('<rss/>', '/rss.xml', { contentType: 'application/rss+xml' }).then(({ feed }) => feed.items.length);
// @ts-expect-error: not an attribute of the article
article.notAProperty = 1;
`,
  );
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2023', 'DOM', 'DOM.Iterable'], strict: true, noEmit: true, skipLibCheck: false, types: [] },
      files: ['main.ts'],
    }),
  );
  let typesOk = true;
  try {
    sh(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], app);
  } catch (e) {
    typesOk = false;
    console.log(e.stdout);
  }
  check(typesOk, 'a TypeScript project type-checks against the package (tag-name map, typed events, subclassing)');

  const help = sh(process.execPath, [join(app, 'node_modules/.bin/bantin-server'), '--help'], app);
  check(/--feeds/.test(help), 'the bantin-server command is installed');

  // bantin-index as installed: no build step; a JSON Feed needs nothing more, RSS asks for @xmldom/xmldom.
  writeFileSync(join(app, 'feed.json'), JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Quận 5', items: [{ id: '1', title: 'Họp kiểm điểm', content_text: 'Họp kiểm điểm cuối năm.' }] }));
  writeFileSync(join(app, 'feed.rss'), '<rss version="2.0"><channel><title>Q5</title><item><title>Tin</title><link>https://q5.example.vn/1</link></item></channel></rss>');
  const indexCli = join(app, 'node_modules/.bin/bantin-index');
  let built = '';
  try {
    built = sh(process.execPath, [indexCli, 'feed.json', '--out', 'search'], app);
  } catch {
    // the error is on stderr already
  }
  check(/: 1 article from 1 page → /.test(built) && existsSync(join(app, 'search/index.json')), 'the bantin-index command is installed and indexes a JSON Feed');
  const rss = spawnSync(process.execPath, [indexCli, 'feed.rss', '--out', 'search-rss'], { cwd: app, encoding: 'utf8' });
  check(rss.status === 1 && /npm install @xmldom\/xmldom/.test(rss.stderr), 'bantin-index on RSS without @xmldom/xmldom says what to install (exit 1)');
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(checks.failed ? `# ${checks.failed} check(s) failed` : '# package smoke test passed');
process.exit(checks.failed ? 1 : 0);
