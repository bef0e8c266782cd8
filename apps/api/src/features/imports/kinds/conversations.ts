/** The `conversations` import kind. */
import { defineKind, f, FROM_STAGE, instant } from './kind-spec.js';

export const conversations = defineKind({
  kind: 'conversations',
  table: 'conversations',
  fields: [
    f('conversation_id', 'id', true, ['会话ID', '会话编号', '咨询ID']),
    f('customer_id', 'id', false, ['客户ID', '客户编号', '会员ID']),
    f('account_id', 'id', false, ['账号ID', '员工账号', '客服账号']),
    f('first_inbound_at', 'instant', true, [
      '首次咨询时间',
      '首次进线时间',
      '首条消息时间',
      '咨询时间',
    ]),
    f('first_response_at', 'instant', false, ['首次回复时间', '回复时间']),
  ],
  key: ['conversation_id'],
  references: [
    { field: 'customer_id', table: 'customers', column: 'external_id', what: 'customer' },
    { field: 'account_id', table: 'accounts', column: 'external_id', what: 'account' },
  ],
  sqlChecks: [
    {
      field: 'first_response_at',
      breaks: `${instant('first_response_at')} < ${instant('first_inbound_at')}`,
      reason: 'first reply is before the first inbound message',
    },
  ],
  merge: {
    from: `${FROM_STAGE}
      left join customers c on c.workspace_id = w.id and c.external_id = s.customer_id`,
    conflict: ['workspace_id', 'external_id'],
    columns: [
      { column: 'external_id', expr: 's.conversation_id', field: 'conversation_id' },
      { column: 'customer_id', expr: 'c.id', field: 'customer_id' },
      { column: 'account_id', expr: 's.account_id', field: 'account_id' },
      { column: 'first_inbound_at', expr: instant('first_inbound_at'), field: 'first_inbound_at' },
      {
        column: 'first_response_at',
        expr: instant('first_response_at'),
        field: 'first_response_at',
      },
    ],
  },
});
