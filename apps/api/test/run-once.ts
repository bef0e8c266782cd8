import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';

/**
 * Something every test file of a run can share, made by the first file that asks (a migrated
 * template database, the built web app): test files run in several worker processes at once,
 * so the first to take the lock file builds into `runDir/<name>` while the others wait for its
 * `.done` marker. A build that throws releases the lock, and the next file to ask starts over.
 */
export async function oncePerRun(
  name: string,
  build: (target: string) => Promise<void>,
): Promise<string> {
  const target = path.join(runDir(), name);
  const done = `${target}.done`;
  const lock = `${target}.building`;
  for (;;) {
    if (existsSync(done)) return target;
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A worker that died while building (killed, out of memory) leaves its lock behind.
      if (!builderAlive(lock)) rmSync(lock, { force: true });
      await sleep(200);
      continue;
    }
    try {
      if (!existsSync(done)) {
        rmSync(target, { recursive: true, force: true });
        await build(target);
        writeFileSync(done, '');
      }
      return target;
    } finally {
      rmSync(lock, { force: true });
    }
  }
}

function builderAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(lock, 'utf8'));
  } catch {
    return true; // gone already, or being written: look again
  }
  if (!pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The run's shared folder, made by test/global-setup.ts. */
function runDir(): string {
  const dir = inject('runDir');
  if (!dir)
    throw new Error('no run folder: run the api tests through vitest (see test/global-setup.ts)');
  return dir;
}
