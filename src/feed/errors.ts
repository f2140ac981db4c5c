import { BantinError } from '../shared/errors.js';

export type FeedErrorCode =
  /** No feed URL: neither a `feed` attribute nor `<meta name="bantin:feed">`. */
  | 'no-feed'
  /** The request did not complete: offline, DNS, CORS, connection refused. */
  | 'network'
  /** No answer within the time limit. */
  | 'timeout'
  /** The server answered with a non-2xx status. */
  | 'http'
  /** The body is not JSON, or is cut short. */
  | 'not-json'
  /** XML (RSS or Atom by its look) that is not well-formed, even after the usual repairs. */
  | 'not-xml'
  /** Not a feed: JSON that is not a JSON Feed, XML that is not RSS/Atom, or neither JSON nor XML. */
  | 'not-a-feed';

/**
 * Every way loading a feed can fail. `message` is written for the webmaster
 * who has to fix it (English; elements show a localized text chosen by `code`).
 */
export class FeedError extends BantinError<FeedErrorCode> {
  override name = 'FeedError';
}

/** Also true for a FeedError from a second copy of bantin on the page. */
export const isFeedError = (e: unknown): e is FeedError =>
  e instanceof FeedError || (e instanceof Error && e.name === "FeedError" && typeof (e as FeedError).code === "string");
