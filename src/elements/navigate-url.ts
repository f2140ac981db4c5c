import type { DayKey } from '../format/calendar.js';

// Apart from links.ts: only the date picker navigates.

/** The URL a date picker's `navigate` goes to: `{date}` replaced by the day, resolved against the page. */
export function navigateUrl(template: string, value: DayKey, base: string = document.baseURI): string {
  return new URL(template.replaceAll('{date}', encodeURIComponent(value)), base).href;
}
