/** The `channels` import kind. */
import { defineKind, f, FROM_STAGE } from './kind-spec.js';

export const channels = defineKind({
  kind: 'channels',
  table: 'channels',
  fields: [
    f('code', 'id', true, ['渠道编码', '渠道代码', '编码', '代码', 'channel', 'channel_code']),
    f('name', 'text', true, ['渠道名称', '名称', 'channel_name']),
    f('domain', 'domain', true, ['域', '公私域', '渠道域', '归属'], 'public/公域 or private/私域'),
    f('kind', 'text', false, ['类型', '渠道类型', 'type'], 'free text, default other'),
    f('commission_rate', 'rate', false, ['佣金率', '佣金比例', '扣点'], '0.05 or 5%'),
  ],
  key: ['code'],
  references: [],
  sqlChecks: [],
  merge: {
    from: FROM_STAGE,
    conflict: ['workspace_id', 'code'],
    columns: [
      { column: 'code', expr: 's.code', field: 'code' },
      { column: 'name', expr: 's.name', field: 'name' },
      { column: 'domain', expr: 's.domain', field: 'domain' },
      { column: 'kind', expr: "coalesce(s.kind, 'other')", field: 'kind' },
      { column: 'commission_rate', expr: 's.commission_rate', field: 'commission_rate' },
    ],
  },
});
