import { LitElement, type PropertyDeclarations } from 'lit';
import type { Lang } from '../format/lang.js';
import { englishReady } from '../format/labels.js';
import { resolveTimeZone } from '../shared/time-zone.js';
import { LocaleController } from './controllers/locale-controller.js';
import { noteRenamedProperties } from './renamed-properties.js';

/**
 * What every bantin element shares: the feed it reads (`feed`, `max-age`), the
 * `time-zone` attribute and the reader's language (its `lang`, else the nearest
 * ancestor's, else the document's). The language is the standard `lang`
 * attribute: `vi` (default) or `en`.
 *
 * @cssprop --bantin-font - font family (default: inherited from the page)
 * @cssprop --bantin-font-size - base font size (default `1rem`)
 * @cssprop --bantin-line-height - line height (default `1.5`)
 * @cssprop --bantin-color - text color (default: inherited)
 * @cssprop --bantin-accent - links, highlights, buttons (default `#0b5cad`)
 * @cssprop --bantin-link-color - links (default: the accent)
 * @cssprop --bantin-muted-color - dates, notes (default `#5b6472`)
 * @cssprop --bantin-border-color - borders and separators (default `#d5dbe3`)
 * @cssprop --bantin-surface - panel backgrounds (default transparent)
 * @cssprop --bantin-radius - corner radius (default `4px`)
 * @cssprop --bantin-gap - spacing (default `0.75rem`)
 * @cssprop --bantin-error-color - errors (default `#a4000f`)
 * @cssprop --bantin-focus-ring - keyboard focus outline (default `2px solid #0b5cad`)
 * @cssprop --bantin-skeleton-color - loading placeholders (default `#e8ecf1`)
 * @cssprop --bantin-accent-contrast - text on the accent colour: the date picker's chosen day (default `#fff`)
 * @cssprop --bantin-button-background - buttons of the date picker and the search's results page (default `#fff`)
 */
export class BantinElement extends LitElement {
  // Reactive properties in `static properties`, each element's beside its styles, not with
  // decorators: lit's decorators module and one call per property cost every page 0.4 KB.
  static override properties: PropertyDeclarations = {
    feed: { reflect: true },
    maxAge: { attribute: 'max-age', type: Number, reflect: true },
    timeZone: { attribute: 'time-zone', reflect: true },
  };

  /** URL of the feed (JSON Feed, RSS or Atom); else the page's `<meta name="bantin:feed">`. */
  feed: string | null = null;
  /** Seconds a cached feed counts as fresh (no network request within it). */
  maxAge: number | null = null;
  /** IANA zone dates are shown in. Default `Asia/Ho_Chi_Minh`, whatever the browser's zone. */
  timeZone: string | null = null;

  protected readonly localeController = new LocaleController(this);

  override connectedCallback() {
    super.connectedCallback();
    noteRenamedProperties(this, (this.constructor as typeof BantinElement).elementStyles);
  }

  /**
   * In English, a render waits for the English words (a chunk Vietnamese pages never load),
   * so a reader never sees Vietnamese flash first; where they cannot load, it goes on in Vietnamese.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const english = this.language === 'en' ? englishReady() : null;
    return english ? english.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** The resolved display zone. */
  protected get zone(): string {
    return resolveTimeZone(this.timeZone);
  }

  protected get locale() {
    return this.localeController.locale;
  }

  /** The reader's language, `vi` or `en`, that labels are in (not `lang`: that is HTMLElement's own). */
  protected get language(): Lang {
    return this.localeController.lang;
  }

  /** The first node of the shadow root `selector` matches (none before the first render). */
  protected find<E extends Element>(selector: string): E | undefined {
    return this.renderRoot?.querySelector<E>(selector) ?? undefined;
  }
}
