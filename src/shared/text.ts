/**
 * Plain text for matching, never for rendering as HTML: tags dropped (block
 * tags leave a space so words do not run together), scripts, styles and
 * comments removed, entities decoded, whitespace collapsed, NFC.
 * A regex, not DOMParser: ten thousand bodies strip in a fraction of the time,
 * and text that is only matched against needs no DOM.
 */
export function stripHtml(html: string): string {
  if (!html.includes('<') && !html.includes('&')) return prepareText(html);
  // One pass: comments, skipped blocks, tags and entities in a single regex.
  return prepareText(
    html.replace(MARKUP, (m, _skipped: string | undefined, tag: string | undefined, entity: string | undefined) => {
      if (entity !== undefined) return decodeEntity(entity) ?? m;
      if (tag !== undefined) return BLOCK_TAGS.has(tag.toLowerCase()) ? ' ' : '';
      return ' ';
    }),
  );
}

/** Tags that separate words (they become a space); the others (b, i, a, span…) join what they wrap. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set(
  'p div br li ul ol h1 h2 h3 h4 h5 h6 tr td th table blockquote section article figure figcaption header footer hr pre'.split(' '),
);
/** Elements whose content is not text: dropped whole, with all they hold. */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set(['script', 'style', 'template', 'noscript']);

const MARKUP = new RegExp(
  String.raw`<!--[\s\S]*?-->|<(${[...SKIPPED_TAGS].join('|')})\b[\s\S]*?<\/\1\s*>|<\/?([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>|&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[A-Za-z]{2,8});`,
  'gi',
);

/** NFC with single spaces: the form every searchable string is kept in. */
export function prepareText(text: string): string {
  // Runs and non-space whitespace only: replacing every single space costs four times more.
  return text.normalize('NFC').replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—',
  hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»',
  bull: '•', middot: '·', copy: '©', reg: '®', deg: '°', times: '×', shy: '',
};
// Latin-1 letters as old Vietnamese CMSs write them: &agrave; &ecirc; &Ocirc; …
const MARKS: Record<string, string> = { grave: '\u0300', acute: '\u0301', circ: '\u0302', tilde: '\u0303', uml: '\u0308', ring: '\u030a', cedil: '\u0327' };

function named(name: string): string | undefined {
  if (name in NAMED) return NAMED[name];
  const m = /^([A-Za-z])(grave|acute|circ|tilde|uml|ring|cedil)$/.exec(name);
  return m ? (m[1] + MARKS[m[2]]).normalize('NFC') : undefined;
}

/** The text of one entity, given what stands between `&` and `;` (`amp`, `#7875`, `#x1EC3`), or null. */
export function decodeEntity(body: string): string | null {
  if (body[0] === '#') {
    const hex = body[1] === 'x' || body[1] === 'X';
    const digits = body.slice(hex ? 2 : 1);
    if (!(hex ? /^[0-9a-fA-F]{1,6}$/ : /^\d{1,7}$/).test(digits)) return null;
    const code = parseInt(digits, hex ? 16 : 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : null;
  }
  return /^[A-Za-z]{2,8}$/.test(body) ? (named(body) ?? null) : null;
}

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[A-Za-z]{2,8});/g, (m, body: string) => decodeEntity(body) ?? m);
}

/** The body of an article as plain text: `content_text`, else `content_html` stripped. */
export function bodyText(article: { contentText: string | null; contentHtml: string | null }): string {
  if (article.contentText != null) return prepareText(article.contentText);
  return article.contentHtml ? stripHtml(article.contentHtml) : '';
}
