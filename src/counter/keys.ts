import { hashText } from '../shared/hash.js';
import { isCounterKey } from './values.js';

/**
 * The counter key of an article: `article:<id>`. Feed ids may be anything
 * (URLs with `?`, Vietnamese text); an id the service would refuse is
 * replaced by a stable hash of it, so every article still gets a key.
 */
export function articleCounterKey(id: string): string {
  const plain = `article:${id}`;
  return isCounterKey(plain) ? plain : `article:h.${hashText(id)}`;
}
