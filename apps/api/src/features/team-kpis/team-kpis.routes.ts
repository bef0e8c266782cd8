import { teamKpisContract } from '@yugang/contract';
import { implement, type RouteDefinition } from '../../http/route.js';
import { cachedTeamKpis } from './team-kpis.service.js';

export function teamKpisRoutes(): RouteDefinition[] {
  return [
    implement(teamKpisContract.get, ({ db, workspace, window }) =>
      cachedTeamKpis(db, workspace, window),
    ),
  ];
}
