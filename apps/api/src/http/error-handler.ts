import type { ErrorRequestHandler } from 'express';
import { z } from 'zod';
import { AppError } from '../errors/app-error.js';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** Maps any error to `{ error: { code, message, details? } }`; never a stack trace. */
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
    return { status, body: { error: { code, message: (error as Error).message } } };
  }
  return { status: 500, body: { error: { code: 'internal', message: 'internal server error' } } };
}

export const errorHandler: ErrorRequestHandler = (error, _req, res, _next) => {
  const { status, body } = toErrorResponse(error);
  if (status >= 500) console.error(error);
  const retryAfter = (body.error.details as { retryAfterSeconds?: unknown } | undefined)
    ?.retryAfterSeconds;
  if (status === 429 && typeof retryAfter === 'number') {
    res.setHeader('Retry-After', String(retryAfter));
  }
  res.status(status).json(body);
};
