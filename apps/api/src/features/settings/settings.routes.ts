import { workspaceRoute, type RouteDefinition } from '../../http/route.js';
import { settingsPatchBody, settingsResponse } from './settings.schema.js';
import { settingsView, updateSettings } from './settings.service.js';

export const settingsRoutes: RouteDefinition[] = [
  workspaceRoute({
    method: 'get',
    path: '/workspaces/:ws/settings',
    summary: 'Workspace name, time zone, private launch date and settings (with defaults)',
    minRole: 'viewer',
    response: settingsResponse,
    handler: ({ workspace }) => settingsView(workspace),
  }),
  workspaceRoute({
    method: 'patch',
    path: '/workspaces/:ws/settings',
    summary: 'Change workspace settings (owner); nested tiers and risk merge field by field',
    description:
      'Changing the time zone, default margin or private share makes the read model rebuild on its next refresh.',
    minRole: 'owner',
    body: settingsPatchBody,
    response: settingsResponse,
    handler: async ({ db, workspace, body, actor }) =>
      settingsView(await updateSettings(db, workspace, body, actor)),
  }),
];
