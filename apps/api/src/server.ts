import type { Server } from 'node:http';
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
import { loadConfig, type Config } from './config.js';
import { DashboardWarmer } from './features/warm-up/dashboard-warmer.js';
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

export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const handle = await openConfiguredDatabase(config);
  const interrupted = await closeInterruptedImports(handle.db);
  if (interrupted > 0)
    logger.warn({ imports: interrupted }, 'closed imports a stopped process left running');
  const removed = await removeStaleUploads();
  if (removed > 0)
    logger.warn({ files: removed }, 'removed upload temp files a stopped process left');
  if (config.YUGANG_DEMO === 'auto') {
    await ensureDemoWorkspace(handle, (line) => logger.info(line));
  }
  let shuttingDown = false;
  const warmer = new DashboardWarmer(handle, undefined, (message) => logger.warn(message));
  const app = createApp({
    warmer,
    handle,
    config,
    logger,
    webDist: config.YUGANG_WEB_DIST ? path.resolve(config.YUGANG_WEB_DIST) : defaultWebDist,
    isShuttingDown: () => shuttingDown,
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(config.PORT, config.HOST, () => resolve(s));
  });
  // While draining, every answer closes its connection, so keep-alive clients reconnect elsewhere.
  server.on('request', (_req, res) => {
    if (shuttingDown) res.setHeader('Connection', 'close');
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  let closing: Promise<void> | undefined;
  return {
    url: `http://localhost:${port}`,
    close() {
      closing ??= (async () => {
        shuttingDown = true;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const idle = setInterval(() => server.closeIdleConnections(), 100);
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), config.SHUTDOWN_TIMEOUT_MS);
        });
        const outcome = await Promise.race([closed.then(() => 'drained' as const), deadline]);
        clearInterval(idle);
        clearTimeout(timer);
        if (outcome === 'timeout') {
          logger.warn(
            { timeoutMs: config.SHUTDOWN_TIMEOUT_MS },
            'requests still running at the shutdown deadline: their connections are cut',
          );
          server.closeAllConnections();
          await closed;
        }
        await warmer.stop();
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
  const running = await startServer(config, logger);
  logger.info(
    `Yugang 鱼缸 is running at ${running.url} (database: ${config.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`,
  );
  if (config.YUGANG_DEMO === 'auto') {
    logger.info(
      `Demo login 演示账号: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password} (workspace: demo)`,
    );
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      // A second Ctrl-C: the operator does not want to wait for the drain.
      logger.warn(`${signal} again: exiting without waiting`);
      process.exit(130);
    }
    stopping = true;
    logger.info(`${signal}: draining requests, then closing the database`);
    running.close().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        handleError(error, logger, { source: 'shutdown' });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
