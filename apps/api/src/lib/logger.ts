import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

export interface LoggerOptions {
  level?: LevelWithSilent;
  /** Where lines go (tests capture them); default stdout. */
  stream?: DestinationStream;
  /** Human-readable lines: only outside production, on a terminal, when pino-pretty is installed. */
  pretty?: boolean;
}

/** One JSON line per event (pino); pretty-printed for a developer at a terminal. */
export function createLogger({
  level = 'info',
  stream,
  pretty = false,
}: LoggerOptions = {}): Logger {
  const options = { level, base: undefined, messageKey: 'msg' };
  if (!stream && pretty) {
    const prettyStream = loadPretty();
    if (prettyStream) return pino(options, prettyStream);
  }
  return pino(options, stream ?? pino.destination({ dest: 1, sync: true }));
}

/** Pretty lines when NODE_ENV is not production and stdout is a terminal. */
export function wantsPretty(nodeEnv: string): boolean {
  return nodeEnv !== 'production' && process.stdout.isTTY === true;
}

// pino-pretty is a dev dependency, loaded only when wanted: a production install lacks it.
function loadPretty(): DestinationStream | undefined {
  try {
    const require = createRequire(import.meta.url);
    const pretty = require('pino-pretty') as (o: object) => DestinationStream;
    return pretty({ sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
  } catch {
    return undefined;
  }
}

/** A logger that writes nothing (benches, scripts). */
export const silentLogger: Logger = pino({ level: 'silent' });
