import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors/app-error.js';
import { hashPassword, verifyPassword } from '../../lib/password.js';
import type { Principal } from '../../http/access.js';
import type { Me } from '@yugang/contract';
import { deleteOtherSessions } from './sessions.js';

export const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', 'the email or the password is wrong');

// Verified against when the email is unknown, so both failures take the same time.
let decoyHash: Promise<string> | undefined;

/** The user for an email and password; unknown email and wrong password fail alike. */
export async function authenticateUser(
  db: Kysely<Database>,
  email: string,
  password: string,
): Promise<{ id: number; email: string; name: string | null }> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'password_hash'])
    .where('email', '=', email)
    .executeTakeFirst();
  if (!user) {
    decoyHash ??= hashPassword('not a real password');
    await verifyPassword(password, await decoyHash);
    throw invalidCredentials();
  }
  if (!(await verifyPassword(password, user.password_hash))) throw invalidCredentials();
  return { id: user.id, email: user.email, name: user.name };
}

/** Changes a user's password after checking the current one; ends their other sessions. */
export async function changePassword(
  db: Kysely<Database>,
  input: { userId: number; currentPassword: string; newPassword: string; keepSession?: string },
): Promise<void> {
  const user = await db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', input.userId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
    throw new AppError(400, 'wrong_password', 'the current password is wrong');
  }
  await db
    .updateTable('users')
    .set({ password_hash: await hashPassword(input.newPassword) })
    .where('id', '=', input.userId)
    .execute();
  await deleteOtherSessions(db, input.userId, input.keepSession);
}

/** Who the caller is and the workspaces they can open. */
export async function describeCaller(db: Kysely<Database>, principal: Principal): Promise<Me> {
  if (principal.kind === 'api_key') {
    const key = await db
      .selectFrom('api_keys as k')
      .innerJoin('workspaces as w', 'w.id', 'k.workspace_id')
      .select([
        'k.id',
        'k.prefix',
        'k.name',
        'k.read_only',
        'w.slug',
        'w.name as workspaceName',
        'w.time_zone',
      ])
      .where('k.workspace_id', '=', principal.workspaceId)
      .where('k.id', '=', principal.apiKeyId)
      .executeTakeFirstOrThrow();
    return {
      user: null,
      apiKey: { id: key.id, prefix: key.prefix, name: key.name },
      memberships: [
        {
          slug: key.slug,
          name: key.workspaceName,
          timeZone: key.time_zone,
          role: key.read_only ? 'viewer' : 'lead',
        },
      ],
    };
  }
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'name'])
    .where('id', '=', principal.userId)
    .executeTakeFirstOrThrow();
  const memberships = await db
    .selectFrom('memberships as m')
    .innerJoin('workspaces as w', 'w.id', 'm.workspace_id')
    .select(['w.slug', 'w.name', 'w.time_zone', 'm.role'])
    .where('m.user_id', '=', principal.userId)
    .orderBy('w.name')
    .execute();
  return {
    user,
    apiKey: null,
    memberships: memberships.map((m) => ({
      slug: m.slug,
      name: m.name,
      timeZone: m.time_zone,
      role: m.role,
    })),
  };
}
