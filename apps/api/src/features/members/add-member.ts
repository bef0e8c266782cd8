import type { Kysely } from 'kysely';
import type { Database, Role } from '../../db/schema.js';
import { AppError } from '../../errors/app-error.js';
import { hashPassword } from '../../lib/password.js';

export const ROLES: readonly Role[] = ['owner', 'lead', 'viewer'];
const MIN_PASSWORD_LENGTH = 8;

export interface NewMember {
  email: string;
  password: string;
  workspaceId: number;
  role: Role;
  name?: string;
}

/**
 * Creates the user if the email is new (else keeps the existing password) and gives them the
 * role in the workspace, replacing any earlier role there.
 */
export async function addMember(
  db: Kysely<Database>,
  input: NewMember,
): Promise<{ userId: number; email: string; created: boolean }> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+$/.test(email))
    throw new AppError(400, 'invalid_email', `not an email address: ${input.email}`);
  if (!ROLES.includes(input.role))
    throw new AppError(400, 'invalid_role', `role must be one of ${ROLES.join(', ')}`);
  let user = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirst();
  const created = !user;
  if (!user) {
    if (input.password.length < MIN_PASSWORD_LENGTH) {
      throw new AppError(
        400,
        'weak_password',
        `password must have at least ${MIN_PASSWORD_LENGTH} characters`,
      );
    }
    user = await db
      .insertInto('users')
      .values({
        email,
        name: input.name ?? null,
        password_hash: await hashPassword(input.password),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  }
  await db
    .insertInto('memberships')
    .values({ workspace_id: input.workspaceId, user_id: user.id, role: input.role })
    .onConflict((oc) => oc.columns(['workspace_id', 'user_id']).doUpdateSet({ role: input.role }))
    .execute();
  return { userId: user.id, email, created };
}
