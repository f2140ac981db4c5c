// Runs the steps of `npm test` and `npm run check` in the project's root, passing
// Ctrl-C on to them, and prints how long each took.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs a command in the project's root with inherited output; resolves with its exit code. */
export function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** Runs `steps` ([name, [command, ...args]]) one after another, each timed; resolves with their outcomes. */
export async function runSteps(steps) {
  const outcomes = [];
  for (const [name, [command, ...args]] of steps) {
    console.log(`\n# ${name}`);
    const t0 = performance.now();
    const code = await run(command, args);
    const seconds = (performance.now() - t0) / 1000;
    outcomes.push({ name, code, seconds });
    console.log(`# ${name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${seconds.toFixed(1)} s`);
  }
  return outcomes;
}
