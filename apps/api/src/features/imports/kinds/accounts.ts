/** The `accounts` import kind. */
import { defineKind, f, FROM_STAGE } from './kind-spec.js';

export const accounts = defineKind({
  kind: 'accounts',
  table: 'accounts',
  fields: [
    f('account_id', 'id', true, ['账号ID', '账号', '员工账号']),
    f('kind', 'text', false, ['账号类型', '类型', 'type'], 'free text, default wecom'),
    f('registered_at', 'date', false, ['注册日期', '注册时间', '开通日期']),
    f(
      'backup_of',
      'id',
      false,
      ['备用于', '主账号', '备份账号', '主账号ID'],
      'the main account this one backs up',
    ),
  ],
  key: ['account_id'],
  references: [
    {
      field: 'backup_of',
      table: 'accounts',
      column: 'external_id',
      what: 'account',
      orInFile: 'account_id',
    },
  ],
  rowCheck: (get) =>
    get('backup_of') !== null && get('backup_of') === get('account_id')
      ? { field: 'backup_of', reason: 'an account cannot back itself up' }
      : null,
  sqlChecks: [],
  merge: {
    from: FROM_STAGE,
    conflict: ['workspace_id', 'external_id'],
    columns: [
      { column: 'external_id', expr: 's.account_id', field: 'account_id' },
      { column: 'kind', expr: "coalesce(s.kind, 'wecom')", field: 'kind' },
      { column: 'registered_at', expr: 's.registered_at', field: 'registered_at' },
      { column: 'backup_of', expr: 's.backup_of', field: 'backup_of' },
    ],
  },
});
