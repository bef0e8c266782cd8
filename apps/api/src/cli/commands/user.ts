import { parseArgs } from 'node:util';
import type { DatabaseHandle } from '../../db/database.js';
import type { Role } from '../../db/schema.js';
import { addMember } from '../../features/members/add-member.js';
import { getWorkspace } from '../../features/workspaces/workspaces.service.js';
import { generatePassword } from '../../lib/password.js';
import { UsageError } from '../context.js';

export const usage =
  'yg user create <email> --workspace <slug> --role owner|lead|viewer [--password <pw>]';

export async function run(args: string[], handle: DatabaseHandle): Promise<void> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      workspace: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
    },
  });
  const [action, email] = positionals;
  if (action !== 'create' || !email || !values.workspace || !values.role)
    throw new UsageError(usage);
  const workspace = await getWorkspace(handle.db, values.workspace);
  const password = values.password ?? generatePassword();
  const { created, email: normalised } = await addMember(handle.db, {
    email,
    password,
    workspaceId: workspace.id,
    role: values.role as Role,
    name: values.name,
  });
  if (!created) {
    console.log(
      `${normalised} already exists: role in ${workspace.slug} set to ${values.role}; password unchanged`,
    );
  } else if (values.password) {
    console.log(`user ${normalised} created as ${values.role} of ${workspace.slug}`);
  } else {
    console.log(
      `user ${normalised} created as ${values.role} of ${workspace.slug}; password: ${password}`,
    );
  }
}
