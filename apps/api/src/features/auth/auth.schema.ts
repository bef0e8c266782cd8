import { z } from 'zod';
import { slug } from '../../http/schemas.js';

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
