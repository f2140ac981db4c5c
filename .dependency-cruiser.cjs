// The layers of src/ (DESIGN.md, "Architecture, as layers"), held in place by
// `npm run check` (`depcruise src`). Dependencies point down only:
//
//   entries/, index.ts   the package's entry points (one per element, the loader, everything)
//   elements/            Lit elements, their styles and controllers
//   feed/ search/ format/ counter/    siblings: plain TypeScript, no Lit
//   shared/              what several layers use: key-value store, chunking, hash,
//                        text, threads, time zones, heights, the base error
//
// Each rule names what it holds; a violation prints `error <rule>: <from> → <to>` and
// the rule's comment. What imports cannot show (an element calling fetch or storage
// itself) is test/repo/layers.test.mjs.
const below = '^src/(feed|search|format|counter|shared)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'elements-only-up-top',
      comment:
        'The data and format layers know nothing of the elements or the entry points: they run ' +
        'without a page (in workers, in Node), where there is no element to import.',
      severity: 'error',
      from: { path: below },
      to: { path: '^src/(elements|entries)/|^src/index\\.ts$' },
    },
    {
      name: 'entries-are-the-top',
      comment: 'An element does not import an entry point (that would define tags as a side effect).',
      severity: 'error',
      from: { path: '^src/elements/' },
      to: { path: '^src/entries/|^src/index\\.ts$' },
    },
    {
      name: 'shared-is-the-bottom',
      comment: 'shared/ is what the other layers stand on: it imports no other folder of src/.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/', pathNot: '^src/shared/' },
    },
    {
      name: 'no-lit-below-elements',
      comment: 'Below elements/ is plain TypeScript with no rendering: no Lit.',
      severity: 'error',
      from: { path: below },
      to: { path: '(^|/)node_modules/(lit|lit-html|lit-element|@lit|@lit-labs)/' },
    },
    {
      name: 'feed-format-search-counter-are-siblings',
      comment:
        'feed/, search/, format/ and counter/ stand side by side on shared/ and import no code of each ' +
        "other. The one thing that crosses is the feed's vocabulary, as types (see the next rule): " +
        'search/ builds its index from Article and Feed (feed/types.ts), format/ names the feed\'s ' +
        'failures in its labels (FeedErrorCode, feed/errors.ts). Time zones, text, hashing and the ' +
        'store are in shared/, so the feed needs nothing from format/ or search/.',
      severity: 'error',
      from: { path: '^src/(feed|search|format|counter)/' },
      to: {
        path: '^src/(feed|search|format|counter)/',
        pathNot: ['^src/$1/', '^src/feed/(types|errors)\\.ts$'],
      },
    },
    {
      name: 'siblings-share-feed-types-only',
      comment:
        "What a sibling takes from feed/types.ts or feed/errors.ts it takes with `import type`: " +
        'erased at build time, so no feed code comes along.',
      severity: 'error',
      from: { path: '^src/(search|format|counter)/' },
      to: { path: '^src/feed/(types|errors)\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      comment: 'No module reaches itself again through its imports.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      comment:
        'Every module of src/ is imported, or imports something. The loader imports nothing and nothing ' +
        'imports it: it is dist/bantin.min.js, built on its own.',
      severity: 'error',
      from: { orphan: true, path: '^src/', pathNot: ['^src/entries/loader\\.ts$', '\\.d\\.ts$'] },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    moduleSystems: ['es6'],
    // `import type` is seen (and marked type-only), as TypeScript writes it before compiling.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'module', 'browser', 'default', 'types'],
      mainFields: ['module', 'main', 'types'],
    },
  },
};
