// Checks printed one per line (`ok - …` / `NOT OK - …`), as the release checks print them;
// `sh` runs a command and returns what it printed.
import { execFileSync } from 'node:child_process';

export const sh = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

/** A tally: `check(ok, what)` prints one line; `failed` counts the NOT OKs. */
export function checker() {
  const tally = {
    failed: 0,
    check(ok, what) {
      console.log(`${ok ? 'ok' : 'NOT OK'} - ${what}`);
      if (!ok) tally.failed++;
    },
  };
  return tally;
}
