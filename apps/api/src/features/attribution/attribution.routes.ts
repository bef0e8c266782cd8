import { attributionContract } from '@yugang/contract';
import { fenToYuan } from '@yugang/metrics';
import { implement, type RouteDefinition } from '../../http/route.js';
import { readModelSettings } from '../../read-model/read-model.settings.js';
import { creditedGmvFromReadModel, creditedGmvSplitFromOrders } from './attribution.service.js';

export function attributionRoutes(): RouteDefinition[] {
  return [
    implement(attributionContract.get, async ({ db, workspace, query, window }) => {
      const rows = await creditedGmvFromReadModel(db, workspace.id, query.grain, window);
      return {
        grain: query.grain,
        window,
        rows: rows.map((r) => ({
          period: r.period,
          public: fenToYuan(r.public),
          private: fenToYuan(r.private),
          total: fenToYuan(r.total),
        })),
      };
    }),
    implement(attributionContract.split, async ({ db, workspace, query, window }) => {
      const { privateShare } = readModelSettings(workspace);
      const rows = await creditedGmvSplitFromOrders(
        db,
        workspace.id,
        query.grain,
        window,
        privateShare,
      );
      return {
        grain: query.grain,
        window,
        privateShare,
        rows: rows.map((r) => ({
          ...r,
          public: fenToYuan(r.public),
          private: fenToYuan(r.private),
          total: fenToYuan(r.total),
        })),
      };
    }),
  ];
}
