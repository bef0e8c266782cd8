import { z } from 'zod';
import { defineRoute } from './route.js';
import { slug } from './common.js';

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(320)
  .meta({ example: 'lead@brand.cn' });
export const MIN_PASSWORD_LENGTH = 8;
export const newPassword = z.string().min(MIN_PASSWORD_LENGTH).max(200);

export const loginBody = z.object({ email, password: z.string().min(1).max(1000) });

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(1000),
  newPassword,
});

export const userSummary = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string().nullable(),
});

export const loginResponse = z.object({ user: userSummary });

export const meResponse = z.object({
  /** null when the caller is an API key. */
  user: userSummary.nullable(),
  apiKey: z.object({ id: z.number().int(), prefix: z.string(), name: z.string() }).nullable(),
  memberships: z.array(
    z.object({
      slug,
      name: z.string(),
      timeZone: z.string(),
      role: z.enum(['owner', 'lead', 'viewer']),
    }),
  ),
});
export type Me = z.infer<typeof meResponse>;

export const authContract = {
  login: defineRoute({
    method: 'post',
    path: '/auth/login',
    access: 'public',
    summary: 'Sign in with email and password; sets the session cookie',
    description:
      'Sets `yg_session` (httpOnly, SameSite=Lax, Secure over https) for 14 days. Unknown email and wrong password give the same 401. After 10 failures for one IP and email (or 100 for one IP) within 15 minutes: 429 with Retry-After.',
    body: loginBody,
    response: loginResponse,
    errors: { 429: 'Too many failed attempts; see the Retry-After header' },
  }),
  logout: defineRoute({
    method: 'post',
    path: '/auth/logout',
    access: 'public',
    summary: 'Sign out: ends the session and clears the cookie',
  }),
  me: defineRoute({
    method: 'get',
    path: '/me',
    access: 'authenticated',
    summary: 'The caller and the workspaces they can open',
    tags: ['auth'],
    response: meResponse,
  }),
  changePassword: defineRoute({
    method: 'post',
    path: '/auth/password',
    access: 'authenticated',
    summary: 'Change your password (session only); ends your other sessions',
    body: changePasswordBody,
  }),
};
