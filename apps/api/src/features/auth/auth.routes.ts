import { authContract } from '@yugang/contract';
import type { Request, Response } from 'express';
import { AppError } from '../../errors/app-error.js';
import { implement, type RouteDefinition } from '../../http/route.js';
import { authenticateUser, changePassword, describeCaller } from './auth.service.js';
import { auditLogin } from './login-audit.js';
import {
  checkLogin,
  LOGIN_LIMITS,
  recordLoginFailure,
  recordLoginSuccess,
  type LoginLimits,
} from './rate-limit.js';
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

/** Auth routes; the login limits live in the database (rate-limit.ts). */
export function authRoutes(limits: LoginLimits = LOGIN_LIMITS): RouteDefinition[] {
  return [
    implement(authContract.login, async ({ body, db, req, res }) => {
      const ip = req.ip ?? '';
      await checkLogin(db, ip, body.email, limits);
      let user;
      try {
        user = await authenticateUser(db, body.email, body.password);
      } catch (error) {
        // Only a wrong email or password counts (not, say, a database outage).
        if (error instanceof AppError && error.status === 401) {
          await recordLoginFailure(db, ip, body.email, limits);
          await auditLogin(db, { email: body.email, ip, succeeded: false });
        }
        throw error;
      }
      await recordLoginSuccess(db, ip, body.email, limits);
      await auditLogin(db, { email: body.email, ip, succeeded: true, userId: user.id });
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
