/** The `experiments` import kind: A/B holdout assignments (issue 15). */
import { defineKind, f, FROM_STAGE, instant } from './kind-spec.js';

const TREATMENT = ['treatment', '实验组', '处理组'];
const HOLDOUT = ['holdout', 'control', '对照组', '留出组'];

export const experiments = defineKind({
  kind: 'experiments',
  table: 'experiment_assignments',
  fields: [
    f('experiment_id', 'id', true, ['实验ID', '实验编号', '实验']),
    f('customer_id', 'id', true, ['客户ID', '客户编号', '会员ID']),
    f('arm', 'text', true, ['分组', '组别', '实验分组'], 'treatment/实验组 or holdout/对照组'),
    f('assigned_at', 'instant', true, ['分组时间', '分配时间', '入组时间']),
  ],
  key: ['experiment_id', 'customer_id'],
  references: [
    { field: 'customer_id', table: 'customers', column: 'external_id', what: 'customer' },
  ],
  rowCheck: (get) => {
    const arm = String(get('arm') ?? '').toLowerCase();
    return [...TREATMENT, ...HOLDOUT].includes(arm)
      ? null
      : { field: 'arm', reason: 'arm must be treatment (实验组) or holdout (对照组)' };
  },
  sqlChecks: [],
  merge: {
    // Rows with another arm never reach the merge: rowCheck rejects them.
    from: `${FROM_STAGE}
      join customers c on c.workspace_id = w.id and c.external_id = s.customer_id`,
    conflict: ['workspace_id', 'experiment_id', 'customer_id'],
    columns: [
      { column: 'experiment_id', expr: 's.experiment_id', field: 'experiment_id' },
      { column: 'customer_id', expr: 'c.id', field: 'customer_id' },
      {
        column: 'arm',
        expr: `case when lower(s.arm) in (${TREATMENT.map((a) => `'${a}'`).join(', ')})
          then 'treatment' else 'holdout' end`,
        field: 'arm',
      },
      { column: 'assigned_at', expr: instant('assigned_at'), field: 'assigned_at' },
    ],
  },
});
