import { z } from 'zod';
import { defineRoute } from './route.js';
import { idParam } from './common.js';

export const apiKey = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string().describe('the first characters of the key, to recognise it'),
  readOnly: z.boolean(),
  createdAt: z.iso.datetime(),
  createdBy: z.string().nullable().describe('email of the user who created it'),
  lastUsedAt: z.iso.datetime().nullable().describe('updated at most once a minute'),
  revokedAt: z.iso.datetime().nullable(),
});

export const apiKeysResponse = z.object({ apiKeys: z.array(apiKey) });

export const createApiKeyBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  readOnly: z.boolean().default(false).describe('read-only keys act as a viewer, others as a lead'),
});

export const createdApiKeyResponse = apiKey.extend({
  key: z.string().describe('the full key (yg_…): shown only in this answer'),
});

export const apiKeysContract = {
  list: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/api-keys',
    access: 'owner',
    summary: 'API keys of the workspace (prefix, name, read-only, created, last used, revoked)',
    response: apiKeysResponse,
  }),
  create: defineRoute({
    method: 'post',
    path: '/workspaces/:ws/api-keys',
    access: 'owner',
    summary: 'Create an API key; the key is returned once and only its hash is kept',
    body: createApiKeyBody,
    response: createdApiKeyResponse,
    status: 201,
  }),
  revoke: defineRoute({
    method: 'delete',
    path: '/workspaces/:ws/api-keys/:keyId',
    access: 'owner',
    summary: 'Revoke an API key (it answers 401 from then on)',
    params: idParam('keyId'),
  }),
};
