/** The `customers` import kind. */
import { defineKind, f, FROM_STAGE, instant, PHONE_ALIASES } from './kind-spec.js';

export const customers = defineKind({
  kind: 'customers',
  table: 'customers',
  fields: [
    f('customer_id', 'id', false, ['客户ID', '客户编号', '会员ID', '用户ID']),
    f('phone', 'phone', false, PHONE_ALIASES, 'a mainland mobile: stored only as its keyed hash'),
    f('acquired_at', 'instant', false, ['获客时间', '首次获取时间', '注册时间', '首次下单时间']),
    f('acquisition_channel', 'id', false, ['获客渠道', '来源渠道', '渠道']),
    f('joined_private_at', 'instant', false, [
      '入私域时间',
      '加入私域时间',
      '加微时间',
      '入群时间',
    ]),
    f('left_private_at', 'instant', false, [
      '离开私域时间',
      '退出私域时间',
      '删除时间',
      '单删时间',
    ]),
  ],
  key: ['customer_id'],
  identity: ['customer_id', 'phone'],
  references: [
    { field: 'acquisition_channel', table: 'channels', column: 'code', what: 'channel' },
  ],
  sqlChecks: [
    {
      field: 'left_private_at',
      breaks: `${instant('left_private_at')} < ${instant('joined_private_at')}`,
      reason: 'left the private domain before joining it',
    },
  ],
  merge: {
    from: FROM_STAGE,
    conflict: ['workspace_id', 'external_id'],
    columns: [
      { column: 'external_id', expr: 's.customer_id', field: 'customer_id' },
      { column: 'acquired_at', expr: instant('acquired_at'), field: 'acquired_at' },
      {
        column: 'acquisition_channel',
        expr: 's.acquisition_channel',
        field: 'acquisition_channel',
      },
      {
        column: 'joined_private_at',
        expr: instant('joined_private_at'),
        field: 'joined_private_at',
      },
      { column: 'left_private_at', expr: instant('left_private_at'), field: 'left_private_at' },
    ],
  },
});
