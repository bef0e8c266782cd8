import type { ErrorRequestHandler, Request, Response } from 'express';
import { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import { createLogger, type Logger } from '../lib/logger.js';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** Seconds a client should wait before retrying while the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

// Connection-level faults (the server is down, restarting, or dropped our connection): the
// request was fine and will succeed once the database is back, so they answer 503, not 500.
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01', // admin_shutdown (pg_terminate_backend, a fast shutdown)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up)
  '53300', // too_many_connections
]);
const CONNECTION_MESSAGES =
  /Connection terminated|connection error|not queryable|timeout exceeded when trying to connect|Connection ended|terminating connection|not currently accepting connections|the database system is (starting up|shutting down|in recovery mode)/i;

/** True when `error` says the database could not be reached, not that the query was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = String((error as { code?: unknown }).code ?? '');
  if (CONNECTION_CODES.has(code) || code.startsWith('08')) return true;
  if (error instanceof AppError) return false;
  if (CONNECTION_MESSAGES.test(error.message)) return true;
  const cause = (error as { cause?: unknown }).cause;
  return cause !== undefined && cause !== error && isDatabaseUnavailable(cause);
}

/** Maps any error to a status and `{ error: { code, message, details? } }`; never a stack or SQL. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.details !== undefined) body.error.details = error.details;
    return { status: error.status, body };
  }
  if (error instanceof z.ZodError) {
    return {
      status: 400,
      body: {
        error: {
          code: 'invalid_request',
          message: 'the request is not valid',
          details: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        },
      },
    };
  }
  if (isDatabaseUnavailable(error)) {
    return {
      status: 503,
      body: {
        error: {
          code: 'database_unavailable',
          message: 'the database cannot be reached; try again shortly',
          details: { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS },
        },
      },
    };
  }
  // body-parser and friends mark client errors with a status and a type.
  const status = (error as { status?: unknown })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const type = String((error as { type?: unknown }).type ?? 'bad_request');
    const code =
      type === 'entity.too.large'
        ? 'payload_too_large'
        : type === 'entity.parse.failed'
          ? 'invalid_json'
          : 'bad_request';
    const message =
      code === 'invalid_json' ? 'the request body is not valid JSON' : (error as Error).message;
    return { status, body: { error: { code, message } } };
  }
  return { status: 500, body: { error: { code: 'internal', message: 'internal server error' } } };
}

export interface HandledError {
  status: number;
  body: ErrorBody;
}

/**
 * The one place an error is judged. In a request, the error rides on the request's log line
 * (see request-log.ts: one line per request, at error level for a 5xx); outside a request
 * (unhandledRejection, uncaughtException, background work) it is logged here as one line.
 */
export function handleError(
  error: unknown,
  logger: Logger,
  context: { res?: Response; source?: string } = {},
): HandledError {
  const handled = toErrorResponse(error);
  if (context.res?.locals.requestLogged) {
    if (handled.status >= 500) context.res.locals.error = error;
  } else if (handled.status >= 500) {
    logger.error({ err: error, source: context.source }, errorMessage(error));
  }
  return handled;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The Express error middleware: answers the error body with Retry-After where it applies. */
export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, _req: Request, res, _next) => {
    const { status, body } = handleError(error, logger, { res });
    const retryAfter = (body.error.details as { retryAfterSeconds?: unknown } | undefined)
      ?.retryAfterSeconds;
    if ((status === 429 || status === 503) && typeof retryAfter === 'number') {
      res.setHeader('Retry-After', String(retryAfter));
    }
    if (res.headersSent) {
      // A streamed answer broke half-way: all we can do is cut it.
      res.destroy();
      return;
    }
    res.status(status).json(body);
  };
}

/** For apps built without a logger (tests of one router): 5xx go to stderr as JSON lines. */
export const errorHandler: ErrorRequestHandler = createErrorHandler(
  createLogger({ level: 'error', stream: process.stderr }),
);
