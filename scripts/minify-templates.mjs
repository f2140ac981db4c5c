// A build-time plugin: squeezes whitespace out of Lit's css`…` and html`…`
// templates (the JS minifier leaves template text alone). It finds the tagged
// templates in the parsed module, so nested templates and expressions are
// never touched; only the literal text between `${…}` changes. CSS loses
// comments and the spaces around punctuation; in HTML, runs of whitespace
// become one space, so text and inline elements still read the same.
const TAGS = new Set(['css', 'html', 'staticHtml']);

function minifyCss(text) {
  return (
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      // Not before ':': `.body :is(img)` is not `.body:is(img)`.
      .replace(/\s*([{};,>])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}')
  );
}

// One space keeps inline elements apart ("<b>a</b> <i>b</i>"); more is indentation.
const minifyHtml = (text) => text.replace(/\s{2,}/g, ' ');

function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const key in node) {
    const v = node[key];
    if (Array.isArray(v)) v.forEach((c) => walk(c, visit));
    else if (v && typeof v === 'object' && key !== 'parent') walk(v, visit);
  }
}

export function minifyTemplates() {
  return {
    name: 'bantin-minify-templates',
    enforce: 'post',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/(css|html)`/.test(code)) return null;
      const edits = [];
      walk(this.parse(code), (node) => {
        if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier' || !TAGS.has(node.tag.name)) return;
        const squeeze = node.tag.name === 'css' ? minifyCss : minifyHtml;
        for (const q of node.quasi.quasis) {
          const raw = code.slice(q.start, q.end);
          const next = squeeze(raw);
          if (next !== raw) edits.push([q.start, q.end, next]);
        }
      });
      if (!edits.length) return null;
      let out = code;
      for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
      return { code: out, map: null };
    },
  };
}
