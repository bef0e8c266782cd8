import { z } from 'zod';
import { email, newPassword } from '../auth/auth.schema.js';

export const role = z.enum(['owner', 'lead', 'viewer']);

export const member = z.object({
  userId: z.number().int(),
  email: z.string(),
  name: z.string().nullable(),
  role,
  createdAt: z.iso.datetime(),
});
export type Member = z.infer<typeof member>;

export const membersResponse = z.object({ members: z.array(member) });

export const addMemberBody = z.strictObject({
  email,
  role,
  name: z.string().trim().min(1).max(100).optional(),
  /** Only used when the email has no account yet; generated (and returned once) if left out. */
  password: newPassword.optional(),
});

export const addMemberResponse = z.object({
  member,
  /** Set only when a new account was created without a password: shown once. */
  generatedPassword: z.string().nullable(),
});

export const updateMemberBody = z.strictObject({ role });
