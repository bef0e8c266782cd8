import { ltvContract } from '@yugang/contract';
import { fenToYuan, type Evidence } from '@yugang/metrics';
import { implement, type RouteDefinition } from '../../http/route.js';
import { historicalLtvFromReadModel } from './ltv.service.js';
import { predictedLtvRoutes } from './ltv-predicted.routes.js';

/** Fen per customer → yuan per customer. */
function inYuan(e: Evidence): Evidence {
  const out: Evidence = {
    value: e.value === null ? null : e.value / 100,
    numerator: fenToYuan(e.numerator),
    denominator: e.denominator,
  };
  if (e.reason !== undefined) out.reason = e.reason;
  return out;
}

export function ltvRoutes(): RouteDefinition[] {
  return [
    implement(ltvContract.get, async ({ db, workspace, query }) => {
      const ltv = await historicalLtvFromReadModel(db, workspace, {
        basis: query.basis,
        measure: query.measure,
        asOf: query.asOf,
        maxK: query.maxK,
      });
      return {
        ...ltv,
        groupAt: ltv.groupAt?.toISOString() ?? null,
        cohorts: ltv.cohorts.map((c) => ({
          cohort: c.cohort,
          size: c.size,
          cells: {
            public: c.cells.public.map(inYuan),
            private: c.cells.private.map(inYuan),
            all: c.cells.all.map(inYuan),
          },
        })),
      };
    }),
    ...predictedLtvRoutes(),
  ];
}
