import { hashText } from '../shared/hash.js';
import { FeedError } from './errors.js';
import { LooseDatesNotLoaded, parseFeedText, type ParseOptions, type ParseResult } from './parse.js';

export type FeedFormat = 'json' | 'xml' | 'unknown';

const JSON_TYPE = /^\s*(?:application|text)\/(?:[\w.+-]*\+)?json\b/i;
const XML_TYPE = /^\s*(?:application|text)\/(?:[\w.+-]*\+)?xml\b/i;

/**
 * Which parser a body needs: the Content-Type first, then the document itself
 * (a leading `{` or `[`, or `<`). The body wins when the two disagree, because
 * servers label feeds `text/html` or `application/octet-stream` all the time.
 */
export function detectFormat(text: string, contentType: string | null = null): FeedFormat {
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  const looksJson = first === '{' || first === '[';
  if (contentType && JSON_TYPE.test(contentType) && first !== '<') return 'json';
  if (contentType && XML_TYPE.test(contentType) && !looksJson) return 'xml';
  if (looksJson) return 'json';
  if (first === '<') return 'xml';
  // Empty, or text that is neither: the JSON parser gives the clearest error for a JSON URL.
  return contentType && JSON_TYPE.test(contentType) ? 'json' : 'unknown';
}

/**
 * Parses any feed body: JSON Feed, RSS 2.0, RSS 1.0 or Atom, into the same
 * model. The XML reader is fetched only when a page meets XML, so pages on a
 * JSON Feed do not download it.
 */
export async function readFeed(text: string, feedUrl: string, options: ParseOptions = {}): Promise<ParseResult> {
  const format = detectFormat(text, options.contentType ?? null);
  if (format === 'json') {
    try {
      return parseFeedText(text, feedUrl, options);
    } catch (e) {
      if (!(e instanceof LooseDatesNotLoaded)) throw e;
    }
    // A JSON Feed with RSS dates: the RSS date reader comes, and the feed is read again.
    await import('./rfc822.js');
    return parseFeedText(text, feedUrl, options);
  }
  if (format === 'xml') return (await import('./xml.js')).parseXmlFeed(text, feedUrl, options);
  const start = text.trimStart().slice(0, 40);
  throw new FeedError(
    'not-a-feed',
    `${feedUrl} is ${start ? `neither JSON nor XML (it starts with ${JSON.stringify(start)})` : 'empty'}. Point the feed attribute at a JSON Feed, RSS or Atom file.`,
    feedUrl,
  );
}

export type BodyRead =
  | { unchanged: true; hash: string }
  | { unchanged: false; hash: string | null; result: ParseResult };

export interface BodyReadOptions {
  /** Hash the text: the server sent no ETag or Last-Modified. */
  hash: boolean;
  knownHash?: string | null;
}

/** The main-thread reading of decoded text (the worker hands XML back here too). */
export async function readText(
  text: string,
  url: string,
  options: ParseOptions,
  read: BodyReadOptions,
  known = read.hash ? hashText(text) : null,
): Promise<BodyRead> {
  if (known && known === read.knownHash) return { unchanged: true, hash: known };
  return { unchanged: false, hash: known, result: await readFeed(text, url, options) };
}
