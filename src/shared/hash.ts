/**
 * FNV-1a, 32 bit: the one hash of bantin. Not for security; for telling whether a
 * body changed (when the server gives no validators), stable ids and keys, the
 * search index's fingerprint of a feed and its table of words.
 */
export const FNV_OFFSET = 0x811c9dc5;

/** One step: `h` with one more unit mixed in (a UTF-16 code unit, or any 32-bit integer). */
export const fnv1a = (h: number, unit: number): number => Math.imul(h ^ unit, 0x01000193);

/** A string's FNV-1a over its UTF-16 units, and its length, in base 36: `1k3l9x:2s`. */
export function hashText(text: string): string {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) h = fnv1a(h, text.charCodeAt(i));
  return (h >>> 0).toString(36) + ':' + text.length.toString(36);
}
