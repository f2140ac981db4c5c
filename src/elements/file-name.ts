// Apart from links.ts: only the article's attachments need it.

/**
 * The file name at the end of a URL, for people: percent escapes decoded as
 * UTF-8, else as windows-1252 (`Th%F4ng%20b%E1o.pdf` from an old Vietnamese
 * server is `Thông báo.pdf`), never a `URIError`.
 */
export function fileNameOf(url: string): string {
  const last = new URL(url).pathname.split('/').pop() || url;
  return last.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      const bytes = Uint8Array.from(run.slice(1).split('%'), (h) => parseInt(h, 16));
      return new TextDecoder('windows-1252').decode(bytes);
    }
  });
}
