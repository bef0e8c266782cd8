import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from '../lib/logger.js';

const REQUEST_ID = /^[\w.:@/+=-]{1,128}$/;

/** The caller's X-Request-Id when it is a sane token, else a fresh UUID. */
export function requestIdOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID.test(value) ? value : randomUUID();
}

/**
 * One log line per request when its answer is done (or the connection closed first): method,
 * route pattern, status, milliseconds, workspace slug and request id. A 5xx carries its error
 * (set by handleError) at error level; a request slower than `slowMs` is a warning.
 */
export function requestLog(logger: Logger, slowMs: number): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdOf(req.headers['x-request-id']);
    res.locals.requestId = requestId;
    res.locals.requestLogged = true;
    res.setHeader('X-Request-Id', requestId);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const status = res.writableFinished ? res.statusCode : 499;
      const line: Record<string, unknown> = {
        requestId,
        method: req.method,
        route: routeOf(req, res),
        status,
        ms: Math.round(ms * 10) / 10,
      };
      const workspace = workspaceOf(req, res);
      if (workspace) line.workspace = workspace;
      const error = res.locals.error as unknown;
      if (error !== undefined && status === 503) {
        // The database is away: expected in an outage, one short line each, no stack.
        line.reason = error instanceof Error ? error.message : String(error);
        logger.warn(line, 'database unavailable');
      } else if (error !== undefined) {
        line.err = error;
        logger.error(line, 'request failed');
      } else if (ms > slowMs) {
        line.slow = true;
        logger.warn(line, 'slow request');
      } else {
        logger.info(line, 'request');
      }
    };
    res.once('finish', finish);
    res.once('close', finish);
    next();
  };
}

// The matched pattern (`/api/v1/workspaces/:ws/metrics/summary`), never the raw path with its
// ids; requests no route matched are logged by their static/fallback kind.
function routeOf(req: Request, res: Response): string {
  const pattern = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof pattern === 'string') return `${req.baseUrl}${pattern}`;
  if (res.locals.routePattern) return String(res.locals.routePattern);
  return req.originalUrl.startsWith('/api') ? '(no route)' : '(static)';
}

function workspaceOf(req: Request, res: Response): string | undefined {
  const resolved = (res.locals.yugang as { workspace?: { slug?: string } } | undefined)?.workspace;
  if (resolved?.slug) return resolved.slug;
  const ws = (req.params as Record<string, unknown> | undefined)?.ws;
  return typeof ws === 'string' ? ws : undefined;
}
