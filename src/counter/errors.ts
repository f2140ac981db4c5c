import { BantinError } from '../shared/errors.js';

export type CounterErrorCode =
  /** The key is not 1–200 characters of letters, digits and `:_-./` (no request is made). */
  | 'bad-key'
  /** The request did not complete: offline, DNS, CORS refused, connection reset. */
  | 'network'
  /** No answer within the time limit (5 s). */
  | 'timeout'
  /** The service answered with a non-2xx status (`status`). */
  | 'http'
  /** The answer was not `{"key": …, "count": <whole number ≥ 0>}`. */
  | 'bad-response';

/**
 * Every way asking the counter service can fail. `message` is for the
 * webmaster (English); an element shows the last known count instead.
 */
export class CounterError extends BantinError<CounterErrorCode> {
  override name = 'CounterError';
}
