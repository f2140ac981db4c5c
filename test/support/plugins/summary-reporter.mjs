// Prints one plain line CI can read as the last line of a run:
//   tests: N passed, N failed, N skipped
// A test file that failed to load counts as one failed test.
// Under `npm test` (scripts/test.mjs), BANTIN_TEST_SUMMARY_FILE names a file
// the numbers go to instead, to be summed with the server tests' into the one line.
import { writeFileSync } from 'node:fs';

function countSuite(suite, totals) {
  for (const t of suite.tests ?? []) {
    if (t.skipped) totals.skipped++;
    else if (t.passed) totals.passed++;
    else totals.failed++;
  }
  for (const s of suite.suites ?? []) countSuite(s, totals);
}

export function summaryReporter() {
  let totals;
  return {
    onTestRunFinished({ sessions }) {
      totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        const before = totals.failed + totals.passed + totals.skipped;
        if (session.testResults) countSuite(session.testResults, totals);
        const counted = totals.failed + totals.passed + totals.skipped - before;
        if (!session.passed && (counted === 0 || session.errors?.length)) totals.failed++;
      }
    },
    stop() {
      // On exit, so it comes after the default reporter's closing lines.
      if (totals && process.env.BANTIN_TEST_SUMMARY_FILE) {
        writeFileSync(process.env.BANTIN_TEST_SUMMARY_FILE, `${JSON.stringify(totals)}\n`);
      } else if (totals) {
        const line = `tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
        process.once('exit', () => console.log(line));
      }
    },
  };
}
