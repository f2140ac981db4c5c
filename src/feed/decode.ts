/**
 * Bytes to text the way feed readers do it: a byte-order mark first, then the
 * HTTP charset, then the XML declaration's `encoding`, then UTF-8. A body that
 * is not valid UTF-8 when UTF-8 was assumed (or claimed) is read as
 * windows-1252, the superset browsers use for ISO-8859-1, so an old Latin-1
 * feed with no declaration shows its accents instead of U+FFFD.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null = null): string {
  const bom = bomEncoding(bytes);
  if (bom) return new TextDecoder(bom).decode(bytes); // the decoder drops the mark itself
  const labels = [charsetOf(contentType), declaredEncoding(bytes), 'utf-8'];
  for (const label of labels) {
    if (!label) continue;
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(label, { fatal: true });
    } catch {
      continue; // a label the platform does not know: try the next source
    }
    try {
      const text = decoder.decode(bytes);
      // windows-1258, the old Vietnamese code page, spells tone marks as combining characters.
      return decoder.encoding === 'utf-8' ? text : text.normalize('NFC');
    } catch {
      // Declared one thing, holds another: the next source may know better.
    }
  }
  return new TextDecoder('windows-1252').decode(bytes);
}

function bomEncoding(b: Uint8Array): string | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

/** `charset` of a Content-Type header, or null. */
export function charsetOf(contentType: string | null): string | null {
  const m = contentType && /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType);
  return m ? m[1] : null;
}

/** `encoding` of a leading `<?xml …?>` declaration, read as ASCII from the first bytes. */
function declaredEncoding(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
  const m = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return m ? m[1] : null;
}
