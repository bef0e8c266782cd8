import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { createProcessDatabase } from '../test-database.js';

const apiRoot = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

/** A data home for real processes: a PGlite folder, or a scratch database with TEST_DATABASE_URL. */
export interface DataHome {
  env: NodeJS.ProcessEnv;
  dataDir: string | undefined;
  /** Runs `yg …` as its own process; never throws on a non-zero exit. */
  yg(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  cleanup(): Promise<void>;
}

/** Migrated already (test-database.ts), unless `fresh`: then the first process migrates it. */
export async function createDataHome(options: { fresh?: boolean } = {}): Promise<DataHome> {
  const database = await createProcessDatabase(options);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    YUGANG_DEMO: 'off',
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    ...database.env,
  };
  const { dataDir, cleanup } = database;
  return {
    env,
    dataDir,
    async yg(...args) {
      try {
        const { stdout, stderr } = await run(
          process.execPath,
          [path.join(apiRoot, 'bin/yg.js'), ...args],
          { env, cwd: apiRoot },
        );
        return { code: 0, stdout, stderr };
      } catch (error) {
        const e = error as { code: number; stdout: string; stderr: string };
        return { code: e.code, stdout: e.stdout, stderr: e.stderr };
      }
    },
    cleanup,
  };
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Every JSON log line so far. */
  lines: Record<string, unknown>[];
  output(): string;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
}

/** Starts `src/server.ts` as a real process on a free port; resolves once it listens. */
export async function startServerProcess(
  env: NodeJS.ProcessEnv,
  timeoutMs = 90_000,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: apiRoot,
    env: { ...env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  let text = '';
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${text}`)), timeoutMs);
    createInterface({ input: child.stdout! }).on('line', (raw) => {
      text += `${raw}\n`;
      if (!raw.startsWith('{')) return;
      const line = JSON.parse(raw) as Record<string, unknown>;
      lines.push(line);
      const match = /running at (http:\/\/\S+)/.exec(String(line.msg ?? ''));
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!.replace('localhost', '127.0.0.1'));
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${text}`));
    });
  });
  return { child, url, lines, output: () => text, exited };
}
