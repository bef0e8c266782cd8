import { authContract } from '@yugang/contract';
import type { Request, Response } from 'express';
import { AppError } from '../../errors/app-error.js';
import { implement, type RouteDefinition } from '../../http/route.js';
import { authenticateUser, changePassword, describeCaller } from './auth.service.js';
import { AttemptLimiter } from './rate-limit.js';
import { createSession, deleteSession, readCookie, SESSION_COOKIE } from './sessions.js';

function setSessionCookie(req: Request, res: Response, token: string, expires: Date): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: req.secure,
    path: '/',
    expires,
  });
}

export interface LoginLimits {
  /** Failures per IP + email (default 10 per 15 minutes): stops guessing one password. */
  perEmail?: AttemptLimiter;
  /** Failures per IP over all emails (default 100 per 15 minutes): slows password spraying. */
  perIp?: AttemptLimiter;
}

/** Auth routes; each app gets its own in-memory login limiters. */
export function authRoutes({
  perEmail = new AttemptLimiter(10, 15 * 60_000),
  perIp = new AttemptLimiter(100, 15 * 60_000),
}: LoginLimits = {}): RouteDefinition[] {
  return [
    implement(authContract.login, async ({ body, db, req, res }) => {
      const ip = req.ip ?? '';
      const key = `${ip}|${body.email}`;
      perIp.check(ip);
      perEmail.check(key);
      let user;
      try {
        user = await authenticateUser(db, body.email, body.password);
      } catch (error) {
        perIp.fail(ip);
        perEmail.fail(key);
        throw error;
      }
      perEmail.succeed(key);
      const session = await createSession(db, user.id);
      setSessionCookie(req, res, session.token, session.expiresAt);
      return { user };
    }),
    implement(authContract.logout, async ({ db, req, res }) => {
      const token = readCookie(req.headers.cookie, SESSION_COOKIE);
      if (token) await deleteSession(db, token);
      res.clearCookie(SESSION_COOKIE, {
        httpOnly: true,
        sameSite: 'lax',
        secure: req.secure,
        path: '/',
      });
    }),
    implement(authContract.me, ({ db, principal }) => describeCaller(db, principal)),
    implement(authContract.changePassword, async ({ db, principal, body }) => {
      if (principal.kind !== 'user') {
        throw new AppError(403, 'session_required', 'sign in as a user to change a password');
      }
      await changePassword(db, {
        userId: principal.userId,
        currentPassword: body.currentPassword,
        newPassword: body.newPassword,
        keepSession: principal.sessionToken,
      });
    }),
  ];
}
