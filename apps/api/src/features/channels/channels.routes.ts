import { channelsContract } from '@yugang/contract';
import { implement, type RouteDefinition } from '../../http/route.js';
import { listChannels } from './channels.service.js';

export function channelsRoutes(): RouteDefinition[] {
  return [implement(channelsContract.list, ({ db, workspace }) => listChannels(db, workspace.id))];
}
