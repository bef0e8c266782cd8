import type { RequestHandler } from 'express';
import { AppError } from '../errors/app-error.js';

/** The longest string accepted in a path segment, query value or JSON string. */
export const MAX_STRING_LENGTH = 10_000;
/** Deeper JSON than this is no request of ours. */
export const MAX_JSON_DEPTH = 64;

// A NUL byte (Postgres text refuses it: it would surface as a 500) or a UTF-16 surrogate
// without its partner (not encodable as UTF-8: Postgres refuses it too). isWellFormed is
// ES2024 (Node 20 has it; the TypeScript lib here is ES2023).
const wellFormed = (value: string) =>
  (value as string & { isWellFormed(): boolean }).isWellFormed();

/** Why a string is refused, or undefined when it is fine. */
export function badString(value: string): string | undefined {
  if (value.length > MAX_STRING_LENGTH) return `longer than ${MAX_STRING_LENGTH} characters`;
  if (value.includes('\u0000') || !wellFormed(value))
    return 'contains a NUL byte or an unpaired surrogate';
  return undefined;
}

/** The first refused value in a parsed JSON or query tree: `[path, reason]`. */
export function findBadValue(root: unknown, where: string): [string, string] | undefined {
  const stack: [unknown, string, number][] = [[root, where, 0]];
  while (stack.length > 0) {
    const [value, path, depth] = stack.pop()!;
    if (typeof value === 'string') {
      const reason = badString(value);
      if (reason) return [path, reason];
    } else if (value !== null && typeof value === 'object') {
      if (depth >= MAX_JSON_DEPTH) return [path, `nested deeper than ${MAX_JSON_DEPTH}`];
      for (const [key, child] of Object.entries(value)) {
        const reason = badString(key);
        if (reason) return [`${path}.${key.slice(0, 40)}`, `its name ${reason}`];
        stack.push([child, `${path}.${key.slice(0, 40)}`, depth + 1]);
      }
    }
  }
  return undefined;
}

const refuse = (path: string, reason: string) =>
  new AppError(400, 'invalid_request', `the request is not valid: ${path} ${reason}`, [
    { path, message: reason },
  ]);

/**
 * Refuses, with 400 invalid_request before any route runs, a request whose path segments,
 * query values or JSON strings carry a NUL byte, an unpaired surrogate or more than
 * MAX_STRING_LENGTH characters; a path with a broken %-escape is refused the same way.
 */
export function inputGuard(): RequestHandler {
  return (req, _res, next) => {
    for (const segment of req.path.split('/')) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        return next(refuse('path', 'has a malformed %-escape'));
      }
      const reason = badString(decoded);
      if (reason) return next(refuse('path', reason));
    }
    const bad = findBadValue(req.query, 'query') ?? findBadValue(req.body, 'body');
    if (bad) return next(refuse(...bad));
    next();
  };
}
