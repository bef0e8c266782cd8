import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/lib/logger.js';

export interface CapturedLogger {
  logger: Logger;
  /** Every JSON line written so far, parsed. */
  lines: Record<string, unknown>[];
}

/** A real pino logger whose lines land in an array. */
export function captureLogger(level: 'info' | 'warn' = 'info'): CapturedLogger {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { logger: createLogger({ level, stream }), lines };
}

/** Waits until `predicate` holds (log lines are written when the response has finished). */
export async function eventually(predicate: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
