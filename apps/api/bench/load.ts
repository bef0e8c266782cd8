/**
 * `pnpm test:load`: many concurrent dashboard readers against a real server on loopback, bounded
 * in connections and time. Prints requests, throughput, p50/p95/p99 and errors, and exits 1 when
 * any request failed or p99 passed LOAD_P99_MS. (autocannon's histogram has p90 and p97.5, no p95.)
 *
 *   DATABASE_URL=postgres://…/yugang_bench pnpm test:load    # starts dist/server.js on that database
 *   LOAD_URL=http://127.0.0.1:3000 pnpm test:load            # or an already running server
 *
 * Also prints the CPU the server (and its cluster workers) spent per request: compare that at a
 * fixed lower LOAD_CONNECTIONS, as the machine's load stretches latency but not CPU.
 *
 * LOAD_CONNECTIONS (200), LOAD_SECONDS (60), LOAD_P99_MS (500), LOAD_WORKSPACE (demo),
 * LOAD_EMAIL / LOAD_PASSWORD (the demo login). WEB_CONCURRENCY is passed to the server it starts.
 * `yg demo --customers N` loads the workspace without a user; create the login once with
 * `pnpm yg user create demo@yugang.local --workspace demo --role owner --password yugang-demo`.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const connections = Number(process.env.LOAD_CONNECTIONS ?? 200);
const seconds = Number(process.env.LOAD_SECONDS ?? 60);
const p99Budget = Number(process.env.LOAD_P99_MS ?? 500);
const ws = process.env.LOAD_WORKSPACE ?? 'demo';
const email = process.env.LOAD_EMAIL ?? 'demo@yugang.local';
const password = process.env.LOAD_PASSWORD ?? 'yugang-demo';

/** What the review and trends pages ask for when they open with their defaults. */
const PATHS = [
  '/metrics/summary',
  '/metrics/trends?metric=gmv&grain=month',
  '/metrics/trends?metric=purchase_frequency&grain=month',
  '/metrics/membership',
  '/roi',
  '/team-kpis',
  '/community',
  '/risk',
  '/attribution?grain=month',
  '/cohorts',
  '/ltv',
  '/tiers',
  '/review',
];

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  if (!process.env.DATABASE_URL) {
    throw new Error('set DATABASE_URL (a database loaded with yg demo) or LOAD_URL');
  }
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/server.js'], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      YUGANG_DEMO: 'off',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/api/v1/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return { url, child };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the server did not answer health within 120 s');
}

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/**
 * CPU milliseconds (user + system) used so far by a process and every process below it (the
 * cluster's workers), from /proc: the noise-robust figure on a shared machine, as a busy neighbour
 * stretches latency but not the CPU a request costs.
 */
function cpuMsOfTree(root: number): number {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command's closing parenthesis: state, ppid, … utime (14), stime (15).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(name), {
        ppid: Number(fields[1]),
        ticks: Number(fields[11]) + Number(fields[12]),
      });
    } catch {
      // the process ended while we looked
    }
  }
  let ticks = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    ticks += stats.get(pid)?.ticks ?? 0;
    for (const [child, { ppid }] of stats) if (ppid === pid) queue.push(child);
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/**
 * Waits until the server is quiet (under 5 % of a core for 2 s, at most LOAD_SETTLE_SECONDS,
 * default 600): the start-up warm-up computes every page's answers, minutes at 3M customers, and
 * would otherwise run inside the timed minute and count in its CPU per request.
 */
async function settle(pid: number): Promise<void> {
  const started = Date.now();
  const limit = Number(process.env.LOAD_SETTLE_SECONDS ?? 600) * 1000;
  let last = cpuMsOfTree(pid);
  while (Date.now() - started < limit) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const now = cpuMsOfTree(pid);
    const busy = now - last;
    last = now;
    if (busy < 100) break;
  }
  console.log(`server quiet after ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

async function login(url: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`login as ${email} answered ${response.status}`);
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('login set no cookie');
  return cookie;
}

function getOnNewConnection(url: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = get(url, { agent: false, headers: { cookie } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
  });
}

async function main(): Promise<void> {
  const started = process.env.LOAD_URL ? undefined : await startServer();
  const url = process.env.LOAD_URL ?? started!.url;
  try {
    const cookie = await login(url);
    const paths = PATHS.map((p) => `/api/v1/workspaces/${ws}${p}`);
    // Fill the per-version caches once, as the start-up warm-up or a first visitor would.
    // A cold start at millions of customers keeps the pool busy with the warm-up, so a first
    // call may answer 503 after waiting for a connection: it is tried again. Each call is a new
    // connection, and with WEB_CONCURRENCY=N every path is asked 2N times, so that every worker
    // (node:cluster hands connections out in turn) has its answers before the timed run.
    const rounds = 2 * Number(process.env.WEB_CONCURRENCY ?? 1);
    for (let round = 1; round <= rounds; round++) {
      for (const path of paths) {
        const first = Date.now();
        for (let attempt = 1; ; attempt++) {
          const status = await getOnNewConnection(url + path, cookie);
          if (status === 200) break;
          if (status !== 503 || attempt === 5) throw new Error(`${path} answered ${status}`);
        }
        console.log(`call ${round}/${rounds} ${path}: ${Date.now() - first} ms`);
      }
    }
    const serverPid =
      started?.child.pid ?? (process.env.LOAD_PID ? Number(process.env.LOAD_PID) : undefined);
    if (serverPid !== undefined) await settle(serverPid);
    console.log(
      `load average before: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    const cpuBefore = serverPid === undefined ? 0 : cpuMsOfTree(serverPid);
    const result = await autocannon({
      url,
      connections,
      duration: seconds,
      // What Chromium sends: the kept answers then leave gzipped, as they do to the web app.
      headers: { cookie, 'accept-encoding': 'gzip, deflate, br, zstd' },
      requests: paths.map((path) => ({ method: 'GET', path })),
    });
    const cpuMs = serverPid === undefined ? undefined : cpuMsOfTree(serverPid) - cpuBefore;
    const errors = result.errors + result.timeouts + result.non2xx;
    const seconds_ = result.duration;
    console.log(
      [
        `connections ${connections}, ${seconds_.toFixed(1)} s, paths ${paths.length}`,
        `requests ${result.requests.total} (${(result.requests.total / seconds_).toFixed(0)}/s), ${(result.throughput.total / seconds_ / 1e6).toFixed(2)} MB/s`,
        `latency p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
        cpuMs === undefined
          ? 'server CPU: unknown (set LOAD_PID with LOAD_URL)'
          : `server CPU ${(cpuMs / 1000).toFixed(1)} s, ${((cpuMs * 1000) / Math.max(1, result.requests.total)).toFixed(0)} µs per request`,
        `errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`,
        `load average after: ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}`,
      ].join('\n'),
    );
    if (errors > 0 || result.latency.p99 > p99Budget) {
      console.error(
        `FAILED: ${errors} errors, p99 ${result.latency.p99} ms (budget ${p99Budget} ms)`,
      );
      process.exitCode = 1;
    }
  } finally {
    if (started) {
      started.child.kill('SIGTERM');
      await once(started.child, 'exit');
    }
  }
}

await main();
