/**
 * One process at a time on a PGlite data folder. PGlite is Postgres compiled to run inside one
 * process, with no shared-memory locking between processes: two processes writing the same
 * folder corrupt it (seen: `pnpm yg` beside a running server left a folder neither could open).
 *
 * The lock is a file beside the folder (`<folder>.lock`, so a backup or restore of the folder
 * does not carry it) created exclusively (O_EXCL) and holding the owner's pid and the kernel's
 * start time of that pid. A lock whose pid is gone, or now belongs to a different process
 * (a reused pid has another start time), is stale: it is taken over, so a kill -9 never leaves
 * the folder locked.
 */
import { closeSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

export interface LockOwner {
  pid: number;
  /** Kernel start time of the pid (Linux /proc), to tell a reused pid from the owner. */
  startTime: string | null;
  host: string;
  command: string;
  since: string;
}

export class DataFolderLockedError extends Error {
  constructor(
    readonly folder: string,
    readonly owner: LockOwner,
  ) {
    super(
      `the data folder ${folder} is in use by process ${owner.pid} (${owner.command}, since ${owner.since}). ` +
        'Only one process may open an embedded database: stop the server first (Ctrl-C), then run this again. ' +
        `数据目录 ${folder} 正被进程 ${owner.pid} 使用;嵌入式数据库同一时间只能由一个进程打开,请先停止服务器再运行此命令。`,
    );
    this.name = 'DataFolderLockedError';
  }
}

export interface FolderLock {
  readonly path: string;
  release(): void;
}

export function lockPathOf(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

/** Takes the folder's lock or throws DataFolderLockedError naming the live owner. */
export function acquireFolderLock(dataDir: string, command = describeCommand()): FolderLock {
  const lockPath = lockPathOf(dataDir);
  const me: LockOwner = {
    pid: process.pid,
    startTime: startTimeOf(process.pid),
    host: hostname(),
    command,
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      return ownedLock(lockPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(lockPath);
    if (owner && isLive(owner)) throw new DataFolderLockedError(path.resolve(dataDir), owner);
    // Stale (or unreadable: a writer died between create and write). Move it aside atomically,
    // so of two processes taking over the same stale lock only one rename succeeds.
    try {
      renameSync(lockPath, `${lockPath}.stale-${process.pid}`);
      unlinkSync(`${lockPath}.stale-${process.pid}`);
    } catch {
      // another process took it over first: loop and look again
    }
  }
  throw new Error(`could not take the lock ${lockPath}`);
}

function ownedLock(lockPath: string): FolderLock {
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    try {
      if (readOwner(lockPath)?.pid === process.pid) unlinkSync(lockPath);
    } catch {
      // already gone
    }
  };
  // A normal exit (including process.exit in a signal handler) releases it too.
  process.on('exit', release);
  return { path: lockPath, release };
}

export function readOwner(lockPath: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(lockPath, 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}

// The pid and its start time decide, not the host name: a container recreated on the same volume
// has a new host name, and is often pid 1 again (the start time tells it from its predecessor).
function isLive(owner: LockOwner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const now = startTimeOf(owner.pid);
  return owner.startTime === null || now === null || now === owner.startTime;
}

/** Field 22 of /proc/<pid>/stat: the process start time in clock ticks since boot. */
function startTimeOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function describeCommand(): string {
  const script = process.argv[1] ? path.basename(process.argv[1]) : 'node';
  return script.startsWith('yg')
    ? `yg ${process.argv.slice(2, 4).join(' ')}`.trim()
    : `server (${script})`;
}
