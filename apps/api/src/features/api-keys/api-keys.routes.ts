import { notFound } from '../../errors/app-error.js';
import { workspaceRoute, type RouteDefinition } from '../../http/route.js';
import { idParam } from '../../http/schemas.js';
import { recordAudit } from '../audit/audit.service.js';
import { apiKeysResponse, createApiKeyBody, createdApiKeyResponse } from './api-keys.schema.js';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.service.js';

export const apiKeysRoutes: RouteDefinition[] = [
  workspaceRoute({
    method: 'get',
    path: '/workspaces/:ws/api-keys',
    summary: 'API keys of the workspace (prefix, name, read-only, created, last used, revoked)',
    minRole: 'owner',
    response: apiKeysResponse,
    handler: async ({ db, workspace }) => ({ apiKeys: await listApiKeys(db, workspace.id) }),
  }),
  workspaceRoute({
    method: 'post',
    path: '/workspaces/:ws/api-keys',
    summary: 'Create an API key; the key is returned once and only its hash is kept',
    minRole: 'owner',
    body: createApiKeyBody,
    response: createdApiKeyResponse,
    status: 201,
    handler: async ({ db, workspace, body, actor }) =>
      db.transaction().execute(async (trx) => {
        const created = await createApiKey(trx, {
          workspaceId: workspace.id,
          name: body.name,
          readOnly: body.readOnly,
          createdBy: actor.userId,
        });
        await recordAudit(trx, {
          workspaceId: workspace.id,
          actor,
          action: 'api_keys.create',
          target: created.prefix,
          details: { id: created.id, name: body.name, readOnly: body.readOnly },
        });
        const listed = (await listApiKeys(trx, workspace.id)).find((k) => k.id === created.id);
        if (!listed) throw new Error('created key not found');
        return { ...listed, key: created.key };
      }),
  }),
  workspaceRoute({
    method: 'delete',
    path: '/workspaces/:ws/api-keys/:keyId',
    summary: 'Revoke an API key (it answers 401 from then on)',
    minRole: 'owner',
    params: idParam('keyId'),
    handler: async ({ db, workspace, params, actor }) => {
      await db.transaction().execute(async (trx) => {
        const revoked = await revokeApiKey(trx, workspace.id, params.keyId);
        if (!revoked) throw notFound('API key');
        if (revoked.alreadyRevoked) return;
        await recordAudit(trx, {
          workspaceId: workspace.id,
          actor,
          action: 'api_keys.revoke',
          target: revoked.prefix,
          details: { id: params.keyId },
        });
      });
    },
  }),
];
