/** The `costs` import kind. */
import { defineKind, f, FROM_STAGE } from './kind-spec.js';

export const costs = defineKind({
  kind: 'costs',
  table: 'costs',
  fields: [
    f('month', 'month', true, ['月份', '月', '年月'], 'YYYY-MM (or any date in the month)'),
    f('domain', 'domain', true, ['域', '公私域', '归属']),
    f(
      'category',
      'category',
      true,
      ['类别', '成本类别', '类型'],
      'labor/人力, tools/工具, traffic/流量, trial/试错, fixed/固定',
    ),
    f('amount', 'money_nonneg', true, ['金额', '成本', '费用', '金额(元)']),
    f('note', 'text', false, ['备注', '说明']),
  ],
  key: ['month', 'domain', 'category', 'note'],
  references: [],
  sqlChecks: [],
  merge: {
    from: FROM_STAGE,
    conflict: ['workspace_id', 'month', 'domain', 'category', 'note'],
    columns: [
      { column: 'month', expr: 's.month', field: 'month' },
      { column: 'domain', expr: 's.domain', field: 'domain' },
      { column: 'category', expr: 's.category', field: 'category' },
      { column: 'note', expr: "coalesce(s.note, '')", field: 'note' },
      { column: 'amount_fen', expr: 's.amount_fen', field: 'amount' },
    ],
  },
});
