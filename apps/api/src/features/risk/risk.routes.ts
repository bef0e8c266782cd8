import { workspaceRoute, type RouteDefinition } from '../../http/route.js';
import { resolveDateRange } from '../../http/schemas.js';
import { checkTextBody, checkTextResponse, riskQuery, riskResponse } from './risk.schema.js';
import { checkText, risk } from './risk.service.js';

export function riskRoutes(): RouteDefinition[] {
  return [
    workspaceRoute({
      method: 'get',
      path: '/workspaces/:ws/risk',
      summary: 'Account risk: alerts by account and day, monthly compliance, backup coverage',
      description:
        'METRICS §6 with the workspace risk thresholds. Compliance is for the month holding the last day of the window.',
      minRole: 'viewer',
      query: riskQuery,
      response: riskResponse,
      handler: ({ db, workspace, query }) =>
        risk(db, workspace, resolveDateRange(query, workspace.time_zone)),
    }),
    workspaceRoute({
      method: 'post',
      path: '/workspaces/:ws/risk/check-text',
      summary: 'Check an outgoing text against the workspace sensitive words',
      description:
        'Read-only in effect (nothing is stored), so any member may call it, viewers and read-only keys included: the staff who write mass-send texts are often viewers.',
      minRole: 'viewer',
      body: checkTextBody,
      response: checkTextResponse,
      handler: ({ workspace, body }) => checkText(workspace, body.text),
    }),
  ];
}
