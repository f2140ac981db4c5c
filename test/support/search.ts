import type { BantinSearch } from '../../src/elements/search.js';
import { until } from './until.js';

/** Waits until a search box shows the final results of `query` (its listbox names the query and is no longer busy). */
export async function resultsFor(el: BantinSearch, query: string) {
  await until(
    () => {
      const list = el.shadowRoot!.querySelector('[data-query]');
      return list?.getAttribute('data-query') === query && list.getAttribute('aria-busy') === 'false';
    },
    15_000,
    `results for «${query}»`,
  );
  await el.updateComplete;
}
