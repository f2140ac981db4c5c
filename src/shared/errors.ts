/**
 * The base of bantin's errors (`FeedError`, `CounterError`): `code` says what went wrong
 * (each subclass has its own list), `url` what was asked for, `status` the HTTP status
 * when there was an answer. `message` is written for the webmaster who has to fix it
 * (English); elements show a localized text chosen by `code`.
 */
export class BantinError<Code extends string = string> extends Error {
  override name = 'BantinError';
  constructor(
    readonly code: Code,
    message: string,
    readonly url: string | null = null,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

/** An error as a console line: its name and message (`QuotaExceededError: …`), whatever was thrown. */
export function describeError(e: unknown): string {
  if (e instanceof Error || e instanceof DOMException) {
    const { name, message } = e as Error;
    return message ? `${name}: ${message}` : name || 'Error';
  }
  return String(e) || 'unknown error';
}
