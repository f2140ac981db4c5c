#!/usr/bin/env node
// Writes docs/reference.md from custom-elements.json, so the reference is the
// code's own account of itself. `--check` fails when the committed file is out
// of date (CI runs it after the build).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(`${root}custom-elements.json`, 'utf8'));
const out = `${root}docs/reference.md`;

const cell = (s) => String(s ?? '').replace(/\|/g, '\\|').replace(/\n+/g, ' ').trim();
const code = (s) => (s ? `\`${s}\`` : '');
function table(head, rows) {
  if (!rows.length) return '';
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`), ''].join('\n');
}

const declarations = manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => ({ ...d, path: m.path })));
const base = declarations.find((d) => d.name === 'BantinElement');
const inBase = (key, name) => (base?.[key] ?? []).some((b) => b.name === name);
// Each element's own API: what every element shares is listed once, at the end.
// The tag names are the map in src/elements/tags.ts (built into dist/ before the docs): each
// class's `@tagname`, which the manifest reads, must be one of them, and every one must be there.
const { TAGS } = await import('../dist/elements/tags.js').catch(() => {
  console.error('dist/elements/tags.js is missing: run `npm run build` first (`npm run docs` does).');
  process.exit(1);
});
const tagged = declarations.filter((d) => d.tagName).map((d) => d.tagName).sort();
const mapped = Object.values(TAGS).sort();
if (tagged.join() !== mapped.join()) {
  console.error(`The manifest's tag names (${tagged.join(', ')}) are not the map's in src/elements/tags.ts (${mapped.join(', ')}): fix the @tagname lines.`);
  process.exit(1);
}
const elements = declarations
  .filter((d) => d.tagName)
  .sort((a, b) => a.tagName.localeCompare(b.tagName))
  .map((d) => ({
    ...d,
    attributes: (d.attributes ?? []).filter((a) => !inBase('attributes', a.name)),
    cssProperties: (d.cssProperties ?? []).filter((p) => !inBase('cssProperties', p.name)),
  }));

let md = `# Element reference

Generated from \`custom-elements.json\` by \`npm run docs\`; do not edit by hand
(\`npm test\` fails when this file and the code disagree). Narrative docs, with examples, are in \`docs/elements/\`.

Every element also has the attributes and CSS custom properties in
[Shared by every element](#shared-by-every-element).

`;
for (const el of elements) {
  const attrs = el.attributes;
  const attrFields = new Set(attrs.map((a) => a.fieldName));
  const props = (el.members ?? []).filter(
    (m) => m.kind === 'field' && !m.privacy && !m.static && !attrFields.has(m.name) && !(base?.members ?? []).some((b) => b.name === m.name),
  );
  md += `## \`<${el.tagName}>\`\n\n${el.description ?? ''}\n\nClass \`${el.name}\` (\`${el.path}\`).\n\n`;
  md += attrs.length ? `### Attributes\n\n${table(['attribute', 'property', 'type', 'default', 'description'], attrs.map((a) => [code(a.name), code(a.fieldName), code(a.type?.text), code(a.default), a.description]))}\n` : '';
  md += props.length ? `### Other properties\n\n${table(['property', 'type', 'description'], props.map((p) => [code(p.name), code(p.type?.text), p.description + (p.readonly ? ' (read-only)' : '')]))}\n` : '';
  md += el.events?.length ? `### Events\n\n${table(['event', 'description'], el.events.map((e) => [code(e.name), e.description]))}\n` : '';
  md += el.slots?.length ? `### Slots\n\n${table(['slot', 'description'], el.slots.map((s) => [s.name ? code(s.name) : '(default)', s.description]))}\n` : '';
  md += el.cssParts?.length ? `### Parts\n\n${table(['part', 'description'], el.cssParts.map((p) => [code(p.name), p.description]))}\n` : '';
  md += el.cssProperties?.length ? `### CSS custom properties\n\n${table(['property', 'description'], el.cssProperties.map((p) => [code(p.name), p.description]))}\n` : '';
}
md += `## Shared by every element\n\n${base?.description ?? ''}\n\n`;
md += table(['attribute', 'property', 'type', 'default', 'description'], (base?.attributes ?? []).map((a) => [code(a.name), code(a.fieldName), code(a.type?.text), code(a.default), a.description]));
md += `\n${table(['CSS custom property', 'description'], (base?.cssProperties ?? []).map((p) => [code(p.name), p.description]))}`;

// The README's per-element API summaries, between <!-- api:TAG --> and <!-- /api:TAG -->.
function summary(el) {
  const attrs = el.attributes;
  const list = (xs) => xs.map((x) => code(x)).join(', ');
  return [
    table(['attribute', 'default', ''], attrs.map((a) => [code(a.name), code(a.default === 'null' ? '' : a.default), a.description])),
    el.events?.length ? `**Events:** ${list(el.events.map((e) => e.name))}.  ` : '',
    el.cssParts?.length ? `**Parts:** ${list(el.cssParts.map((p) => p.name))}.  ` : '',
    el.cssProperties?.length ? `**CSS custom properties:** ${list(el.cssProperties.map((p) => p.name))}, and the [shared ones](#theming).  ` : '',
    `Full reference: [docs/reference.md](docs/reference.md#${el.tagName}).`,
  ]
    .filter(Boolean)
    .join('\n');
}
const readmePath = `${root}README.md`;
const readme = readFileSync(readmePath, 'utf8');
const readmeOut = readme.replace(/(<!-- api:([a-z-]+) -->\n)[\s\S]*?(<!-- \/api:\2 -->)/g, (whole, open, tag, close) => {
  const el = elements.find((e) => e.tagName === tag);
  return el ? `${open}${summary(el)}\n${close}` : whole;
});

if (process.argv.includes('--check')) {
  const stale = [];
  if ((existsSync(out) ? readFileSync(out, 'utf8') : '') !== md) stale.push('docs/reference.md');
  if (readme !== readmeOut) stale.push('README.md (element API summaries)');
  if (stale.length) {
    console.error(`${stale.join(' and ')} out of date: run \`npm run docs\` and commit.`);
    process.exit(1);
  }
  console.log('docs/reference.md and the README API summaries match custom-elements.json');
} else {
  writeFileSync(out, md);
  writeFileSync(readmePath, readmeOut);
  console.log(`wrote docs/reference.md and the README API summaries (${elements.length} elements)`);
}
