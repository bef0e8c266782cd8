import { riskContract } from '@yugang/contract';
import { implement, type RouteDefinition } from '../../http/route.js';
import { checkText, risk } from './risk.service.js';

export function riskRoutes(): RouteDefinition[] {
  return [
    implement(riskContract.get, ({ db, workspace, window }) => risk(db, workspace, window)),
    implement(riskContract.checkText, ({ workspace, body }) => checkText(workspace, body.text)),
  ];
}
