import type { Kysely } from 'kysely';
import type { Database, Workspace } from '../../db/schema.js';
import { AppError, conflict, notFound } from '../../errors/app-error.js';

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

export interface NewWorkspace {
  slug: string;
  name: string;
  timeZone?: string;
  privateLaunchedOn?: string | null;
}

export async function createWorkspace(
  db: Kysely<Database>,
  input: NewWorkspace,
): Promise<Workspace> {
  if (!SLUG.test(input.slug)) {
    throw new AppError(
      400,
      'invalid_slug',
      'slug must be lowercase letters, digits and dashes (max 63)',
    );
  }
  const timeZone = input.timeZone ?? 'Asia/Shanghai';
  if (!isTimeZone(timeZone))
    throw new AppError(400, 'invalid_time_zone', `unknown time zone ${timeZone}`);
  const existing = await findWorkspace(db, input.slug);
  if (existing) throw conflict(`workspace ${input.slug} already exists`);
  return db
    .insertInto('workspaces')
    .values({
      slug: input.slug,
      name: input.name,
      time_zone: timeZone,
      private_launched_on: input.privateLaunchedOn ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findWorkspace(db: Kysely<Database>, slug: string): Promise<Workspace | undefined> {
  return db.selectFrom('workspaces').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function getWorkspace(db: Kysely<Database>, slug: string): Promise<Workspace> {
  const workspace = await findWorkspace(db, slug);
  if (!workspace) throw notFound(`workspace ${slug}`);
  return workspace;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
