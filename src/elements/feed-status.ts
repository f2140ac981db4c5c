import { html, nothing } from 'lit';
import type { FeedError } from '../feed/errors.js';
import type { Lang } from '../format/lang.js';
import { errorLabel, label } from '../format/labels.js';

/**
 * The error box every feed-reading element shows: the localized cause, the
 * webmaster-facing detail (the FeedError message) and a retry button.
 */
export function renderFeedError(lang: Lang, error: FeedError, onRetry?: () => void) {
  return html`<div class="error" part="error" role="alert">
    <p>${errorLabel(lang, error.code, error.status)}</p>
    <p class="stale"><small>${error.message}</small></p>
    ${onRetry && error.code !== 'no-feed'
      ? html`<button type="button" part="retry" @click=${onRetry}>${label(lang, 'retry')}</button>`
      : nothing}
  </div>`;
}

/** The quiet note on content that the network could not confirm. */
export function renderStaleNote(lang: Lang, stale: boolean) {
  return stale ? html`<p class="stale" part="stale" role="status">${label(lang, 'stale')}</p>` : nothing;
}
