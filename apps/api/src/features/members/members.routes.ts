import { membersContract } from '@yugang/contract';
import { implement, type RouteDefinition } from '../../http/route.js';
import { changeRole, inviteMember, listMembers, removeMember } from './members.service.js';

export const membersRoutes: RouteDefinition[] = [
  implement(membersContract.list, async ({ db, workspace }) => ({
    members: await listMembers(db, workspace.id),
  })),
  implement(membersContract.add, ({ db, workspace, body, actor }) =>
    inviteMember(db, workspace.id, body, actor),
  ),
  implement(membersContract.update, ({ db, workspace, params, body, actor }) =>
    changeRole(db, workspace.id, params.userId, body.role, actor),
  ),
  implement(membersContract.remove, ({ db, workspace, params, actor }) =>
    removeMember(db, workspace.id, params.userId, actor),
  ),
];
