import type { Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import { DEMO_LOGIN, ensureDemoWorkspace } from './bootstrap.js';
import { openConfiguredDatabase } from './cli/context.js';
import { loadConfig, type Config } from './config.js';
import { DashboardWarmer } from './features/warm-up/dashboard-warmer.js';

const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(config: Config): Promise<RunningServer> {
  const handle = await openConfiguredDatabase(config);
  if (config.YUGANG_DEMO === 'auto') await ensureDemoWorkspace(handle, console.log);
  let shuttingDown = false;
  const warmer = new DashboardWarmer(handle);
  const app = createApp({
    warmer,
    handle,
    webDist: config.YUGANG_WEB_DIST ? path.resolve(config.YUGANG_WEB_DIST) : defaultWebDist,
    isShuttingDown: () => shuttingDown,
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(config.PORT, config.HOST, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  return {
    url: `http://localhost:${port}`,
    async close() {
      shuttingDown = true;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await warmer.stop();
      await handle.close();
    },
  };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const running = await startServer(config);
  console.log(
    `Yugang 鱼缸 is running at ${running.url} (database: ${config.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`,
  );
  if (config.YUGANG_DEMO === 'auto') {
    console.log(
      `Demo login 演示账号: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password} (workspace: demo)`,
    );
  }
  const stop = async (signal: string) => {
    console.log(`${signal}: draining and closing the database`);
    await running.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
