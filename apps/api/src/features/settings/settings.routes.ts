import { settingsContract } from '@yugang/contract';
import { implement, type RouteDefinition } from '../../http/route.js';
import { settingsView, updateSettings } from './settings.service.js';

export const settingsRoutes: RouteDefinition[] = [
  implement(settingsContract.get, ({ workspace }) => settingsView(workspace)),
  implement(settingsContract.update, async ({ db, workspace, body, actor }) =>
    settingsView(await updateSettings(db, workspace, body, actor)),
  ),
];
