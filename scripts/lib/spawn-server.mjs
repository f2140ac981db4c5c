// Starts bantin-server as a child process and resolves once it listens:
// used by the Node tests, the browser tests' counter service, the benchmark
// and `npm start`. Pass `--port 0` to get a free port.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../server/cli.js', import.meta.url));

/**
 * @param {string[]} args bantin-server flags
 * @param {{ nodeArgs?: string[], quiet?: boolean, timeoutMs?: number }} [options]
 * @returns {Promise<{ url: string, port: number, child: import('node:child_process').ChildProcess,
 *   output: () => string, stop: () => Promise<number | null>, kill: () => Promise<void> }>}
 */
export function spawnBantinServer(args, { nodeArgs = [], quiet = true, timeoutMs = 15_000 } = {}) {
  const child = spawn(process.execPath, [...nodeArgs, CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      out = (out + chunk).slice(-65_536); // the start line and any errors; bounded for long runs
      if (!quiet) process.stdout.write(chunk);
    });
  }
  const handle = {
    child,
    output: () => out,
    /** SIGTERM, as a service manager stops it; resolves with the exit code. */
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return (await exited).code;
    },
    /** SIGKILL: the process dies at once, mid-request if need be. */
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`bantin-server did not start within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = () => {
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      const url = m[1];
      resolve({ ...handle, url, port: Number(new URL(url).port) });
    };
    child.stdout.on('data', onData);
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`bantin-server exited (${code ?? signal}) before listening:\n${out}`), { code, output: out }));
    });
  });
}
