/** The `account_daily` import kind. */
import { defineKind, f, FROM_STAGE } from './kind-spec.js';

export const accountDaily = defineKind({
  kind: 'account_daily',
  table: 'account_daily',
  fields: [
    f('account_id', 'id', true, ['账号ID', '账号', '员工账号']),
    f('date', 'date', true, ['日期', '统计日期']),
    f('active_adds', 'count', false, ['主动加好友数', '主动添加数', '主动加人数', '主动添加']),
    f('passive_adds', 'count', false, ['被动加好友数', '被动添加数', '被添加数', '被动添加']),
    f('mass_sends', 'count', false, ['群发次数', '群发数']),
    f('complaints', 'count', false, ['投诉数', '被投诉次数', '投诉次数']),
  ],
  key: ['account_id', 'date'],
  references: [{ field: 'account_id', table: 'accounts', column: 'external_id', what: 'account' }],
  sqlChecks: [],
  merge: {
    from: FROM_STAGE,
    conflict: ['workspace_id', 'account_id', 'date'],
    columns: [
      { column: 'account_id', expr: 's.account_id', field: 'account_id' },
      { column: 'date', expr: 's.date', field: 'date' },
      { column: 'active_adds', expr: 'coalesce(s.active_adds, 0)', field: 'active_adds' },
      { column: 'passive_adds', expr: 'coalesce(s.passive_adds, 0)', field: 'passive_adds' },
      { column: 'mass_sends', expr: 'coalesce(s.mass_sends, 0)', field: 'mass_sends' },
      { column: 'complaints', expr: 'coalesce(s.complaints, 0)', field: 'complaints' },
    ],
  },
});
