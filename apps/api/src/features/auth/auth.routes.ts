import type { Request, Response } from 'express';
import { AppError } from '../../errors/app-error.js';
import { authenticatedRoute, publicRoute, type RouteDefinition } from '../../http/route.js';
import { changePasswordBody, loginBody, loginResponse, meResponse } from './auth.schema.js';
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
    publicRoute({
      method: 'post',
      path: '/auth/login',
      summary: 'Sign in with email and password; sets the session cookie',
      description:
        'Sets `yg_session` (httpOnly, SameSite=Lax, Secure over https) for 14 days. Unknown email and wrong password give the same 401. After 10 failures for one IP and email (or 100 for one IP) within 15 minutes: 429 with Retry-After.',
      body: loginBody,
      response: loginResponse,
      errors: { 429: 'Too many failed attempts; see the Retry-After header' },
      handler: async ({ body, db, req, res }) => {
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
      },
    }),
    publicRoute({
      method: 'post',
      path: '/auth/logout',
      summary: 'Sign out: ends the session and clears the cookie',
      handler: async ({ db, req, res }) => {
        const token = readCookie(req.headers.cookie, SESSION_COOKIE);
        if (token) await deleteSession(db, token);
        res.clearCookie(SESSION_COOKIE, {
          httpOnly: true,
          sameSite: 'lax',
          secure: req.secure,
          path: '/',
        });
      },
    }),
    authenticatedRoute({
      method: 'get',
      path: '/me',
      summary: 'The caller and the workspaces they can open',
      tags: ['auth'],
      response: meResponse,
      handler: ({ db, principal }) => describeCaller(db, principal),
    }),
    authenticatedRoute({
      method: 'post',
      path: '/auth/password',
      summary: 'Change your password (session only); ends your other sessions',
      body: changePasswordBody,
      handler: async ({ db, principal, body }) => {
        if (principal.kind !== 'user') {
          throw new AppError(403, 'session_required', 'sign in as a user to change a password');
        }
        await changePassword(db, {
          userId: principal.userId,
          currentPassword: body.currentPassword,
          newPassword: body.newPassword,
          keepSession: principal.sessionToken,
        });
      },
    }),
  ];
}
