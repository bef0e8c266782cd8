import { workspaceRoute, type RouteDefinition } from '../../http/route.js';
import { idParam } from '../../http/schemas.js';
import {
  addMemberBody,
  addMemberResponse,
  member,
  membersResponse,
  updateMemberBody,
} from './members.schema.js';
import { changeRole, inviteMember, listMembers, removeMember } from './members.service.js';

const memberParams = idParam('userId');

export const membersRoutes: RouteDefinition[] = [
  workspaceRoute({
    method: 'get',
    path: '/workspaces/:ws/members',
    summary: 'Members of the workspace and their roles',
    minRole: 'owner',
    response: membersResponse,
    handler: async ({ db, workspace }) => ({ members: await listMembers(db, workspace.id) }),
  }),
  workspaceRoute({
    method: 'post',
    path: '/workspaces/:ws/members',
    summary: 'Add a member (creates the account if the email is new)',
    description:
      'An existing account keeps its password. A new account without `password` gets a generated one, returned once in `generatedPassword`.',
    minRole: 'owner',
    body: addMemberBody,
    errors: { 409: 'The email is already a member' },
    response: addMemberResponse,
    status: 201,
    handler: ({ db, workspace, body, actor }) => inviteMember(db, workspace.id, body, actor),
  }),
  workspaceRoute({
    method: 'patch',
    path: '/workspaces/:ws/members/:userId',
    summary: "Change a member's role (the last owner stays an owner)",
    minRole: 'owner',
    params: memberParams,
    body: updateMemberBody,
    errors: { 409: 'The last owner cannot be demoted (code last_owner)' },
    response: member,
    handler: ({ db, workspace, params, body, actor }) =>
      changeRole(db, workspace.id, params.userId, body.role, actor),
  }),
  workspaceRoute({
    method: 'delete',
    path: '/workspaces/:ws/members/:userId',
    summary: 'Remove a member from the workspace (not the last owner)',
    minRole: 'owner',
    errors: { 409: 'The last owner cannot be removed (code last_owner)' },
    params: memberParams,
    handler: ({ db, workspace, params, actor }) =>
      removeMember(db, workspace.id, params.userId, actor),
  }),
];
