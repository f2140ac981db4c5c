import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { resolveTimeZone } from '../format/time-zone.js';
import { LocaleController } from './controllers/locale-controller.js';

/**
 * What every bantin element shares: the `time-zone` attribute and the reader's
 * language (its `lang`, else the nearest ancestor's, else the document's).
 * `feed` and `max-age` live on the elements that read a feed.
 */
export class BantinElement extends LitElement {
  /** IANA zone dates are shown in. Default `Asia/Ho_Chi_Minh`, whatever the browser's zone. */
  @property({ attribute: 'time-zone', reflect: true }) timeZone: string | null = null;

  protected readonly localeController = new LocaleController(this);

  /** The resolved display zone. */
  protected get zone(): string {
    return resolveTimeZone(this.timeZone);
  }

  protected get locale() {
    return this.localeController.locale;
  }
}
