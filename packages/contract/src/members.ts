import { z } from 'zod';
import { defineRoute } from './route.js';
import { idParam } from './common.js';

const memberParams = idParam('userId');
import { email, newPassword } from './auth.js';

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

export const membersContract = {
  list: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/members',
    access: 'owner',
    summary: 'Members of the workspace and their roles',
    response: membersResponse,
  }),
  add: defineRoute({
    method: 'post',
    path: '/workspaces/:ws/members',
    access: 'owner',
    summary: 'Add a member (creates the account if the email is new)',
    description:
      'An existing account keeps its password. A new account without `password` gets a generated one, returned once in `generatedPassword`.',
    body: addMemberBody,
    errors: { 409: 'The email is already a member' },
    response: addMemberResponse,
    status: 201,
  }),
  update: defineRoute({
    method: 'patch',
    path: '/workspaces/:ws/members/:userId',
    access: 'owner',
    summary: "Change a member's role (the last owner stays an owner)",
    params: memberParams,
    body: updateMemberBody,
    errors: { 409: 'The last owner cannot be demoted (code last_owner)' },
    response: member,
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/workspaces/:ws/members/:userId',
    access: 'owner',
    summary: 'Remove a member from the workspace (not the last owner)',
    errors: { 409: 'The last owner cannot be removed (code last_owner)' },
    params: memberParams,
  }),
};
