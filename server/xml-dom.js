// bantin's RSS and Atom reader (src/feed/xml.ts) uses the browser's DOMParser.
// Node has none, so the commands that read feeds (bantin-index, bantin-server
// --index) put @xmldom/xmldom in its place, only when a page is XML: it is an
// optional peer dependency, so that users of the elements never install it and
// it never reaches a browser bundle.
import { MissingDriverError, loadDriver } from './store/store.js';

const XHTML = 'http://www.w3.org/1999/xhtml';

/** @type {Promise<void> | null} */
let installing = null;

/**
 * Makes `DOMParser`, `XMLSerializer` and `Node` global, backed by @xmldom/xmldom.
 * @param {string} program the command, named in the error when the package is missing
 * @returns {Promise<void>} rejects with a MissingDriverError when @xmldom/xmldom is not installed
 */
export function installXmlDom(program) {
  installing ??= install(program).catch((e) => {
    installing = null; // the next XML page says it again
    throw e;
  });
  return installing;
}

/** @param {string} program */
async function install(program) {
  const xmldom = await loadDriver('@xmldom/xmldom', (cause) =>
    new MissingDriverError('reads RSS and Atom feeds through the "@xmldom/xmldom" package', 'npm install @xmldom/xmldom@0.9', 'JSON Feeds need nothing more.', cause, program),
  );
  addElementTraversal(xmldom.Node.prototype);
  const g = /** @type {Record<string, unknown>} */ (globalThis);
  g.DOMParser ??= class DOMParser {
    /**
     * Like a browser's: a document that is not well-formed XML comes back as a document
     * whose root is an XHTML <parsererror> saying where, not as an exception; the reader
     * repairs what real feeds get wrong and tries once more.
     * @param {string} source
     * @param {string} type
     */
    parseFromString(source, type) {
      let reason = 'parse error';
      const parser = new xmldom.DOMParser({
        locator: true,
        onError: (/** @type {string} */ level, /** @type {string} */ message) => {
          if (level === 'warning') return;
          reason = message;
          throw new Error(message);
        },
      });
      try {
        return parser.parseFromString(source, type);
      } catch (e) {
        const where = /** @type {{ locator?: { lineNumber?: number, columnNumber?: number } }} */ (e).locator;
        const doc = new xmldom.DOMImplementation().createDocument(XHTML, 'parsererror', null);
        doc.documentElement.textContent = `error on line ${where?.lineNumber ?? 1} at column ${where?.columnNumber ?? 1}: ${reason}`;
        return doc;
      }
    }
  };
  g.XMLSerializer ??= xmldom.XMLSerializer;
  g.Node ??= xmldom.Node;
}

/**
 * The element-only traversal the reader walks with (DOM's ParentNode and
 * NonDocumentTypeChildNode), which xmldom's Level 2 nodes lack.
 * @param {object} proto xmldom's Node.prototype
 */
function addElementTraversal(proto) {
  const ELEMENT = 1;
  /** @param {any} n */
  const nextElement = (n) => {
    while (n && n.nodeType !== ELEMENT) n = n.nextSibling;
    return n ?? null;
  };
  /** @type {Record<string, (this: any) => unknown>} */
  const getters = {
    firstElementChild() {
      return nextElement(this.firstChild);
    },
    nextElementSibling() {
      return nextElement(this.nextSibling);
    },
  };
  for (const [name, get] of Object.entries(getters)) {
    if (!(name in proto)) Object.defineProperty(proto, name, { get, configurable: true });
  }
}
