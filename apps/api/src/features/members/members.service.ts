import type { Kysely } from 'kysely';
import type { Database, Role } from '../../db/schema.js';
import { AppError, conflict, notFound } from '../../errors/app-error.js';
import { generatePassword } from '../../lib/password.js';
import { audited, type AuditEntry } from '../../lib/audit.js';
import { addMember } from './add-member.js';
import type { Member } from '@yugang/contract';

type Actor = AuditEntry['actor'];

function memberQuery(db: Kysely<Database>, workspaceId: number) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.email', 'u.name', 'm.role', 'm.created_at'])
    .where('m.workspace_id', '=', workspaceId);
}

type MemberRow = {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  created_at: unknown;
};
const toMember = (r: MemberRow): Member => ({
  userId: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  createdAt: new Date(r.created_at as string | Date).toISOString(),
});

export async function listMembers(db: Kysely<Database>, workspaceId: number): Promise<Member[]> {
  const rows = await memberQuery(db, workspaceId).orderBy('u.email').execute();
  return rows.map(toMember);
}

async function findMember(db: Kysely<Database>, workspaceId: number, userId: number) {
  return memberQuery(db, workspaceId).where('m.user_id', '=', userId).executeTakeFirst();
}

/** Adds a user (created if the email is new) to the workspace; 409 if already a member. */
export async function inviteMember(
  db: Kysely<Database>,
  workspaceId: number,
  input: { email: string; role: Role; name?: string | undefined; password?: string | undefined },
  actor: Actor,
): Promise<{ member: Member; generatedPassword: string | null }> {
  const entry = { workspaceId, actor, action: 'members.add', target: input.email };
  return audited(db, entry, async (trx, note) => {
    const existing = await trx
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select('u.id')
      .where('m.workspace_id', '=', workspaceId)
      .where('u.email', '=', input.email)
      .executeTakeFirst();
    if (existing) throw conflict(`${input.email} is already a member; change the role instead`);
    const password = input.password ?? generatePassword();
    const { userId, created } = await addMember(trx, {
      email: input.email,
      password,
      workspaceId,
      role: input.role,
      ...(input.name ? { name: input.name } : {}),
    });
    note.details = { userId, role: input.role, newAccount: created };
    const row = await findMember(trx, workspaceId, userId);
    if (!row) throw new Error('member vanished');
    return {
      member: toMember(row),
      generatedPassword: created && input.password === undefined ? password : null,
    };
  });
}

async function assertNotLastOwner(
  trx: Kysely<Database>,
  workspaceId: number,
  userId: number,
): Promise<void> {
  // Lock the owners' rows so two owners cannot demote each other at the same time.
  const owners = await trx
    .selectFrom('memberships')
    .select('user_id')
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'owner')
    .forUpdate()
    .execute();
  if (owners.length === 1 && owners[0]?.user_id === userId) {
    throw new AppError(409, 'last_owner', 'a workspace keeps at least one owner');
  }
}

export async function changeRole(
  db: Kysely<Database>,
  workspaceId: number,
  userId: number,
  role: Role,
  actor: Actor,
): Promise<Member> {
  const entry = { workspaceId, actor, action: 'members.change_role' };
  return audited(db, entry, async (trx, note) => {
    const before = await findMember(trx, workspaceId, userId);
    if (!before) throw notFound('member');
    if (before.role === 'owner' && role !== 'owner') {
      await assertNotLastOwner(trx, workspaceId, userId);
    }
    await trx
      .updateTable('memberships')
      .set({ role })
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .execute();
    note.target = before.email;
    note.details = { userId, from: before.role, to: role };
    return toMember({ ...before, role });
  });
}

export async function removeMember(
  db: Kysely<Database>,
  workspaceId: number,
  userId: number,
  actor: Actor,
): Promise<void> {
  const entry = { workspaceId, actor, action: 'members.remove' };
  await audited(db, entry, async (trx, note) => {
    const before = await findMember(trx, workspaceId, userId);
    if (!before) throw notFound('member');
    if (before.role === 'owner') await assertNotLastOwner(trx, workspaceId, userId);
    await trx
      .deleteFrom('memberships')
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .execute();
    note.target = before.email;
    note.details = { userId, role: before.role };
  });
}
