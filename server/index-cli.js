#!/usr/bin/env node
// bantin-index: a feed's whole archive as a static search index for <bantin-search index>.
//   npx bantin-index https://quan5.example.vn/feed.json --out public/search
import { parseArgs } from 'node:util';
import { MissingDriverError } from './store/store.js';
import { IndexWriteError, abandonWrites, indexFeed } from './search-index.js';

const USAGE = `Usage: bantin-index FEED --out DIR [options]

Reads FEED (a JSON Feed, RSS 2.0, RSS 1.0 or Atom file, or the http(s) URL of its first
page), follows its next pages to the end, and writes the search index of every article
into DIR (index.json and the shard files), replacing the index there at once.

  --out DIR         the index folder; publish it and point <bantin-search index="…"> at it
  --feed-url URL    the public URL of FEED when FEED is a file: relative links resolve there
  -q, --quiet       no progress on stderr and no summary; errors only
  -h, --help        this text

Exit codes: 0 built; 1 the feed could not be read (missing, unreachable, not a feed);
2 bad arguments; 3 DIR cannot be written.`;

const PROGRAM = 'bantin-index';

/**
 * @param {string} message
 * @param {number} code 2: a usage error (the usage follows)
 * @returns {never}
 */
function fail(message, code) {
  console.error(`${PROGRAM}: ${message}`);
  if (code === 2) console.error(`\n${USAGE}`);
  process.exit(code);
}

/** @param {string[]} argv */
function parse(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        'feed-url': { type: 'string' },
        quiet: { type: 'boolean', short: 'q', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    fail(/** @type {Error} */ (e).message, 2);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (positionals.length !== 1) fail(positionals.length ? `one FEED, not ${positionals.length}: ${positionals.join(' ')}` : 'which FEED? give a file or the URL of its first page', 2);
  if (!values.out) fail('--out DIR: where to write the index?', 2);
  const feedUrl = values['feed-url'] ?? null;
  if (feedUrl !== null && !/^https?:\/\/[^/]/i.test(feedUrl)) fail(`--feed-url ${feedUrl}: expected an http(s) URL`, 2);
  return { feed: positionals[0], out: values.out, feedUrl, quiet: values.quiet };
}

const options = parse(process.argv.slice(2));
// Stopped mid-write (Ctrl-C, a cron timeout): the index stays as it was, and nothing is left beside it.
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => {
    abandonWrites();
    console.error(`${PROGRAM}: stopped (${signal}); ${options.out} left as it was`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}
const log = options.quiet ? () => {} : (/** @type {string} */ line) => console.error(`${PROGRAM}: ${line}`);
const progress = options.quiet ? undefined : progressReporter(process.stderr);

try {
  const summary = await indexFeed(options.feed, options.out, { program: PROGRAM, publicUrl: options.feedUrl, log, onProgress: progress?.update });
  progress?.end();
  if (!options.quiet) {
    console.log(
      `${PROGRAM}: ${count(summary.articles, 'article')} from ${count(summary.pages, 'page')} → ${count(summary.files, 'file')} in ${options.out}, ` +
        `${size(summary.bytes)} (${size(summary.gzipBytes)} gzipped), ${summary.seconds.toFixed(1)} s`,
    );
  }
} catch (e) {
  progress?.end();
  const error = /** @type {Error} */ (e);
  if (error instanceof IndexWriteError) fail(error.message, 3);
  if (error instanceof MissingDriverError) fail(error.message, 1);
  // Anything else is a page that could not be read or is not a feed, named by the message.
  fail(error.message, 1);
}

/**
 * @param {number} n
 * @param {string} noun
 */
function count(n, noun) {
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}

/** @param {number} bytes */
function size(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

/**
 * The builder's phases on stderr: a line as each starts; on a terminal, that line counts up.
 * @param {NodeJS.WriteStream} stream
 */
function progressReporter(stream) {
  let phase = '';
  let shown = 0;
  let open = false;
  return {
    /** @type {(name: string, done: number, total: number) => void} */
    update(name, done, total) {
      const now = Date.now();
      if (name !== phase) {
        if (open) stream.write('\n');
        phase = name;
        shown = now;
        open = stream.isTTY;
        stream.write(`${PROGRAM}: ${name} ${stream.isTTY ? `${done}/${total}` : `(${total.toLocaleString('en')})\n`}`);
        return;
      }
      if (open && (now - shown > 100 || done === total)) {
        shown = now;
        stream.write(`\r${PROGRAM}: ${name} ${done}/${total}`);
      }
    },
    end() {
      if (open) stream.write('\n');
      open = false;
    },
  };
}
