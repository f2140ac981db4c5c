// What dependency-cruiser (npm run check, .dependency-cruiser.cjs) cannot see, as it
// sees imports, not globals: no element reaches the network or the browser's storage
// itself. Elements get their data from the layers below (feed/, counter/, search/,
// shared/ for the key-value store and the remembered heights); DESIGN.md, "Architecture, as layers".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FORBIDDEN = [
  [/\bfetch\s*\(/, 'fetch()'],
  [/\bXMLHttpRequest\b/, 'XMLHttpRequest'],
  [/\bindexedDB\b|\bidb-keyval\b/, 'IndexedDB'],
  [/\blocalStorage\b/, 'localStorage'],
  [/\bsessionStorage\b/, 'sessionStorage'],
  [/\bcaches\s*\./, 'the Cache API'],
];

/** The code of a module without its comments (what is written about, not what is called). */
const code = (text) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

test('no module of src/elements/ calls fetch, IndexedDB or Web Storage itself', () => {
  const dir = join(ROOT, 'src', 'elements');
  const files = readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.ts'));
  assert.ok(files.length > 10, 'src/elements/ holds the elements');
  const found = [];
  for (const file of files) {
    const text = code(readFileSync(join(dir, file), 'utf8'));
    for (const [pattern, what] of FORBIDDEN) if (pattern.test(text)) found.push(`src/elements/${file}: ${what}`);
  }
  assert.deepEqual(found, [], 'move the call into a module below elements/ (shared/, feed/, counter/) and call that');
});

test('the check sees a call, not a comment about one', () => {
  assert.equal(/\bfetch\s*\(/.test(code('// fetch() the feed\n/* localStorage */ const x = 1;')), false);
  assert.equal(/\blocalStorage\b/.test(code("const u = 'https://x'; localStorage.getItem('k');")), true);
});
