import { z } from 'zod';
import { defineRoute } from './route.js';

export const channel = z.object({
  code: z.string(),
  name: z.string(),
  domain: z.enum(['public', 'private']),
  kind: z.string(),
  commissionRate: z.number().nullable(),
  orders: z.number().int().describe('orders loaded through this channel'),
});

export const channelsResponse = z.object({ channels: z.array(channel) });

export const channelsContract = {
  list: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/channels',
    access: 'viewer',
    summary:
      'Channels with their domain (public or private), kind, commission rate and order count',
    description: 'Channels are loaded (and changed) by importing a channels file.',
    response: channelsResponse,
  }),
};
