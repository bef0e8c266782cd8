import { fenToYuan } from '@yugang/metrics';
import { badRequest } from '../../errors/app-error.js';
import { workspaceRoute, type RouteDefinition } from '../../http/route.js';
import { attributionQuery, attributionResponse } from './attribution.schema.js';
import { creditedGmvFromReadModel } from './attribution.service.js';

export function attributionRoutes(): RouteDefinition[] {
  return [
    workspaceRoute({
      method: 'get',
      path: '/workspaces/:ws/attribution',
      summary: 'GMV credited to the public and private teams per week or month',
      description:
        'The METRICS §4 order-credit rule (first-ever order public → public; first-ever order private → split by the private share; later orders → private for members at order time, else public). Contiguous periods; money in yuan.',
      minRole: 'viewer',
      query: attributionQuery,
      response: attributionResponse,
      handler: async ({ db, workspace, query }) => {
        if ((query.from === undefined) !== (query.to === undefined)) {
          throw badRequest('give both from and to, or neither');
        }
        const window = query.from && query.to ? { from: query.from, to: query.to } : undefined;
        if (window && window.from >= window.to) throw badRequest('from must be before to');
        const rows = await creditedGmvFromReadModel(db, workspace.id, query.grain, window);
        return {
          grain: query.grain,
          window: window ?? null,
          rows: rows.map((r) => ({
            period: r.period,
            public: fenToYuan(r.public),
            private: fenToYuan(r.private),
            total: fenToYuan(r.total),
          })),
        };
      },
    }),
  ];
}
