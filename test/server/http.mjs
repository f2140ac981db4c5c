// For the Node tests of bantin-server: raw HTTP requests (the path is sent
// exactly as given, so `/../` reaches the server), raw sockets for slow and
// malformed clients, a temp folder per test file, and a real redis-server.
import { execFile, spawn } from 'node:child_process';
import { request as httpRequest, Agent } from 'node:http';
import { connect, createServer as createNetServer } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ensureRedisServer } from '../../scripts/ensure-redis.mjs';
import { CLI } from '../../scripts/lib/spawn-server.mjs';

/**
 * @returns {Promise<{ status: number, headers: import('node:http').IncomingHttpHeaders, text: string, json: any }>}
 */
export function request(base, path, { method = 'GET', headers = {}, body, agent } = {}) {
  const url = new URL(base);
  if (body !== undefined && !headers['Transfer-Encoding']) headers = { 'Content-Length': Buffer.byteLength(body), ...headers };
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path, method, headers, agent },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json = null;
          try {
            json = JSON.parse(text);
          } catch {
            // not JSON: tests look at text
          }
          resolve({ status: res.statusCode, headers: res.headers, text, json });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** POST /counter {"key": key}. */
export const hit = (base, key, options = {}) =>
  request(base, '/counter', { method: 'POST', body: JSON.stringify({ key }), ...options });

export const countOf = async (base, key) => (await request(base, `/counter?key=${encodeURIComponent(key)}`)).json.count;

/** A keep-alive agent with a bounded number of sockets: load stays modest on a shared machine. */
export const boundedAgent = (maxSockets = 64) => new Agent({ keepAlive: true, maxSockets });

/**
 * Runs bantin-server to its end (for flags that make it exit); `nodeArgs` go before the script.
 * @param {string[]} args
 * @param {string[]} [nodeArgs]
 * @returns {Promise<{ code: number | string, stdout: string, stderr: string }>}
 */
export function runCli(args, nodeArgs = []) {
  return new Promise((resolve) => {
    execFile(process.execPath, [...nodeArgs, CLI, ...args], { timeout: 15_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

export async function tempDir() {
  const dir = await mkdtemp(join(tmpdir(), 'bantin-server-test-'));
  return { dir, file: (name) => join(dir, name), remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * A real redis-server for one test file, on a free port of 127.0.0.1, persistence
 * off unless `dir` is given (then `stop()` saves a snapshot that `restart()`
 * reads back). Installs Debian's package first when none is there.
 * `args` go after the usual flags; `sentinel` runs it as a Sentinel with that
 * config file (no persistence flags; ready once it monitors its master).
 * @param {{ dir?: string, args?: string[], sentinel?: string }} [options]
 */
export async function startRedis({ dir, args = [], sentinel } = {}) {
  const binary = ensureRedisServer();
  let port = 0;
  /** @type {import('node:child_process').ChildProcess | null} */
  let child = null;
  let log = '';
  const persistence = dir ? ['--dir', dir, '--dbfilename', 'dump.rdb', '--save', ''] : ['--save', ''];
  const mode = sentinel ? [sentinel, '--sentinel'] : [];
  const flags = sentinel ? [] : [...persistence, '--appendonly', 'no'];
  const ready = sentinel ? /\+monitor master/ : /Ready to accept connections/;
  const launch = (p) =>
    new Promise((resolve) => {
      const c = spawn(binary, [...mode, '--port', String(p), '--bind', '127.0.0.1', ...flags, '--daemonize', 'no', ...args], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      const onData = (chunk) => {
        out += chunk;
        log = (log + chunk).slice(-8192);
        if (ready.test(out)) {
          c.stdout.off('data', onData);
          resolve(c);
        }
      };
      c.stdout.setEncoding('utf8').on('data', onData);
      c.stderr.setEncoding('utf8').on('data', onData);
      c.once('exit', () => resolve(null));
    });
  const start = async (fixedPort) => {
    // redis-server cannot pick a free port itself: take one the OS just freed, retry if someone else got it.
    for (let attempt = 0; attempt < 10; attempt++) {
      const p = fixedPort || (await freePort());
      child = await launch(p);
      if (child) {
        port = p;
        return;
      }
      if (fixedPort) await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`redis-server did not start:\n${log}`);
  };
  const stopChild = async (how = 'SIGTERM') => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGCONT'); // a paused one cannot act on SIGTERM
    c.kill(how);
    await exited;
  };
  await start(0);
  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);
  return {
    get port() {
      return port;
    },
    get url() {
      return `redis://127.0.0.1:${port}`;
    },
    /** redis-cli-like one-shot command over RESP; resolves with the raw reply text. */
    command: (...args) => redisCommand(port, args),
    /** SHUTDOWN SAVE when `dir` was given (the data survives), else a plain stop. */
    stop: async () => {
      if (dir && child) {
        await redisCommand(port, ['SHUTDOWN', 'SAVE']).catch(() => {});
      }
      await stopChild();
    },
    /** SIGSTOP: a hung Redis, which holds its connections open but answers nothing until resume(). */
    pause: () => child?.kill('SIGSTOP'),
    resume: () => child?.kill('SIGCONT'),
    /** Starts again on the same port, with the snapshot when `dir` was given. */
    restart: () => start(port),
    close: async () => {
      process.off('exit', killOnExit);
      await stopChild('SIGKILL');
    },
  };
}

/**
 * A Redis Cluster of three masters (no replicas) on free ports, slots spread by
 * redis-cli; resolves once every node says cluster_state:ok.
 * @param {string} dir a folder for the nodes' cluster config files
 */
export async function startRedisCluster(dir) {
  const nodes = [];
  for (let i = 0; i < 3; i++) {
    nodes.push(await startRedis({ args: ['--cluster-enabled', 'yes', '--cluster-config-file', join(dir, `nodes-${i}-${Date.now()}.conf`), '--cluster-node-timeout', '2000'] }));
  }
  const close = () => Promise.all(nodes.map((n) => n.close()));
  try {
    const cli = join(dirname(ensureRedisServer()), 'redis-cli');
    await new Promise((resolve, reject) =>
      execFile(cli, ['--cluster', 'create', ...nodes.map((n) => `127.0.0.1:${n.port}`), '--cluster-replicas', '0', '--cluster-yes'], { timeout: 20_000 }, (e, out, err) =>
        e ? reject(new Error(`redis-cli --cluster create failed: ${err || out}`)) : resolve(out),
      ),
    );
    const started = Date.now();
    for (;;) {
      const states = await Promise.all(nodes.map((n) => n.command('CLUSTER', 'INFO')));
      if (states.every((s) => s.includes('cluster_state:ok'))) break;
      if (Date.now() - started > 15_000) throw new Error(`the cluster did not become ok: ${states.join(' / ')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (e) {
    await close();
    throw e;
  }
  return { nodes, close };
}

/** A port the OS considers free right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (s.address());
      s.close(() => resolve(port));
    });
  });
}

/** Sends one command in RESP and resolves with its reply as text: `:5`, `+OK`, `-ERR …`, `$-1` (nil), or a bulk string's content (ASCII). */
export function redisCommand(port, args) {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      data += chunk;
      const simple = /^([:+-][^\r]*|\$-1)\r\n/.exec(data);
      const bulk = /^\$(\d+)\r\n/.exec(data);
      const reply = simple ? simple[1] : bulk && data.length >= bulk[0].length + Number(bulk[1]) + 2 ? data.substr(bulk[0].length, Number(bulk[1])) : null;
      if (reply !== null) {
        socket.end();
        resolve(reply);
      }
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(data));
    socket.write(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(String(a))}\r\n${a}\r\n`).join('')}`);
  });
}

/** Opens a raw TCP connection to the server and writes `text`; for slow and malformed clients. */
export function rawSocket(base, text = '') {
  const url = new URL(base);
  const socket = connect(Number(url.port), url.hostname);
  let data = '';
  socket.setEncoding('utf8');
  socket.on('data', (c) => (data += c));
  socket.on('error', () => {});
  const closed = new Promise((resolve) => socket.once('close', () => resolve(data)));
  if (text) socket.write(text);
  return { socket, closed, received: () => data };
}
