import cluster from 'node:cluster';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import {
  closeInterruptedImports,
  DEMO_LOGIN,
  ensureDemoWorkspace,
  removeStaleUploads,
} from './bootstrap.js';
import { openConfiguredDatabase } from './cli/context.js';
import type { DatabaseHandle } from './db/database.js';
import { loadConfig, type Config } from './config.js';
import { DashboardWarmer } from './warm-up/dashboard-warmer.js';
import { answerCache, readModelCache } from './read-model/read-model-cache.js';
import { handleError } from './http/error-handler.js';
import { createLogger, wantsPretty, type Logger } from './lib/logger.js';

const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface RunningServer {
  url: string;
  /**
   * Graceful stop: health answers 503 at once, no new connections, in-flight requests get
   * SHUTDOWN_TIMEOUT_MS to finish (then their connections are cut), idle keep-alive
   * connections close, the warmer stops, then the database closes.
   */
  close(): Promise<void>;
}

/** Once per start, before any request: recovery from a stopped process, then the demo. */
async function prepare(handle: DatabaseHandle, config: Config, logger: Logger): Promise<void> {
  const interrupted = await closeInterruptedImports(handle.db);
  if (interrupted > 0)
    logger.warn({ imports: interrupted }, 'closed imports a stopped process left running');
  const removed = await removeStaleUploads();
  if (removed > 0)
    logger.warn({ files: removed }, 'removed upload temp files a stopped process left');
  if (config.YUGANG_DEMO === 'auto') {
    await ensureDemoWorkspace(handle, (line) => logger.info(line));
  }
}

/**
 * `options.prepared`: a cluster worker, whose primary already ran the start-up recovery (a
 * worker must not close the imports its siblings are running).
 */
export async function startServer(
  config: Config,
  logger: Logger,
  options: { prepared?: boolean } = {},
): Promise<RunningServer> {
  const handle = await openConfiguredDatabase(config);
  if (!options.prepared) await prepare(handle, config, logger);
  readModelCache.bypass = answerCache.bypass = config.YUGANG_READ_MODEL_CACHE === 'off';
  let shuttingDown = false;
  const warmer = new DashboardWarmer(handle, undefined, (message) => logger.warn(message));
  // Warms every workspace now and whenever its data changes, whichever process changed it.
  warmer.watch();
  const app = createApp({
    warmer,
    handle,
    config,
    logger,
    webDist: config.YUGANG_WEB_DIST ? path.resolve(config.YUGANG_WEB_DIST) : defaultWebDist,
    isShuttingDown: () => shuttingDown,
  });
  // While draining, health answers 503 (so a balancer stops sending), requests already
  // running finish, new ones get 503 shutting_down, and every answer closes its connection.
  let inFlight = 0;
  let drained: (() => void) | undefined;
  const server: Server = createServer((req, res) => {
    if (shuttingDown) {
      res.setHeader('Connection', 'close');
      if (!req.url?.startsWith('/api/v1/health')) {
        res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '5' });
        res.end(
          JSON.stringify({
            error: {
              code: 'shutting_down',
              message: 'the server is restarting; try again shortly · 服务正在重启,请稍后重试',
            },
          }),
        );
        return;
      }
    }
    inFlight += 1;
    res.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) drained?.();
    });
    app(req, res);
  });
  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  let closing: Promise<void> | undefined;
  return {
    url: `http://localhost:${port}`,
    close() {
      closing ??= (async () => {
        shuttingDown = true;
        server.closeIdleConnections();
        let timer: NodeJS.Timeout | undefined;
        const outcome = await Promise.race([
          new Promise<'drained'>((resolve) => {
            drained = () => resolve('drained');
            if (inFlight === 0) resolve('drained');
          }),
          new Promise<'timeout'>((resolve) => {
            timer = setTimeout(() => resolve('timeout'), config.SHUTDOWN_TIMEOUT_MS);
          }),
        ]);
        clearTimeout(timer);
        if (outcome === 'timeout') {
          logger.warn(
            { timeoutMs: config.SHUTDOWN_TIMEOUT_MS, inFlight },
            'requests still running at the shutdown deadline: their connections are cut',
          );
        }
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await closed;
        // A warm-up at millions of customers can run for minutes: it gets the same deadline,
        // then the database closes under it (its queries fail; a stopped warmer logs nothing).
        let warmTimer: NodeJS.Timeout | undefined;
        await Promise.race([
          warmer.stop(),
          new Promise((resolve) => (warmTimer = setTimeout(resolve, config.SHUTDOWN_TIMEOUT_MS))),
        ]);
        clearTimeout(warmTimer);
        await handle.close();
      })();
      return closing;
    },
  };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL, pretty: wantsPretty(config.NODE_ENV) });
  process.on('unhandledRejection', (reason) => {
    handleError(reason, logger, { source: 'unhandledRejection' });
  });
  process.on('uncaughtException', (error) => {
    // The process state is unknown after an uncaught throw: log it once and stop.
    handleError(error, logger, { source: 'uncaughtException' });
    process.exit(1);
  });
  // Signals are handled from the first moment: a SIGTERM during start-up (migrations, the demo
  // load) lets the start finish its transaction, then stops cleanly.
  const state: { running?: RunningServer; signal?: string } = {};
  const stop = (signal: string) => {
    if (state.signal) {
      // A second Ctrl-C: the operator does not want to wait for the drain.
      logger.warn(`${signal} again: exiting without waiting`);
      process.exit(130);
    }
    state.signal = signal;
    if (state.running) void drainAndExit(state.running, signal, logger);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  // A cluster worker stops on its primary's SIGTERM; Ctrl-C reaches the whole process group.
  process.on('SIGINT', () => (cluster.isWorker ? undefined : stop('SIGINT')));
  if (cluster.isPrimary && config.WEB_CONCURRENCY > 1) {
    if (config.DATABASE_URL) return runPrimary(config, logger);
    logger.warn('WEB_CONCURRENCY needs PostgreSQL (PGlite is one process): running one process');
  }
  const running = await startServer(config, logger, { prepared: cluster.isWorker });
  state.running = running;
  logger.info(
    cluster.isWorker ? { pid: process.pid } : {},
    `Yugang 鱼缸 is running at ${running.url} (database: ${config.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`,
  );
  if (config.YUGANG_DEMO === 'auto') {
    logger.info(
      `Demo login 演示账号: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password} (workspace: demo)`,
    );
  }
  if (state.signal) await drainAndExit(running, state.signal, logger);
}

/**
 * node:cluster: the primary prepares the database once, then forks WEB_CONCURRENCY workers that
 * share the port; a worker that dies is replaced; SIGTERM/SIGINT drain every worker, then exit.
 */
async function runPrimary(config: Config, logger: Logger): Promise<void> {
  const handle = await openConfiguredDatabase(config);
  try {
    await prepare(handle, config, logger);
  } finally {
    await handle.close();
  }
  let stopping = false;
  const fork = () => cluster.fork();
  for (let i = 0; i < config.WEB_CONCURRENCY; i++) fork();
  // A worker that keeps dying (the database gone for good, a bad release) is not restarted
  // forever: more than 10 deaths within a minute stop the primary with exit 1.
  const deaths: number[] = [];
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    const now = Date.now();
    deaths.push(now);
    while (deaths.length > 0 && deaths[0]! < now - 60_000) deaths.shift();
    if (deaths.length > 10) {
      logger.error('server processes keep stopping: giving up');
      stopping = true;
      process.exitCode = 1;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM');
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(1);
      return;
    }
    logger.warn(
      { pid: worker.process.pid, code, signal },
      'a server process stopped: starting another',
    );
    fork();
  });
  const stopAll = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: stopping ${config.WEB_CONCURRENCY} server processes`);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };
  process.removeAllListeners('SIGTERM');
  process.removeAllListeners('SIGINT');
  process.on('SIGTERM', () => stopAll('SIGTERM'));
  process.on('SIGINT', () => stopAll('SIGINT'));
  logger.info(`starting ${config.WEB_CONCURRENCY} server processes on port ${config.PORT}`);
}

async function drainAndExit(running: RunningServer, signal: string, logger: Logger) {
  logger.info(`${signal}: draining requests, then closing the database`);
  try {
    await running.close();
    logger.info('stopped');
    process.exit(0);
  } catch (error) {
    handleError(error, logger, { source: 'shutdown' });
    process.exit(1);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
