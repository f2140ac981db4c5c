// A node:test reporter that writes one JSON line: { passed, failed, skipped }.
// scripts/test.mjs adds it to the browser tests' numbers for the one summary line.
export default async function* counts(source) {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    // Suites are counted through their tests; a file that failed to load counts as one failure.
    if (event.data.details?.type === 'suite') continue;
    if (event.data.skip || event.data.todo) totals.skipped++;
    else if (event.type === 'test:pass') totals.passed++;
    else totals.failed++;
  }
  yield `${JSON.stringify(totals)}\n`;
}
